"""Events: kind, date, participants and status, on documents with hand-made entities.

The entities and mentions are built here from a small table, so these tests exercise the
event rules alone, whatever the entity stage makes of the same text.
"""
from __future__ import annotations

import datetime as dt

import pytest

from kg.document import Document
from kg.extract.events import find_events, rules

from hand_entities import doc_with_entities, key

THU = dt.date(2023, 9, 21)      # published on a Thursday

# name -> (type, other forms the text may use)
ENTITIES = {
    "Jane Doe": ("Person", ("Doe",)),
    "Sam Lee": ("Person", ("Lee",)),
    "Ann Park": ("Person", ()),
    "United Widget Workers": ("Union", ("UWW", "the union")),
    "Screen Performers Guild": ("Guild", ("SPG",)),
    "Acme Corp": ("Company", ("Acme", "the company")),
    "Alliance of Widget Producers": ("TradeAssociation", ("AWP",)),
    "Variety": ("MediaOutlet", ()),
    "X": ("Platform", ()),
    "Federal Labor Mediation Board": ("GovernmentBody", ("FLMB",)),
}


def make_doc(text: str, published: dt.date | None = THU) -> Document:
    """A document with sentences, and mentions wherever a form of an ENTITIES entry occurs."""
    return doc_with_entities(text, ENTITIES, published)


def events_of(text: str, published: dt.date | None = THU) -> list[tuple[str, str | None, set[str], str]]:
    """(kind, date, participant names, status) for each event found, in order."""
    doc = find_events(make_doc(text, published))
    names = {e.key: e.name for e in doc.entities}
    for ev in doc.events:
        assert ev.evidence.sentence.start <= ev.evidence.span.start <= ev.evidence.span.end <= ev.evidence.sentence.end
        assert ev.evidence.rule.startswith("event.")
    return [(e.kind, e.date, {names[p] for p in e.participants}, e.status) for e in doc.events]


UWW, ACME, AWP, SPG = "United Widget Workers", "Acme Corp", "Alliance of Widget Producers", "Screen Performers Guild"


