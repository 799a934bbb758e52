"""Roles: who holds which title at which organization, as a reader of the article would say."""
from __future__ import annotations

import pytest

from kg.document import Document
from kg.extract.entities import find_entities
from kg.extract.roles import find_roles
from kg.reader import parse_article
from kg.sentences import sentences


def roles_of(text: str) -> set[tuple[str, str | None, str | None]]:
    doc = find_roles(find_entities(sentences(Document(parse_article(text + "\n")))))
    name = {e.key: e.name for e in doc.entities}
    for r in doc.roles:       # every role points at its evidence inside its sentence
        assert r.evidence.span in r.evidence.sentence
        assert r.evidence.rule.startswith("role.") and 0 < r.evidence.confidence <= 1
    return {(name[r.person], r.title, name.get(r.organization) if r.organization else None) for r in doc.roles}


@pytest.mark.parametrize("text, expected", [
    # title before the name, with the organization before the title
    ("Orbit Media co-CEO Sam Reyes said the talks were productive.", {("Sam Reyes", "co-CEO", "Orbit Media")}),
    ("Acme Corp. Chief Executive Dana Whitfield said the offer stands.",
     {("Dana Whitfield", "Chief Executive", "Acme Corp.")}),
    ("Kestrel chief executive officer Laura Brennan-Whitley met the union.",
     {("Laura Brennan-Whitley", "chief executive officer", "Kestrel")}),
    ("Ohio Governor Tom Hart urged both sides to return.", {("Tom Hart", "Governor", None)}),
    ("Mayor Alicia Romero urged both sides to keep talking.", {("Alicia Romero", "Mayor", None)}),
    # title after the name, with and without commas, any case
    ("Sam Reyes, Orbit Media co-CEO, said the talks were productive.", {("Sam Reyes", "co-CEO", "Orbit Media")}),
    ("Tom Beckett, owner of Beckett Freight Services, said the port must stay open.",
     {("Tom Beckett", "owner", "Beckett Freight Services")}),
    ("Helen Marsh, an airline analyst at Redmond Capital, expects a deal.",
     {("Helen Marsh", "airline analyst", "Redmond Capital")}),
    ("Vice President Ann Lee, the chief negotiator with Acme Corp., said talks would resume.",
     {("Ann Lee", "Vice President", None), ("Ann Lee", "chief negotiator", "Acme Corp.")}),
    ("Felix Amato, president of worldwide production at Corvid Pictures, attended.",
     {("Felix Amato", "president of worldwide production", "Corvid Pictures")}),
    # the organization named by a description the context makes clear
    ("The Harbor Employers Association, a trade group, rejected the offer. Trade group president Marta Olsen "
     "called it final.", {("Marta Olsen", "president", "Harbor Employers Association")}),
    ("The Allied Dockworkers Union rejected the deal, and union president Joe Kowalski said members would vote.",
     {("Joe Kowalski", "president", "Allied Dockworkers Union")}),
    ("The Coastal Nurses Association struck. “We are ready,” said Anne-Marie Kowalczyk, the association’s president.",
     {("Anne-Marie Kowalczyk", "president", "Coastal Nurses Association")}),
    ("The Allied Painters Guild met. Rita Moss, who heads the union, said the vote was close.",
     {("Rita Moss", "head", "Allied Painters Guild")}),
    ("The Allied Painters Guild's delegation was led by its president, Theresa Mulcahy.",
     {("Theresa Mulcahy", "president", "Allied Painters Guild")}),
    ("The Harbor Maritime Alliance rejected it. A spokesperson for the alliance, Jim McNamara, declined to comment.",
     {("Jim McNamara", "spokesperson", "Harbor Maritime Alliance")}),
    ("The National Retail Federation urged talks. “It would hurt,” said Jonathan Gold, the group's vice president "
     "of supply chain and customs policy.",
     {("Jonathan Gold", "vice president of supply chain and customs policy", "National Retail Federation")}),
    ("The Allied Dockworkers Union met Acme Corp. Acme Corp. CEO and President Jane Doe attended.",
     {("Jane Doe", "CEO", "Acme Corp."), ("Jane Doe", "President", "Acme Corp.")}),
    ("The Allied Dockworkers Union struck. Jane Doe, who is president of the union, spoke. Doe, the union's "
     "lead negotiator, said more.",
     {("Jane Doe", "president", "Allied Dockworkers Union"), ("Jane Doe", "lead negotiator", "Allied Dockworkers Union")}),
    ("The Allied Dockworkers Union struck. The head of the union, Jane Doe, spoke. Union leader John Roe agreed.",
     {("Jane Doe", "head", "Allied Dockworkers Union"), ("John Roe", "leader", "Allied Dockworkers Union")}),
    ("The Allied Dockworkers Union and the Harbor Employers Association met. Jane Doe, the union’s chief "
     "negotiator, and John Roe, the association's lead negotiator, spoke.",
     {("Jane Doe", "chief negotiator", "Allied Dockworkers Union"),
      ("John Roe", "lead negotiator", "Harbor Employers Association")}),
    ("The International Brotherhood of Teamsters struck Amazon.com Inc. Randy Korgan, the Teamsters' national "
     "director for Amazon, said more strikes were planned.",
     {("Randy Korgan", "national director", "International Brotherhood of Teamsters")}),
    ("Acme Corp. met the union. Bob Smith, 54, a spokesperson for Acme Corp., said so.",
     {("Bob Smith", "spokesperson", "Acme Corp.")}),
    ("The NFL Players Association met the league. NFLPA executive director Lloyd Howell spoke.",
     {("Lloyd Howell", "executive director", "NFL Players Association")}),
    # two unions equally in view: "union president" does not say which
    ("The Allied Painters Guild and the Coastal Dockworkers Union met. Union president Joe Kowalski spoke.",
     {("Joe Kowalski", "president", None)}),
    # affiliations without a title
    ("Jane Ortiz with CNBC reported that talks broke down.", {("Jane Ortiz", None, "CNBC")}),
    ("Orbit's Lena Park said the company would respond.", {("Lena Park", None, "Orbit")}),
    ("The Harbor Employers Association made a final offer. Its chief executive, Jonathan Ashdown, told "
     "reporters the door was open.", {("Jonathan Ashdown", "chief executive", "Harbor Employers Association")}),
    ("SPG-AFMA's national board will meet. The union's president, Rhoda Finch, called the deal historic.",
     {("Rhoda Finch", "president", "SPG-AFMA")}),
    # credits and bylines at the foot of a story
    ("Photo: Nurses picket on Tuesday. (Dana Whitfield / The Harbor City Ledger)",
     {("Dana Whitfield", None, "The Harbor City Ledger")}),
    ("The Harbor City Ledger first reported the date. Mary Clarke-Hughes covers labor for The Harbor City Ledger.",
     {("Mary Clarke-Hughes", None, "The Harbor City Ledger")}),
    # a title with no organization named
    ("Jeremy Castellanos, a producer of two musicals now running, said he was worried.",
     {("Jeremy Castellanos", "producer", None)}),
    ("The culture secretary, Helen Prior, urged both sides to talk.", {("Helen Prior", "culture secretary", None)}),
    # a list of executives: one role per title, compound titles split
    ("Several executives attended, including Bob Smith, Acme Corp. CEO; Jane Roe, Beta Corp. co-CEO; "
     "and Ann Lee, Gamma Group chairman and chief content officer.",
     {("Bob Smith", "CEO", "Acme Corp."), ("Jane Roe", "co-CEO", "Beta Corp."),
      ("Ann Lee", "chairman", "Gamma Group"), ("Ann Lee", "chief content officer", "Gamma Group")}),
    # title, comma, name
    ("The Allied Painters Guild (APG) struck. “We will win,” APG President, Nora Quill said.",
     {("Nora Quill", "President", "Allied Painters Guild")}),
])
def test_roles(text: str, expected: set[tuple[str, str | None, str | None]]) -> None:
    assert roles_of(text) == expected


def test_shared_organization_in_a_coordinated_pair() -> None:
    text = ("The Allied Painters Guild (APG) met the studios. The union side was led by APG president "
            "Cassandra Moyo and national executive director Tobias Weir.")
    assert roles_of(text) == {("Cassandra Moyo", "president", "Allied Painters Guild"),
                              ("Tobias Weir", "national executive director", "Allied Painters Guild")}


@pytest.mark.parametrize("text", [
    # a former title is not held now
    "Former Acme Corp. CEO Bob Smith criticized the deal.",
    "Bob Smith, the former Acme Corp. CEO, criticized the deal.",
    # a person and an organization side by side are not a role
    "Bob Smith met Acme Corp. executives on Monday.",
    "Kevin Osterhout, a father of two who works nights, said he supports the teachers.",
    "Acme Corp. and the Allied Dockworkers Union met. John Roe, a former Acme Corp. executive, said so.",
    # "the union" before any union is named: no guess
    "The union's president, Rhoda Finch, spoke first. Later the Allied Painters Guild met.",
    # an appositive that goes on past the organization names something else
    "Bernie Sanders, the chairman of the Senate health committee, called for talks.",
    # "with" after a verb is not an affiliation
    "The union met with Acme Corp. on Monday, Bob Smith said.",
])
def test_no_role(text: str) -> None:
    assert roles_of(text) == set()