@pytest.mark.parametrize("text, expected", [
    # strikes: the side that strikes, with its date
    ("United Widget Workers went on strike on March 3.",
     [("Strike", "2023-03-03", {UWW}, "occurred")]),
    ("Talks stalled during the UWW strike that began in May.",
     [("Strike", "2023-05", {UWW}, "occurred")]),
    ("About 9,000 UWW members walked off the job at three Acme plants on Sept. 14.",
     [("Strike", "2023-09-14", {UWW}, "occurred")]),
    ("After two months, the Screen Performers Guild joined the strike.",
     [("Strike", None, {SPG}, "occurred")]),
    # negotiations and meetings
    ("Negotiations between United Widget Workers and the Alliance of Widget Producers resumed on Tuesday.",
     [("Negotiation", "2023-09-19", {UWW, AWP}, "occurred")]),
    ("Talks between Acme and the union broke down last month.",
     [("Negotiation", "2023-08", {ACME, UWW}, "occurred")]),
    ("Negotiators for Acme and the union returned to the bargaining table Wednesday morning.",
     [("Negotiation", "2023-09-20", {ACME, UWW}, "occurred")]),
    ("Jane Doe met privately with Sam Lee on Monday.",
     [("Meeting", "2023-09-18", {"Jane Doe", "Sam Lee"}, "occurred")]),
    ("Acme and the union will meet again Thursday, Nov. 9.",
     [("Meeting", "2023-11-09", {ACME, UWW}, "planned")]),
    # deals, proposals, votes
    ("Acme Corp and the United Widget Workers reached a tentative agreement on Wednesday.",
     [("Deal", "2023-09-20", {ACME, UWW}, "occurred")]),
    ("The union rejected Acme’s counteroffer.",
     [("Proposal", None, {ACME}, "occurred")]),
    ("On Feb. 16, the Alliance of Widget Producers presented a revised package to the union.",
     [("Proposal", "2023-02-16", {AWP}, "occurred")]),
    ("Members of the United Widget Workers voted Sunday to authorize a strike.",
     [("Vote", "2023-09-17", {UWW}, "occurred")]),
    ("UWW members will hold a ratification vote over the next two weeks.",
     [("Vote", None, {UWW}, "planned")]),
    # statements: who issued them
    ("Jane Doe, the union's president, said in a statement Tuesday that talks had failed.",
     [("Statement", "2023-09-19", {"Jane Doe"}, "occurred")]),
    ("In a memo to members on Thursday, UWW leadership noted that progress was slow.",
     [("Statement", "2023-09-21", {UWW}, "occurred")]),
    ("Sam Lee of Variety shared on X that the talks were over.",
     [("Statement", None, {"Sam Lee"}, "occurred")]),
    ("In a tweet on Wednesday, Acme CEO Sam Lee said talks would go on.",
     [("Statement", "2023-09-20", {"Sam Lee"}, "occurred")]),
    # more ways news prose says it
    ("Acme and the United Widget Workers held talks on Thursday.",
     [("Negotiation", "2023-09-21", {ACME, UWW}, "occurred")]),
    ("Acme and the union signed a new three-year contract on Monday.",
     [("Deal", "2023-09-18", {ACME, UWW}, "occurred")]),
    ("A UWW ratification vote will take place in April.",
     [("Vote", "2024-04", {UWW}, "planned")]),
    ("Acme and the union will hold a meeting with a state mediator on Monday.",
     [("Meeting", "2023-09-25", {ACME, UWW}, "planned")]),
    # the other side after "with"; parties of talks in a relative clause or an aside
    ("The United Widget Workers reached a tentative agreement with Acme on Monday.",
     [("Deal", "2023-09-18", {ACME, UWW}, "occurred")]),
    ("The union, which has been in talks with Acme since March, said in a statement on Tuesday that the deal was fair.",
     [("Negotiation", "2023-03", {ACME, UWW}, "occurred"), ("Statement", "2023-09-19", {UWW}, "occurred")]),
    ("The union has been negotiating with Acme Corp since February.",
     [("Negotiation", "2023-02", {ACME, UWW}, "occurred")]),
    ("The UWW said Tuesday it had reached a tentative agreement with Acme after four months of negotiations.",
     [("Deal", None, {ACME, UWW}, "occurred"), ("Negotiation", None, {ACME, UWW}, "occurred")]),
    ("Acme and the union have been negotiating since January. "
     "On Wednesday, negotiators for both sides met with federal mediators for nine hours.",
     [("Negotiation", "2023-01", {ACME, UWW}, "occurred"), ("Meeting", "2023-09-20", {ACME, UWW}, "occurred")]),
    ("After nearly two years of negotiations, the United Widget Workers went on strike against Acme on Monday.",
     [("Negotiation", None, {ACME, UWW}, "occurred"), ("Strike", "2023-09-18", {UWW}, "occurred")]),
    ("The UWW agreement, reached on Sunday after 16 months of bargaining between Acme and the United Widget Workers, raises pay.",
     [("Deal", "2023-09-17", {ACME, UWW}, "occurred"), ("Negotiation", None, {ACME, UWW}, "occurred")]),
    ("Acme said Tuesday in a statement that it was disappointed.",
     [("Statement", "2023-09-19", {ACME}, "occurred")]),
    ("Acme and the UWW agreed to a new contract on Friday.",
     [("Deal", "2023-09-15", {ACME, UWW}, "occurred")]),
    # ongoing talks are dated by when they began ("since March")
    ("The union has been in talks with Acme since March.\n\nThe workers walked off the job on Aug. 12 after negotiations collapsed.",
     [("Negotiation", "2023-03", {ACME, UWW}, "occurred"), ("Strike", "2023-08-12", {UWW}, "occurred")]),
    # planned votes and meetings with their dates
    ("Acme and the union will meet again with a mediator from the Federal Mediation and Conciliation Service on Tuesday.",
     [("Meeting", "2023-09-26", {ACME, UWW}, "planned")]),
    ("UWW members will vote on the deal Sept. 4.",
     [("Vote", "2024-09-04", {UWW}, "planned")]),
    ("The union said in a statement on Monday that members would vote Sept. 28.",
     [("Statement", "2023-09-18", {UWW}, "occurred"), ("Vote", "2023-09-28", {UWW}, "planned")]),
    # statements in filings and at news conferences
    ("Acme said in a securities filing on Wednesday that labor costs would rise.",
     [("Statement", "2023-09-20", {ACME}, "occurred")]),
    ("Jane Doe told reporters at a news conference on Tuesday that talks would go on.",
     [("Statement", "2023-09-19", {"Jane Doe"}, "occurred")]),
    # a lede that names the sides by description: the article's union and employer resumed talks,
    # and the next sentence's session is those talks; the mediator is neither side
    ("Workers and managers resumed contract talks on Wednesday. The UWW met with Acme for nine hours, "
     "according to the Federal Labor Mediation Board. The FLMB said the UWW and Acme made progress.",
     [("Negotiation", "2023-09-20", {UWW, ACME}, "occurred")]),
    # a side described beside one named ("Acme and the union representing ..."), and a name
    # inside the subject's modifier ("workers at plants run by Acme") is not the subject
    ("Acme and the guild representing its 6,100 actors reached a tentative agreement on Tuesday. "
     "The SPG said so, and SPG leaders backed it.",
     [("Deal", "2023-09-19", {ACME, SPG}, "occurred")]),
    ("Workers at six plants run by Acme reached a tentative agreement with the company on Tuesday, the UWW said.",
     [("Deal", "2023-09-19", {UWW, ACME}, "occurred")]),
    ("The talks were followed by Acme publicly releasing an earlier proposal to the workers.",
     [("Proposal", None, {ACME}, "occurred")]),
    # a passive deal dates the deal; a bargaining session takes the sides of the talks
    ("Acme and the UWW reached a tentative agreement. The deal was struck late Monday after a marathon bargaining session.",
     [("Deal", "2023-09-18", {ACME, UWW}, "occurred"), ("Meeting", None, {ACME, UWW}, "occurred")]),
    ("Acme and the UWW resumed talks on Sept. 5. A mediation session on Sept. 12 ended without a deal.",
     [("Negotiation", "2023-09-05", {ACME, UWW}, "occurred"), ("Meeting", "2023-09-12", {ACME, UWW}, "occurred")]),
    ("A fact-finding hearing between the union and Acme is scheduled for Oct. 2.",
     [("Meeting", "2023-10-02", {UWW, ACME}, "planned")]),
    ("Acme issued a brief statement on Monday.", [("Statement", "2023-09-18", {ACME}, "occurred")]),
    ("The results were announced Saturday by the Federal Labor Mediation Board.",
     [("Statement", "2023-09-16", {"Federal Labor Mediation Board"}, "occurred")]),
    ("The UWW will go on strike Monday, the union said.", [("Strike", "2023-09-25", {UWW}, "planned")]),
    # votes: tallies, "voted to join", the employer of the voters is not a voter, "voting ended"
    ("UWW members voted 1,412 to 96 on Sept. 20 to reject the offer.", [("Vote", "2023-09-20", {UWW}, "occurred")]),
    ("Workers at Acme have voted to join the United Widget Workers.", [("Vote", None, {UWW}, "occurred")]),
    ("UWW members voted to authorize a strike, the union said. Voting ended Tuesday evening.",
     [("Vote", "2023-09-19", {UWW}, "occurred")]),
    ("Acme and the UWW have been negotiating since April 2022. The next mediated session is scheduled for Oct. 4.",
     [("Negotiation", "2022-04", {ACME, UWW}, "occurred"), ("Meeting", "2023-10-04", {ACME, UWW}, "planned")]),
    ("Workers could be back by Friday after their union and the company's owner reached a tentative agreement "
     "early Sunday. The UWW and Acme Corp announced the deal.",
     [("Deal", "2023-09-17", {UWW, ACME}, "occurred"), ("Statement", None, {UWW, ACME}, "occurred")]),
    ("In balloting that closed Tuesday, 97% of members backed a strike, the UWW said. UWW leaders cheered.",
     [("Vote", "2023-09-19", {UWW}, "occurred")]),
    ("Acme offered a 3% raise. The UWW countered on Sept. 19.",
     [("Proposal", None, {ACME}, "occurred"), ("Proposal", "2023-09-19", {UWW}, "occurred")]),
    # more shapes of the same kinds: "last met <date>", posts with an object, "last struck",
    # participial announcements, "proposed <doing>", strike notices, a planned walkout voted on,
    # a relative-clause ratification, a body's own meeting
    ("Acme and the UWW last met Sept. 12, a session that ended after an hour.",
     [("Meeting", "2023-09-12", {ACME, UWW}, "occurred")]),
    ("The UWW posted a short video from the picket line on Instagram on Tuesday.",
     [("Statement", "2023-09-19", {UWW}, "occurred")]),
    ("A video posted by Jane Doe on Friday drew a million views.", [("Statement", "2023-09-15", {"Jane Doe"}, "occurred")]),
    ("The UWW last struck Acme in August 1998.", [("Strike", "1998-08", {UWW}, "occurred")]),
    ("Acme struck a deal with the UWW on Monday.", [("Deal", "2023-09-18", {ACME, UWW}, "occurred")]),
    ("The agreement, announced by the UWW on Monday, raises pay.", [("Statement", "2023-09-18", {UWW}, "occurred")]),
    ("Acme proposed replacing fixed staffing ratios in March.", [("Proposal", "2023-03", {ACME}, "occurred")]),
    ("The proposed contract would raise pay.", []),
    ("The UWW delivered a 10-day strike notice on Sept. 13.", [("Statement", "2023-09-13", {UWW}, "occurred")]),
    ("UWW members voted Wednesday night to stage a one-day walkout on Monday, Oct. 2.",
     [("Vote", "2023-09-20", {UWW}, "occurred"), ("Strike", "2023-10-02", {UWW}, "planned")]),
    ("That deal, which SPG members ratified on Monday, raised pay.", [("Vote", "2023-09-18", {SPG}, "occurred")]),
    ("The Alliance of Widget Producers will discuss the talks at its regular meeting Tuesday.",
     [("Meeting", "2023-09-26", {AWP}, "planned")]),
    ("UWW members will walk off the job at 12:01 a.m. on Thursday, the union said.",
     [("Strike", "2023-09-28", {UWW}, "planned")]),
    ("The UWW and Acme announced the deal shortly after 4 a.m. Sunday.",
     [("Statement", "2023-09-17", {UWW, ACME}, "occurred")]),
    ("Jane Doe weighed in Wednesday in a post on X.", [("Statement", "2023-09-20", {"Jane Doe"}, "occurred")]),
    ("UWW members voted earlier this month to authorize a strike.", [("Vote", "2023-09", {UWW}, "occurred")]),
    # an averted strike is no strike, but the deal that averted it is a deal
    ("Acme averted a strike by reaching a deal with the UWW in October 2021.",
     [("Deal", "2021-10", {UWW, ACME}, "occurred")]),
    ("Acme is committed to reaching a fair agreement.", []),
    ("UWW members rejected it Thursday, with 91% voting no.", [("Vote", "2023-09-21", {UWW}, "occurred")]),
    ("UWW members rejected that offer by 87% in a vote on Monday.", [("Vote", "2023-09-18", {UWW}, "occurred")]),
    ("UWW ratification ballots are due Oct. 15.", [("Vote", "2023-10-15", {UWW}, "planned")]),
    ("The Alliance of Widget Producers meets Oct. 9.", [("Meeting", "2023-10-09", {AWP}, "planned")]),
    ("The talks came up at a Sept. 12 meeting of the Alliance of Widget Producers.",
     [("Meeting", "2023-09-12", {AWP}, "occurred")]),
    ("Acme and the UWW met by video call on Sunday night.", [("Meeting", "2023-09-17", {ACME, UWW}, "occurred")]),
    ("Acme and the UWW reached a deal on Friday after more than a year of bargaining.",
     [("Deal", "2023-09-15", {ACME, UWW}, "occurred"), ("Negotiation", None, {ACME, UWW}, "occurred")]),
    ("Acme and the UWW met on Monday. The two sides have scheduled a full bargaining session for Oct. 12.",
     [("Meeting", "2023-09-18", {ACME, UWW}, "occurred"), ("Meeting", "2023-10-12", {ACME, UWW}, "planned")]),
    # an aside after the name is not where the clause starts ("a chain that runs ..."), and a
    # number's comma does not end a relative clause
    ("Acme, a widget maker that runs 23 plants in six states, said in a statement Monday that it had hired replacements.",
     [("Statement", "2023-09-18", {ACME}, "occurred")]),
    ("Acme, which employs 4,000 workers at the plant, said in a statement on Monday that talks failed.",
     [("Statement", "2023-09-18", {ACME}, "occurred")]),
    # a relative clause on the subject does not hedge the main verb ("calls for" here is a noun)
    ("The firm that answers customer-service calls for Acme reached a tentative agreement with the UWW late Wednesday, averting a strike.",
     [("Deal", "2023-09-20", {UWW}, "occurred")]),          # the firm is not named; Acme is its client
    ("Acme presented what it called its last, best and final offer on Wednesday.",
     [("Proposal", "2023-09-20", {ACME}, "occurred")]),
    ("Acme and the UWW met in May. Talks mediated by the Federal Labor Mediation Board broke down on Wednesday.",
     [("Meeting", "2023-05", {ACME, UWW}, "occurred"), ("Negotiation", "2023-09-20", {UWW, ACME}, "occurred")]),
    ("UWW members walked off the job on Thursday after nearly two years of bargaining with owner Acme.",
     [("Strike", "2023-09-21", {UWW}, "occurred"), ("Negotiation", None, {ACME, UWW}, "occurred")]),
    ("Acme and the UWW had met 41 times before the walkout.", [("Meeting", None, {ACME, UWW}, "occurred")]),
    ("The union representing Acme drivers delivered a counterproposal on Monday. The UWW said so, and UWW leaders backed it.",
     [("Proposal", "2023-09-18", {UWW}, "occurred")]),
    # "a vote set for <date>" is scheduled whatever the clause around it asks; a walkout the
    # union "came within days of" did not happen, the deal it reached before did
    ("The UWW will ask members to authorize a strike in a vote set for Oct. 9.",
     [("Vote", "2023-10-09", {UWW}, "planned")]),
    ("In October 2021, the UWW came within days of a walkout before reaching a deal with Acme.",
     [("Deal", "2021-10", {ACME, UWW}, "occurred")]),
    ("The walkout comes ahead of a Sept. 28 meeting of the Alliance of Widget Producers.",
     [("Meeting", "2023-09-28", {AWP}, "planned")]),
    ("No vote is scheduled for October, the UWW said.", []),
    # British and Commonwealth usage: industrial action, downed tools, stoppages, ballots
    ("UWW members took industrial action on Monday.", [("Strike", "2023-09-18", {UWW}, "occurred")]),
    ("UWW members downed tools on Monday.", [("Strike", "2023-09-18", {UWW}, "occurred")]),
    ("The UWW's 24-hour stoppage began on Monday.", [("Strike", "2023-09-18", {UWW}, "occurred")]),
    ("UWW members backed strike action in a ballot that closed on Monday.",
     [("Vote", "2023-09-18", {UWW}, "occurred")]),
    ("UWW members will be balloted on industrial action.\n\nAcme said it was disappointed.\n\n"
     "Acme had offered a 3% raise.\n\nThe ballot is due to open on 28 September.",
     [("Vote", "2023-09-28", {UWW}, "planned"), ("Proposal", None, {ACME}, "occurred")]),
    # "its" names the organization last named; plural agreements; refusing to work; "stayed out";
    # letters; longer meeting names; balloting members; elections; "proposed on Friday to";
    # a board's approval; British "in favour"; "most recently on"; durations before the day;
    # a passive deal with its date; "an earlier offer from X" but not "the offer from X";
    # a passive approval "in a ballot" is the vote already named
    ("Acme said its final proposal, presented Saturday, was generous.", [("Proposal", "2023-09-16", {ACME}, "occurred")]),
    ("Acme reached agreements with the UWW last month.", [("Deal", "2023-08", {ACME, UWW}, "occurred")]),
    ("UWW members will refuse to train on Saturday.", [("Strike", "2023-09-23", {UWW}, "planned")]),
    ("UWW members stayed out for 41 days in 2009.", [("Strike", None, {UWW}, "occurred")]),
    ("The UWW had written to Acme's chief executive.", [("Statement", None, {UWW}, "occurred")]),
    ("Acme and the UWW held their quarterly pay review meeting on Tuesday.",
     [("Meeting", "2023-09-19", {ACME, UWW}, "occurred")]),
    ("The UWW will ballot members on industrial action in October.", [("Vote", "2023-10", {UWW}, "planned")]),
    ("In an election that concluded Thursday, UWW members chose the union.", [("Vote", "2023-09-21", {UWW}, "occurred")]),
    ("The UWW proposed on Friday to extend the contract.", [("Proposal", "2023-09-15", {UWW}, "occurred")]),
    ("The UWW's board approved it unanimously last month.", [("Vote", "2023-08", {UWW}, "occurred")]),
    ("UWW members voted 78 per cent in favour of the deal on Sunday.", [("Vote", "2023-09-17", {UWW}, "occurred")]),
    ("Acme and the UWW have met more than 30 times, most recently on Thursday afternoon.",
     [("Meeting", "2023-09-21", {ACME, UWW}, "occurred")]),
    ("UWW members walked off the job for 24 hours yesterday.", [("Strike", "2023-09-20", {UWW}, "occurred")]),
    ("The UWW and Acme reached a deal. The agreement, reached last Thursday, raises pay.",
     [("Deal", "2023-09-14", {UWW, ACME}, "occurred")]),
    ("UWW members rejected an earlier offer from Acme.", [("Proposal", None, {ACME}, "occurred")]),
    ("UWW members rejected the offer from Acme.", []),
    ("UWW members ratified the contract.\n\nIt was approved in a ballot on Sept. 17.",
     [("Vote", "2023-09-17", {UWW}, "occurred")]),
    # a subordinate clause starts at "since" even right before the trigger (no "will" from the
    # main clause); a date after a long place phrase is still the event's
    ("Acme and the UWW will resume talks Wednesday. It will be the first session since talks broke off Saturday night.",
     [("Negotiation", "2023-09-27", {ACME, UWW}, "planned"), ("Negotiation", "2023-09-16", {ACME, UWW}, "occurred")]),
    ("About 5,000 UWW members walked off the job at three downtown plants owned by Acme Corp early Monday.",
     [("Strike", "2023-09-18", {UWW}, "occurred")]),
    # two employers named as often: the one the lede names is the story's side
    ("UWW members struck Acme Corp on Monday.\n\nThe Alliance of Widget Producers backed Acme.\n\n"
     "The Alliance of Widget Producers said the two sides last met on Sept. 12.",
     [("Meeting", "2023-09-12", {UWW, ACME}, "occurred")]),
    ("Thousands of UWW drivers logged off across the state on Friday in a 24-hour strike over pay.",
     [("Strike", "2023-09-15", {UWW}, "occurred")]),
    ("The Alliance of Widget Producers' board approved the deal unanimously last month.",
     [("Vote", "2023-08", {AWP}, "occurred")]),
    # summaries sent to members, livestreams, a body's special meeting, "which began at 12:01 a.m.",
    # "both agreed to return Friday", "is also negotiating", passive ratification, "will strike"
    # (but not on a condition), "struck for five days", a post "on X" after another verb
    ("The deal was outlined in a summary sent to members by the UWW on Monday.",
     [("Statement", "2023-09-18", {UWW}, "occurred")]),
    ("Jane Doe said during a livestream to members on Facebook Tuesday night that the offer was an insult.",
     [("Statement", "2023-09-19", {"Jane Doe"}, "occurred")]),
    ("The Alliance of Widget Producers will consider it at a special meeting Tuesday.",
     [("Meeting", "2023-09-26", {AWP}, "planned")]),
    ("The UWW strike, which began at 12:01 a.m. Tuesday, has closed the plants.",
     [("Strike", "2023-09-19", {UWW}, "occurred")]),
    ("Acme and the UWW met on Thursday, and both agreed to return Friday.",
     [("Meeting", "2023-09-21", {ACME, UWW}, "occurred"), ("Negotiation", "2023-09-22", {ACME, UWW}, "planned")]),
    ("The UWW is also negotiating with Acme.", [("Negotiation", None, {UWW, ACME}, "occurred")]),
    ("The UWW said its contract was ratified by 87% of voting members.", [("Vote", None, {UWW}, "occurred")]),
    ("The UWW will strike for three days starting Oct. 1.", [("Strike", "2023-10-01", {UWW}, "planned")]),
    ("The UWW will strike on Oct. 1 if no deal is reached.", []),
    ("UWW nurses struck for five days in August.", [("Strike", "2023-08", {UWW}, "occurred")]),
    ("Jane Doe celebrated the agreement on X shortly after midnight.", [("Statement", None, {"Jane Doe"}, "occurred")]),
    # a participle after the noun dates it ("submitted Aug. 21"); a date just before the verb
    # ("last month offered"); "answered with a counterproposal"; "bargaining is scheduled to
    # begin"; a vote "set to close"; but "asking that bargaining begin" is a request, and a
    # walkout "set to end" is not a new strike
    ("The union's own proposal, submitted Aug. 21, seeks a 36% raise.", [("Proposal", "2023-08-21", {UWW}, "occurred")]),
    ("Acme last month offered raises of 17% in the first year.", [("Proposal", "2023-08", {ACME}, "occurred")]),
    ("The UWW answered with a counterproposal on Sept. 20 that sought a ban.",
     [("Proposal", "2023-09-20", {UWW}, "occurred")]),
    ("UWW members said an online ratification vote is set to close Oct. 9.", [("Vote", "2023-10-09", {UWW}, "planned")]),
    ("The UWW sent a letter today to Acme asking that bargaining begin within 30 days.",
     [("Statement", "2023-09-21", {UWW}, "occurred")]),
    ("The UWW walkout began on Monday. The walkout is set to end at 7 a.m. Friday.",
     [("Strike", "2023-09-18", {UWW}, "occurred")]),
    ("The UWW will begin negotiations with Acme on Oct. 9, the two sides announced Wednesday in a joint statement.",
     [("Negotiation", "2023-10-09", {UWW, ACME}, "planned"), ("Statement", "2023-09-20", {UWW, ACME}, "occurred")]),
    ("UWW members voted to strike Acme as contract talks drag into a third year.",
     [("Vote", None, {UWW}, "occurred"), ("Negotiation", None, {UWW, ACME}, "occurred")]),
])
def test_events(text: str, expected: list[tuple[str, str | None, set[str], str]]) -> None:
    assert events_of(text) == expected