def test_one_role_per_title_and_organization() -> None:
    text = ("Acme Corp. CEO Bob Smith spoke first. Bob Smith, Acme Corp. CEO, spoke again. "
            "Smith of Acme Corp. left.")
    assert roles_of(text) == {("Bob Smith", "CEO", "Acme Corp.")}


def test_its_title_opening_a_sentence_takes_the_previous_sentences_subject() -> None:
    """"The association, which represents A Inc. and B Co., said ... Its chief negotiator, X, ..."
    -> X negotiates for the association (the subject), not for the last company named."""
    from kg.document import Document
    from kg.pipeline import run_stages
    from kg.reader import parse_article

    text = ("Talks\n\nThe Pacific Terminal Association bargains for terminal operators. "
            "The association, which represents Harbor Lines Inc. and Cascadia Shipping Co., said it had "
            "offered a raise. Its chief negotiator, Tom Becker, told Reuters the demands were unrealistic.")
    doc = run_stages(Document(parse_article(text, stem="x")))
    names = {e.key: e.name for e in doc.entities}
    roles = {(names[r.person], r.title, names.get(r.organization or "")) for r in doc.roles}
    assert ("Tom Becker", "chief negotiator", "Pacific Terminal Association") in roles


def test_a_title_does_not_start_inside_the_organization_name() -> None:
    from kg.document import Document
    from kg.pipeline import run_stages
    from kg.reader import parse_article

    doc = run_stages(Document(parse_article(
        "Talks\n\nParamount Global co-CEO Chris McCarthy met union leaders.", stem="x")))
    names = {e.key: e.name for e in doc.entities}
    assert {(names[r.person], r.title, names.get(r.organization or "")) for r in doc.roles} == {
        ("Chris McCarthy", "co-CEO", "Paramount Global")}