@pytest.mark.parametrize("text", [
    # hoped-for, expected, hypothetical, negated, averted: not facts
    "The union and Acme hope to finalize a deal tomorrow.",
    "A strike could follow if talks fail.",
    "The agreement averted a strike at Acme.",
    "Acme has not reached a deal with the union.",
    "Acme and the union failed to reach an agreement.",
    "Members could hold a strike authorization vote this summer.",
    "Without a deal, a walkout would hit Acme hardest.",
    # generic or nobody named
    "The strikes have cost the industry billions.",
    "Met today and hope to finalize a deal tomorrow.",
    # a strike by a company is no strike
    "Acme walked out after two hours.",
    # a word inside a name is not a trigger
    "The Alliance of Widget Producers said little.",
    # bargaining as a bloc is no negotiation
    "Acme and the AWP, who are bargaining together as one group, said little.",
])
def test_not_events(text: str) -> None:
    assert events_of(text) == []


def test_the_news_conference_named_again_is_the_same_statement() -> None:
    text = ("The UWW announced the walkout at a news conference Wednesday.\n\n"
            "“We are done waiting,” Jane Doe said at the news conference.\n\n"
            "Acme said in a statement that it was disappointed. “We will keep talking,” Sam Lee said in the statement.")
    assert events_of(text) == [("Statement", "2023-09-20", {UWW, "Jane Doe"}, "occurred"),
                               ("Statement", None, {ACME, "Sam Lee"}, "occurred")]