@pytest.mark.parametrize("text, expected", [
    # lower-case words between the organization and the title are part of the title
    ("Orrin Motors shift manager Bob Voss said the line would stop.",
     {("Bob Voss", "shift manager", "Orrin Motors")}),
    ("Brightpine Games studio head Ana Pell wrote to the team.", {("Ana Pell", "studio head", "Brightpine Games")}),
    ("The Allied Painters Guild met the studios. At the table was the guild's contract chair, Paul Vek.",
     {("Paul Vek", "contract chair", "Allied Painters Guild")}),
    ("Dana Voss, a pediatric nurse at Harlow Medical Center for 12 years, said staffing was thin.",
     {("Dana Voss", "pediatric nurse", "Harlow Medical Center")}),
    ("Jane Roe, a freight market analyst at Tallis Advisors, expects delays.",
     {("Jane Roe", "freight market analyst", "Tallis Advisors")}),
    ("Ivo Brandt, a professor at Linden University, said the vote mattered.",
     {("Ivo Brandt", "professor", "Linden University")}),
    ("Orrin Motors met the union. Dana Voss, an Orrin Motors welder who led the walkout, said so.",
     {("Dana Voss", "welder", "Orrin Motors")}),
    ("Mara Quill, Orrin Motors' vice president of Gulf Coast logistics, said costs rose.",
     {("Mara Quill", "vice president of Gulf Coast logistics", "Orrin Motors")}),
    # a description as the title's first word names the organization
    ("The Lakeport Unified School District closed schools. District spokesperson Lena Ortiz said talks "
     "would go on.", {("Lena Ortiz", "spokesperson", "Lakeport Unified School District")}),
    ("The Lakeport Transit Authority cut routes. Dana Voss, the authority's chief operating officer and "
     "treasurer, said fares would rise.",
     {("Dana Voss", "chief operating officer", "Lakeport Transit Authority"),
      ("Dana Voss", "treasurer", "Lakeport Transit Authority")}),
    # "Board president": the board the sentence before named, where two boards tie on salience
    ("The Provincial Labour Board (PLB) declared an impasse, and the PLB set a hearing. The Lakeport Board of "
     "Education will meet Tuesday. Board president Otto Brandt declined to comment.",
     {("Otto Brandt", "president", "Lakeport Board of Education")}),
    # a superintendent runs the district in view
    ("The Lakeport Unified School District met the union. Superintendent Mara Quill said schools would open.",
     {("Mara Quill", "Superintendent", "Lakeport Unified School District")}),
    # a place is no organization; a title "for the mayor" is not the mayor's
    ("Lakeport Mayor Ann Lee urged talks. A spokeswoman for the mayor, Dana Voss, declined to comment.",
     {("Ann Lee", "Mayor", None), ("Dana Voss", "spokeswoman", None)}),
    # "A spokesperson, X," speaks for the one body the sentence before named
    ("Orrin Motors was asked about the layoffs. A spokesperson, Dana Voss, said the company would respond.",
     {("Dana Voss", "spokesperson", "Orrin Motors")}),
    ("The Quarry Workers Union met Orrin Motors. A spokesperson, Dana Voss, said talks went well.",
     {("Dana Voss", "spokesperson", None)}),
    ("Jane Roe, an economist at Brookfield Capital who studies labor, said the deal was rich.",
     {("Jane Roe", "economist", "Brookfield Capital")}),
    # an analyst covers airlines; a title after "with the" is still the person's own
    ("Talbot Airlines met the pilots. “It is rich,” airline analyst Greta Lund said.",
     {("Greta Lund", "airline analyst", None)}),
    ("The Allied Dockworkers Union met with the president, Jo Mattern, on Monday.",
     {("Jo Mattern", "president", None)}),
    ("An aide to the governor, Dana Voss, said the governor would not intervene.", {("Dana Voss", "aide", None)}),
    # how long a title has been held is not part of it; a field after "for" is
    ("Orrin Motors met the union. Dana Voss, Orrin Motors' longtime spokesperson, said talks would go on.",
     {("Dana Voss", "spokesperson", "Orrin Motors")}),
    ("Dana Voss, Orrin Motors' vice president for labor relations, said talks would go on.",
     {("Dana Voss", "vice president for labor relations", "Orrin Motors")}),
    ("Dana Voss, an organizer for two decades, said the vote was close.", {("Dana Voss", "organizer", None)}),
    ("The Quarry Workers Union struck. Dana Voss, the union's chief of staff, said so.",
     {("Dana Voss", "chief of staff", "Quarry Workers Union")}),
    # a title stated outright
    ("Dana Voss is the president of Orrin Motors.", {("Dana Voss", "president", "Orrin Motors")}),
    # appositives between dashes or in parentheses
    ("The Quarry Workers Union struck. Dana Voss — the union's lead negotiator — said talks had stalled.",
     {("Dana Voss", "lead negotiator", "Quarry Workers Union")}),
    ("The Quarry Workers Union struck. Dana Voss (the union's president) said talks had stalled.",
     {("Dana Voss", "president", "Quarry Workers Union")}),
    # the body's size before its name; its unit before "of" the body
    ("Dana Voss, president of the 3,000-member Quarry Workers Union, said talks had stalled.",
     {("Dana Voss", "president", "Quarry Workers Union")}),
    ("Dana Voss, president of Local 12 of the Quarry Workers Union, said talks had stalled.",
     {("Dana Voss", "president", "Local 12")}),
    # elected or named to a title, still held; when it began
    ("The Quarry Workers Union struck. Dana Voss, who was elected president of the union in May, said so.",
     {("Dana Voss", "president", "Quarry Workers Union")}),
    ("The Quarry Workers Union agreed. Dana Voss, who became the union's president last year, said so.",
     {("Dana Voss", "president", "Quarry Workers Union")}),
    # lawyers and scholars
    ("Dana Voss, a labor lawyer at Brightwater Legal Partners, said the law was clear.",
     {("Dana Voss", "labor lawyer", "Brightwater Legal Partners")}),
    ("Dana Voss, an attorney for the Quarry Workers Union, said the law was clear.",
     {("Dana Voss", "attorney", "Quarry Workers Union")}),
])
def test_titles_as_written_and_organizations_from_context(text: str, expected: set) -> None:
    assert roles_of(text) == expected


@pytest.mark.parametrize("text", [
    # lower-case words before a title name no organization without one: no guess
    "Dana Voss, a mother of two at Orrin Motors, walked out.",
    # a retired worker holds no title now
    "Bob Voss, a retired steel worker at Orrin Motors, said the plant was quiet.",
    "Orrin Motors met the union. Bob Voss, 61, a retired Orrin Motors welder, joined the picket.",
    # "is" before something that is no title, or a title with no organization
    "Dana Voss is expected to lead Orrin Motors. Bob Lamb is a father of two. Ann Lee is a nurse.",
    # a party and state in parentheses are no title
    "Bernie Sanders (I-Vt.) called for talks. Dana Voss (D-Ohio) agreed.",
])
def test_no_role_from_modifiers(text: str) -> None:
    assert roles_of(text) == set()


@pytest.mark.parametrize("article, expected", [
    ("Strike ends\n\nBy Jo Mattern | The Lakeport Ledger\n\nDockworkers walked out.",
     {("Jo Mattern", None, "The Lakeport Ledger")}),
    ("Strike ends\n\nBy ODA WINTERS Associated Press\n\nDockworkers walked out, The Associated Press learned.",
     {("ODA WINTERS", None, "The Associated Press")}),
    ("Strike ends\n\nBy Jo Mattern, The Associated Press\n\nDockworkers walked out.",
     {("Jo Mattern", None, "The Associated Press")}),
    ("Strike ends\n\nJo Mattern – Labor Reporter, Tri-County Trade Report\n\nDockworkers walked out.",
     {("Jo Mattern", "Labor Reporter", "Tri-County Trade Report")}),
    ("Local News | The Lakeport Sun\n\nDockworkers strike\n\nBy Jo Mattern, Sun Staff Writer\n\n"
     "LAKEPORT — Dockworkers walked out.", {("Jo Mattern", "Staff Writer", "The Lakeport Sun")}),
    ("Strike ends\n\nBy Jo Mattern, Staff Writer\n\nDockworkers walked out.", {("Jo Mattern", "Staff Writer", None)}),
    # a plain byline, or a masthead the byline does not name, says nothing of a role
    ("Strike ends\n\nBy Jo Mattern and Ann Lee\n\nDockworkers walked out.", set()),
    ("Dockworkers strike\n\nDock Talk Weekly\nPosted by Jo Mattern on March 3, 2024\n\nDockworkers walked out.",
     set()),
])
def test_byline_roles(article: str, expected: set) -> None:
    doc = find_roles(find_entities(sentences(Document(parse_article(article + "\n")))))
    name = {e.key: e.name for e in doc.entities}
    assert {(name[r.person], r.title, name.get(r.organization) if r.organization else None)
            for r in doc.roles} == expected