def test_mentions_of_one_meeting_merge_and_attendees_join() -> None:
    text = ("Acme and the union met on Wednesday in Chicago.\n\n"
            "Several leaders, including Jane Doe, Acme CEO; Sam Lee, AWP chairman; and Ann Park, "
            "joined Wednesday’s meeting.\n\n"
            "Wednesday’s gathering marked a return to the bargaining table for Acme and the union.")
    assert events_of(text) == [("Meeting", "2023-09-20", {ACME, UWW, "Jane Doe", "Sam Lee", "Ann Park"}, "occurred")]


def test_a_separate_meeting_stays_separate_and_takes_its_date_from_that_conference() -> None:
    text = ("Acme and the union met on Wednesday. The talks followed a separate meeting between "
            "AWP leaders and the union. That conference, on Aug. 22, ended badly.")
    assert events_of(text) == [("Meeting", "2023-09-20", {ACME, UWW}, "occurred"),
                               ("Meeting", "2023-08-22", {AWP, UWW}, "occurred")]


def test_one_strike_named_twice_is_one_event() -> None:
    text = ("The UWW strike that began in May has idled Acme.\n\n"
            "The United Widget Workers went on strike at the beginning of May over pay.")
    assert events_of(text) == [("Strike", "2023-05", {UWW}, "occurred")]