@pytest.mark.parametrize("text, expected", [
    # a provost runs the university the story is about
    ("Grad workers at the University of Calmont voted to strike. Provost Ines Harrow said talks would go on.",
     {("Ines Harrow", "Provost", "University of Calmont")}),
    # a description word before a title: "university spokesperson"
    ("Grad workers at the University of Calmont voted to strike. University spokesperson Olu Bram said talks would go on.",
     {("Olu Bram", "spokesperson", "University of Calmont")}),
    # "who is also ..." states a second title
    ("Tarn Media president Ida Wolke, who is also the Tarn Media chief content officer, spoke.",
     {("Ida Wolke", "president", "Tarn Media"), ("Ida Wolke", "chief content officer", "Tarn Media")}),
    # a city's officers, through "the city's"
    ("The City of Pellport reached a deal with its workers. Rona Teague, the city's mayor, praised it.",
     {("Rona Teague", "mayor", "City of Pellport")}),
    # an outlet's short name after a title
    ("Reporters at The Harrow Bay Sentinel walked out. Sentinel Publisher Ames Korr said the paper would print.",
     {("Ames Korr", "Publisher", "The Harrow Bay Sentinel")}),
])
def test_roles_general_shapes(text: str, expected: set) -> None:
    assert expected <= roles_of(text)


@pytest.mark.parametrize("text, expected", [
    # a company officer's bare title belongs to the company the story is about
    ("Marrow Freight Ltd. said it would not reopen talks. Chief Executive Ina Volk said costs were too high.",
     {("Ina Volk", "Chief Executive", "Marrow Freight Ltd.")}),
    ("Tollan Cable Inc. has 4,000 workers. Tollan executives, including Chief Operating Officer Bo Reyes, met "
     "the union.", {("Bo Reyes", "Chief Operating Officer", "Tollan Cable Inc.")}),
    # abbreviated political titles are titles held, with no organization
    ("Gov. Hallie Brandt urged both sides to return.", {("Hallie Brandt", "Gov.", None)}),
    ("Nurses met with state Sen. Corin Bale on Tuesday.", {("Corin Bale", "state Sen.", None)}),
    # a province is a place, not the employer of its minister
    ("Saskatchewan Labour Minister Edda Morrow said she would appoint a mediator.",
     {("Edda Morrow", "Labour Minister", None)}),
    # the country a title covers stays in the title
    ("\"We are listening,\" said Nora Lund, Sorrel's UK general manager. Sorrel Mobility Ltd. runs cabs.",
     {("Nora Lund", "UK general manager", "Sorrel Mobility Ltd.")}),
    # "a trade and ... Workers Union" opening a sentence is one union's name
    ("Laundry and Linen Workers Union Local 12 and Brisk Hotels Inc. will meet Monday. Local 12 President Ola "
     "Fenn said members were ready.", {("Ola Fenn", "President", "Laundry and Linen Workers Union Local 12")}),
    ("Members of Local 88 of the Ferry and Dock Workers Union of Canada voted. Kit Alder, national president of "
     "the Ferry and Dock Workers Union of Canada, praised them.",
     {("Kit Alder", "national president", "Ferry and Dock Workers Union of Canada")}),
    # an orchestra is an organization its officers belong to
    ("The Lakemont Philharmonic canceled its gala. The orchestra's board chair, Una Brix, wrote to subscribers.",
     {("Una Brix", "board chair", "Lakemont Philharmonic")}),
])
def test_roles_from_context_and_abbreviated_titles(text: str, expected: set) -> None:
    assert expected <= roles_of(text)


@pytest.mark.parametrize("text", [
    # a pilot's rank is no post; a bare title with two companies equally in view stays bare
    "Capt. Rolf Imre said the crew was ready.",
])
def test_no_role_from_ranks(text: str) -> None:
    assert roles_of(text) == set()


@pytest.mark.parametrize("article, expected", [
    # a headline written as sentences, an audio player's label, then the byline
    ("Aides win a raise. Now the state must pay.\n\nListen · 3:05\n\nBy Tova Reyes, Calder Public Media\n\n"
     "Aides ratified the deal.", {("Tova Reyes", None, "Calder Public Media")}),
])
def test_byline_roles_after_player_labels(article: str, expected: set) -> None:
    doc = find_roles(find_entities(sentences(Document(parse_article(article + "\n")))))
    name = {e.key: e.name for e in doc.entities}
    assert {(name[r.person], r.title, name.get(r.organization) if r.organization else None)
            for r in doc.roles} == expected


@pytest.mark.parametrize("text, expected", [
    # a title before the name, its organization after it (the modifiers are part of the title)
    ("Labor law professor Dina Oster of Marlow University said the vote mattered.",
     {("Dina Oster", "Labor law professor", "Marlow University")}),
    ("The talks resumed with mediator Roberta Quell of the State Labor Board present.",
     {("Roberta Quell", "mediator", "State Labor Board")}),
    # back-office fields in a title
    ("The Pallid Shipping Association sued. PSA chief contracts officer Lena Ortiz said no.",
     {("Lena Ortiz", "chief contracts officer", "Pallid Shipping Association")}),
    ("The Pallid Shipping Association sued. \"No,\" said Lena Ortiz, PSA's vice president for supply chain.",
     {("Lena Ortiz", "vice president for supply chain", "Pallid Shipping Association")}),
    # a name ending in a period ends the appositive before the next quote
    ("\"Investors will wait,\" said Lena Ortiz, an auto analyst at Brill & Co. \"That is rare.\"",
     {("Lena Ortiz", "auto analyst", "Brill & Co.")}),
    # "Health" ends the company's name, not the title; "and" joins two titles of the same company
    ("Nurses at Brindle Health System walked out. Brindle Health President and Chief Executive Officer "
     "Tom Aver said no.",
     {("Tom Aver", "President", "Brindle Health System"), ("Tom Aver", "Chief Executive Officer", "Brindle Health System")}),
    ("The Oakmere Board of Education met. Board of Education President Carla Voss said yes.",
     {("Carla Voss", "President", "Oakmere Board of Education")}),
    # a second title after "and", with its own organization
    ("Workers at Tarn Labs formed the Tarn Workers Guild. \"We won,\" said Lena Ortiz, a senior machine learning "
     "engineer at Tarn and the guild's lead organizer.",
     {("Lena Ortiz", "senior machine learning engineer", "Tarn Labs"), ("Lena Ortiz", "lead organizer", "Tarn Workers Guild")}),
    ("Workers at Tarn Labs formed the Tarn Workers Guild. \"We won,\" said Lena Ortiz, a pharmacist at Tarn Labs "
     "and a guild organizer.",
     {("Lena Ortiz", "pharmacist", "Tarn Labs"), ("Lena Ortiz", "organizer", "Tarn Workers Guild")}),
    # "the guild" is the body named a guild, not the federation it joins
    ("Staff formed the Tarn Workers Guild. It will join the Allied Federation of Office Workers. Lena Ortiz, "
     "a designer at Tarn Labs and the guild's treasurer, spoke.",
     {("Lena Ortiz", "designer", "Tarn Labs"), ("Lena Ortiz", "treasurer", "Tarn Workers Guild")}),
    # "who also serves as"
    ("The Tarn Workers Guild chose Lena Ortiz, who also serves as TWG's national executive director.",
     {("Lena Ortiz", "national executive director", "Tarn Workers Guild")}),
    # a committee of the body: the body's role
    ("The Tarn Workers Guild (TWG) met. Lena Ortiz, co-chair of the TWG negotiating committee, wrote that it went well.",
     {("Lena Ortiz", "co-chair", "Tarn Workers Guild")}),
    # a photo credit naming the outlet after "for"
    ("Photo: Dana Whitfield for The Harbor City Ledger\n\nThe strike ended on Monday.",
     {("Dana Whitfield", None, "The Harbor City Ledger")}),
])
def test_roles_of_general_shapes(text: str, expected: set) -> None:
    assert roles_of(text) == expected


@pytest.mark.parametrize("text", [
    # "for" after a name outside a credit line is no affiliation
    "Dana Whitfield works for Reuters.",
    # an analyst covers a field; the committee member holds no title
    "Lena Ortiz, a member of the Tarn Workers Guild board, said no.",
])
def test_no_role_from_these_shapes(text: str) -> None:
    assert roles_of(text) == set()