def test_a_strike_named_again_is_the_same_strike() -> None:
    text = ("Workers at Acme remain on strike after members of the United Widget Workers walked out on "
            "June 3.\n\nThe strike began after months of bargaining.")
    assert events_of(text) == [("Strike", "2023-06-03", {UWW}, "occurred")]


def test_a_strike_mentioned_in_passing_is_not_dated_by_the_clause_around_it() -> None:
    text = ("The United Widget Workers went on strike on Sept. 12.\n\n"
            "Members voted 89% in favor of the strike on Sept. 2.")
    assert events_of(text) == [("Strike", "2023-09-12", {UWW}, "occurred"),
                               ("Vote", "2023-09-02", {UWW}, "occurred")]


def test_a_date_in_the_clause_around_an_offer_is_not_the_offers() -> None:
    text = ("Members of the UWW rejected Acme's latest contract offer on Thursday.\n\n"
            "Acme's previous offer, made Sept. 1, was smaller.")
    assert events_of(text) == [("Proposal", None, {ACME}, "occurred"),
                               ("Proposal", "2023-09-01", {ACME}, "occurred")]


def test_an_indefinite_meeting_is_a_new_one_and_people_outrank_their_titles() -> None:
    text = ("Acme and the union met on Monday.\n\n"
            "On Wednesday, a last-ditch meeting between AWP president Ann Park and Jane Doe failed.")
    assert events_of(text) == [("Meeting", "2023-09-18", {ACME, UWW}, "occurred"),
                               ("Meeting", "2023-09-20", {"Ann Park", "Jane Doe"}, "occurred")]


def test_relative_dates_in_an_excerpt_of_earlier_reporting_stay_unresolved() -> None:
    text = ("Acme and the union are still far apart.\n\nVariety updated:\n\n"
            "In a memo to members on Thursday, UWW leadership noted that progress was slow.")
    assert events_of(text) == [("Statement", None, {UWW}, "occurred")]


def test_without_a_published_date_only_dates_with_a_year_resolve() -> None:
    text = "United Widget Workers went on strike on Monday. Acme and the union met on March 3, 2022."
    assert events_of(text, published=None) == [("Strike", None, {UWW}, "occurred"),
                                               ("Meeting", "2022-03-03", {ACME, UWW}, "occurred")]


def test_every_trigger_rule_has_a_known_kind_and_mode() -> None:
    for r in rules():
        assert r.kind in ("Meeting", "Negotiation", "Strike", "Deal", "Proposal", "Vote", "Statement"), r.name
        assert r.mode in ("new", "ref", "sep", "join"), r.name


def test_the_employer_may_be_a_body_named_far_more_often_than_a_company_in_passing() -> None:
    """A league (no company suffix, so of unknown kind) is the players' counterpart, not the one
    team the story names once; a mediation board is never a side."""
    from kg.extract.cues import Parties

    entities = {"Coastal Hockey League": ("Organization", ("the league",)), "Players Union": ("Union", ()),
                "Harbor Hawks Inc": ("Company", ()), "State Mediation Board": ("GovernmentBody", ())}
    text = ("The Players Union and the Coastal Hockey League met on Monday. The Coastal Hockey League said "
            "the State Mediation Board and the State Mediation Board's staff would help. Harbor Hawks Inc "
            "backed the Coastal Hockey League, and the Coastal Hockey League thanked the Players Union.")
    doc = doc_with_entities(text, entities, THU)
    assert Parties(doc).main_sides() == [key("Players Union"), key("Coastal Hockey League")]
