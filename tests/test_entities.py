"""Entities and mentions: what a reader of the graph would see as people and organizations."""
from __future__ import annotations

import pytest

from kg.document import Document
from kg.extract.entities import find_entities
from kg.extract.resolve import EntityIndex, slug
from kg.reader import parse_article
from kg.sentences import sentences


def extract(text: str, headline: str | None = None) -> Document:
    raw = (headline + "\n\n" if headline else "") + text + "\n"
    return find_entities(sentences(Document(parse_article(raw))))


def found(doc: Document) -> set[tuple[str, str]]:
    return {(e.name, e.type) for e in doc.entities}


@pytest.mark.parametrize("text, expected", [
    # organizations from their head nouns and suffixes
    ("The Allied Painters Guild met with Harlow Freight Co. on Monday.",
     {("Allied Painters Guild", "Guild"), ("Harlow Freight Co.", "Company")}),
    ("Workers at Bexley Media Inc. and Orbit Media Group joined the walkout.",
     {("Bexley Media Inc.", "Company"), ("Orbit Media Group", "Company")}),
    ("Members of the Coastal Dockworkers Union voted to strike.", {("Coastal Dockworkers Union", "Union")}),
    ("The International Brotherhood of Pipefitters endorsed the plan.",
     {("International Brotherhood of Pipefitters", "Union")}),
    ("Riverside Teamsters Local 412 picketed the depot.", {("Riverside Teamsters Local 412", "Union")}),
    ("The Alliance of Stage and Screen Producers rejected the offer.",
     {("Alliance of Stage and Screen Producers", "TradeAssociation")}),
    ("The Association of Flight Attendants called the offer an insult.",
     {("Association of Flight Attendants", "Union")}),
    ("The Harbor Employers Association, a trade group, declined to comment.",
     {("Harbor Employers Association", "TradeAssociation")}),
    ("The National Labor Relations Board and the Department of Labor opened inquiries.",
     {("National Labor Relations Board", "GovernmentBody"), ("Department of Labor", "GovernmentBody")}),
    ("Talks resumed with help from the Federal Mediation and Conciliation Service.",
     {("Federal Mediation and Conciliation Service", "GovernmentBody")}),
    # "and" inside a name, confirmed by the acronym that follows it
    ("The Stage and Voice Performers Guild (SVPG) called a strike.",
     {("Stage and Voice Performers Guild", "Guild")}),
    # outlets and platforms
    ("The plan was first reported by Reuters, and Variety said the studios agreed.",
     {("Reuters", "MediaOutlet"), ("Variety", "MediaOutlet")}),
    ("Lena Park, a spokesperson, told Polygon the offer was final.", {("Polygon", "MediaOutlet"), ("Lena Park", "Person")}),
    ("The Harbor City Ledger reported, “The strike is over.”", {("The Harbor City Ledger", "MediaOutlet")}),
    ("Jane Ortiz shared on X that the talks had ended.", {("Jane Ortiz", "Person"), ("X", "Platform")}),
    ("The union posted the video on Instagram and in a LinkedIn post.",
     {("Instagram", "Platform"), ("LinkedIn", "Platform")}),
    # companies from context
    ("Kestrel CEO Bob Smith attended the meeting.", {("Kestrel", "Company"), ("Bob Smith", "Person")}),
    ("Studios including Lumen Interactive, Raptor Forge and Bluefin were named.",
     {("Lumen Interactive", "Company"), ("Raptor Forge", "Company"), ("Bluefin", "Company")}),
    ("Diego Ferreira, president of Southpaw Sounds, attended.",
     {("Diego Ferreira", "Person"), ("Southpaw Sounds", "Company")}),
    ("The actors union SPG-AFMA called a strike on Monday.", {("SPG-AFMA", "Union")}),
    # people: given names, honorifics, titles, hyphens and particles
    ("Mary Clarke-Hughes and Luis de la Vega spoke to reporters.",
     {("Mary Clarke-Hughes", "Person"), ("Luis de la Vega", "Person")}),
    ("Dr. Zora Vantakis said the plan was unsafe.", {("Zora Vantakis", "Person")}),
    ("Union leaders met Mediator Quillon Bask on Tuesday.", {("Quillon Bask", "Person")}),
    ("Siobhan McAllister, the league's executive director, declined to comment.",
     {("Siobhan McAllister", "Person")}),
    ("Ohio Governor Tom Hart urged both sides to return.", {("Tom Hart", "Person")}),
    # a possessive inside a name, and an outlet named "X of Y"
    ("The International Harbor Workers' Association and the Journal of Commerce reported it. "
     "Later the Journal of Commerce said so.",
     {("International Harbor Workers' Association", "Union"), ("Journal of Commerce", "MediaOutlet")}),
    # an acronym used as a name, typed by the words around it
    ("SPG-AFMA's national board will meet. The union's president called the deal historic.",
     {("SPG-AFMA", "Union")}),
    ("Shares of Paramount Global fell 2% on Friday.", {("Paramount Global", "Company")}),
    # a name whose surname speaks alone elsewhere is a person
    ("Nnamdi Okafor, a worker at the plant, backs the strike. “We gave up a lot,” Okafor said.",
     {("Nnamdi Okafor", "Person")}),
    # a dateline credit names the outlet
    ("DETROIT (Reuters) - Talks resumed on Monday.", {("Reuters", "MediaOutlet")}),
    ("BAYVIEW, Calif. (KBVT) — Dockworkers voted. KBVT reporter Marisol Peña was there.", {("KBVT", "MediaOutlet")}),
    # who a body represents decides between a union and an employers' group
    ("The Rail Delivery Group (RDG) met the union. The RDG, which represents train companies, declined.",
     {("Rail Delivery Group", "TradeAssociation")}),
    ("The Lakemont Teachers Association, which represents 2,000 teachers, voted.",
     {("Lakemont Teachers Association", "Union")}),
    # a company named at the start of a sentence, before a title and a name
    ("Starbucks spokesperson Andrew Trull said stores were open.", {("Starbucks", "Company")}),
    ("Starbucks Workers United, the union organizing the stores, called the strike.",
     {("Starbucks Workers United", "Union")}),
    ("Laxman Narasimhan, who took over in March, wants a reset.", {("Laxman Narasimhan", "Person")}),
    # numbered units of a union; a model number is not a body
    ("Workers in the Machinists Union (IAM) District 751 struck. Jon Holden, president of IAM District 751, "
     "spoke. Output of the 737 MAX stopped, and 737 MAX deliveries slowed.",
     {("IAM District 751", "Union"), ("Machinists Union", "Union")}),
    # an occupation before an unfamiliar name
    ("Striking nurse Odalys Brennecke said staffing was unsafe.", {("Odalys Brennecke", "Person")}),
    # a firm named like a person
    ("Morgan Stanley analysts said the strike would cost billions.", {("Morgan Stanley", "Company")}),
    # a branch of a known body: "WGA West", "WGAEast"
    ("The Writers Guild of America (WGA) struck. WGA West President Meredith Stiehm spoke. WGAEast agreed.",
     {("WGA West", "Guild"), ("WGAEast", "Guild")}),
    # a photo credit names the organization and the platform
    ("Photo from Allied Dockworkers Union’s Instagram", {("Allied Dockworkers Union", "Union"), ("Instagram", "Platform")}),
])
def test_entities_found(text: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= found(extract(text))


@pytest.mark.parametrize("text", [
    "However, talks stalled in May. Without a deal, Several workers left on Wednesday.",
    "In August, negotiators met in Chicago and Los Angeles. Thanksgiving came and went.",
    "Negotiations resumed on Monday. Talks Broke Down, the sign said.",
    "The CEO said AI would not replace writers. The Union said nothing.",
    "Share this: Twitter Facebook Reddit",          # share buttons are not platforms in the story
    "Federal mediators from Washington arrived on Friday.",
    # a related-stories list in Title Case names nothing new
    "Related:\nTeamsters Authorize Strike At Harbor Depot\nHow The Strike Affects Car Buyers",
    "EXCLUSIVE: Leaders met on Thursday in Burbank.",
    "Network Rail said services would be disrupted.",      # two capitalized words that speak are not a person
    "Democratic Senator leaders met on Friday.",
])
def test_no_entity_from_ordinary_capitalized_words(text: str) -> None:
    assert extract(text).entities == ()


@pytest.mark.parametrize("text, name, aliases", [
    # an acronym in parentheses, then the acronym alone
    ("The Allied Painters Guild (APG) struck. APG members marched on Friday.", "Allied Painters Guild", {"APG"}),
    # an acronym spelled from the initials, no parentheses needed
    ("The Pacific Harbor Employers Association met. PHEA president Gloria Nakamura spoke.",
     "Pacific Harbor Employers Association", {"PHEA"}),
    # apostrophe variants are one entity; the variant is kept as written
    ("The Painters Guild of Ohio struck. The Painters’ Guild of Ohio said more.", "Painters Guild of Ohio",
     {"Painters’ Guild of Ohio"}),
    # surnames alone, and with an honorific
    ("Kestrel chief executive Zora Vantakis spoke. Mr. Vantakis said later. Vantakis left.", "Zora Vantakis",
     {"Mr. Vantakis", "Vantakis"}),
    ("Luis de la Vega spoke. De la Vega said the union would wait.", "Luis de la Vega", {"De la Vega"}),
    # short names of companies
    ("Calder Motors and the union reached a deal. Calder shares rose.", "Calder Motors", {"Calder"}),
    ("Workers at Great Plains Railway Company ratified. Great Plains said it was proud.",
     "Great Plains Railway Company", {"Great Plains"}),
    ("Members of Riverside Dockworkers Union Local 19 voted. Local 19 last struck in 2002.",
     "Riverside Dockworkers Union Local 19", {"Local 19"}),
    # a union's short name is the word after "of"; a company's drops ".com" and the suffix
    ("The International Brotherhood of Pipefitters struck. The Pipefitters said more.",
     "International Brotherhood of Pipefitters", {"Pipefitters"}),
    ("Amazon.com Inc. drivers walked out. Amazon spokesperson Kelly Nantel disagreed.", "Amazon.com Inc.", {"Amazon"}),
    # an outlet's short name
    ("The Los Angeles Times reported the vote. Ms. Cruz told The Times that the strike could go on.",
     "The Los Angeles Times", {"The Times"}),
    # a merged body written as Name-ACRONYM keeps its acronym
    ("Leaders of the Recording Players Guild-AFVA met. The RPG-AFVA was formed in 2019.",
     "Recording Players Guild-AFVA", {"RPG-AFVA"}),
    # Guardian style: acronyms written as words
    ("The Broadcasting and Entertainment Crews Union (Becu) balloted. Becu officials met.",
     "Broadcasting and Entertainment Crews Union", {"Becu"}),
])
def test_names_and_aliases(text: str, name: str, aliases: set[str]) -> None:
    doc = extract(text)
    ent = next(e for e in doc.entities if e.name == name)
    assert set(ent.aliases) == aliases
    assert name not in ent.aliases


def test_fullest_form_names_the_entity_and_keys_are_slugs() -> None:
    doc = extract("Zaslovic spoke first. Later, Rhea Zaslovic, Acme Corp. CEO, spoke again. Zaslovic left.")
    names = {e.name for e in doc.entities}
    assert "Rhea Zaslovic" in names and "Zaslovic" not in names
    assert slug("Writers’ Guild of América") == "writers-guild-of-america" == slug("Writers Guild of America")
    assert {e.key for e in doc.entities} >= {"rhea-zaslovic", "acme-corp"}


def test_possessive_mention_covers_the_name_only() -> None:
    doc = extract("Orbit Media Group's offer was rejected by the Coastal Dockworkers Union.")
    forms = [m.form for m in doc.mentions]
    assert "Orbit Media Group" in forms
    assert all("'s" not in f for f in forms)
    for m in doc.mentions:
        assert doc.text[m.span.start:m.span.end] == m.form


def test_mentions_sorted_and_point_at_entities() -> None:
    doc = extract("The Allied Painters Guild (APG) struck. The union said APG members were united. "
                  "Guild leadership met Acme Corp. The company declined to comment.")
    starts = [m.span.start for m in doc.mentions]
    assert starts == sorted(starts)
    keys = {e.key for e in doc.entities}
    assert all(m.entity in keys for m in doc.mentions)
    by_form = {m.form: m.entity for m in doc.mentions}
    assert by_form["The union"] == by_form["APG"] == by_form["Guild leadership"] == "allied-painters-guild"
    assert by_form["The company"] == "acme-corp"


@pytest.mark.parametrize("text, surface, expected", [
    ("The Allied Painters Guild (APG) struck.", "APG", "allied-painters-guild"),
    ("The Allied Painters Guild (APG) struck.", "the guild", "allied-painters-guild"),
    ("The Allied Painters Guild (APG) struck.", "APG leadership", "allied-painters-guild"),
    ("The Allied Painters Guild (APG) struck.", "Allied Painters’ Guild", "allied-painters-guild"),
    ("Rhea Zaslovic, Acme Corp. CEO, spoke.", "Zaslovic", "rhea-zaslovic"),
    ("The Alliance of Stage and Screen Producers (ASSP) met.", "the trade group",
     "alliance-of-stage-and-screen-producers"),
    ("The Alliance of Stage and Screen Producers (ASSP) met.", "the studios",
     "alliance-of-stage-and-screen-producers"),
    # two unions and no clue which one: no answer rather than a wrong one
    ("The Allied Painters Guild and the Coastal Dockworkers Union met.", "the union", None),
    ("Acme Corp. met the union.", "the guild", None),
])
def test_index_resolves_surface_forms(text: str, surface: str, expected: str | None) -> None:
    assert EntityIndex(extract(text)).resolve(surface) == expected


def test_index_position_lookups() -> None:
    doc = extract("Talks between the Coastal Dockworkers Union and Acme Corp. resumed on Monday.")
    idx = EntityIndex(doc)
    start = doc.text.index("Acme")
    m = idx.mention_at(start, start + 4)
    assert m is not None and m.entity == "acme-corp"
    assert [m.entity for m in idx.mentions_in(doc.sentences[0].span)] == ["coastal-dockworkers-union", "acme-corp"]
    assert idx.entity("acme-corp").type == "Company"
    assert idx.mention_at(0, 5) is None


def test_byline_authors_are_people() -> None:
    doc = extract("By Carmen Ibáñez and Will Tsang\n\nThe Allied Painters Guild struck on Monday.",
                  headline="Painters strike")
    assert {("Carmen Ibáñez", "Person"), ("Will Tsang", "Person")} <= found(doc)
    assert not any("Staff" in e.name for e in extract("By Staff and wire reports\n\nTalks resumed.",
                                                         headline="Talks").entities)



@pytest.mark.parametrize("text, expected", [
    # company names ending in words of trade: seating, terminals, shipping lines, lodging, health
    ("Brennick Seating supplies the plant, and Tallow Container Line diverted two ships.",
     {("Brennick Seating", "Company"), ("Tallow Container Line", "Company")}),
    ("Ostrander Terminals handles most containers, and nurses at hospitals run by Quarry Health walked out.",
     {("Ostrander Terminals", "Company"), ("Quarry Health", "Company")}),
    ("Housekeepers at the Marlowe Hotel, the Pinecrest Inn and Birch Lane Suites struck.",
     {("Marlowe Hotel", "Company"), ("Pinecrest Inn", "Company"), ("Birch Lane Suites", "Company")}),
    ("Workers at Brightwater Fulfillment struck, as did drivers for Corvane Freight Lines and crews at "
     "Tallow Shipyards.", {("Brightwater Fulfillment", "Company"), ("Corvane Freight Lines", "Company"),
                           ("Tallow Shipyards", "Company")}),
    # two hospitals joined by "and" are two names
    ("Nurses at Lakeport General Hospital and Millhaven Regional Medical Center struck.",
     {("Lakeport General Hospital", "Organization"), ("Millhaven Regional Medical Center", "Organization")}),
    # a company's name ends at its suffix, even before a plural possessive's apostrophe
    ("Workers at Orrin Motors' Wixom Assembly Plant walked out.", {("Orrin Motors", "Company")}),
    # "and" inside a union's name that ends in its local's number
    ("The Glass and Ceramic Workers Union Local 44 voted to strike.",
     {("Glass and Ceramic Workers Union Local 44", "Union")}),
    # a city's council is part of its government; a tribunal is a government body
    ("The Lakeport City Council voted 9-2, and the Marion County Commission agreed.",
     {("Lakeport City Council", "GovernmentBody"), ("Marion County Commission", "GovernmentBody")}),
    ("The province's Labour Relations Tribunal certified the union.",
     {("Labour Relations Tribunal", "GovernmentBody")}),
    ("Parents gathered outside Birchwood Elementary on Monday.", {("Birchwood Elementary", "Organization")}),
    # outlets: head nouns the lexicon had missed, and more ways of citing one
    ("The Dunmore Blade reported Monday that the plant would close.", {("The Dunmore Blade", "MediaOutlet")}),
    ("The studios have a deal, sources tell Green Room Daily.", {("Green Room Daily", "MediaOutlet")}),
    ("The memo was reviewed by the Tri-County Trade Report.", {("Tri-County Trade Report", "MediaOutlet")}),
    ("Support our work: subscribe to Mill Town Dispatch.", {("Mill Town Dispatch", "MediaOutlet")}),
    # the people a credit names
    ("(Reporting by Quillon Bask in Brackett; Editing by Orsolya Brandvik)",
     {("Quillon Bask", "Person"), ("Orsolya Brandvik", "Person")}),
    # platforms named in a list after "on"
    ("The union posted the news on X and Bluesky on Monday.", {("X", "Platform"), ("Bluesky", "Platform")}),
])
def test_more_entities_found(text: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= found(extract(text))


@pytest.mark.parametrize("text, expected", [
    # a city before "Mayor", a state before "Governor", a city after "mayor of": places, not organizations
    ("Lakeport Mayor Ann Vale urged both sides to settle.", {("Ann Vale", "Person")}),
    ("The mayor of Millhaven, Dana Quill, and Ohio Governor Tom Hart urged talks.",
     {("Dana Quill", "Person"), ("Tom Hart", "Person")}),
    # "The Atlantic" is an outlet; the ocean is not
    ("Atlantic storms delayed ships at Ostrander Terminals.", {("Ostrander Terminals", "Company")}),
    # a site code ("RDU5"), a team ("QA") and a dateline city are no organizations
    ("Pickers at the RDU5 warehouse said RDU5 was hot, and QA testers said QA pay lagged.", set()),
    ("LAKEPORT — Dockworkers walked out. The Lakeport Ledger reported the strike.",
     {("The Lakeport Ledger", "MediaOutlet")}),
    # "Striking nurse Jo Ma": an adjective opening a sentence is no company
    ("Striking nurse Odalys Brennecke said staffing was unsafe.", {("Odalys Brennecke", "Person")}),
    # a surname that is also a job
    ("Apple CEO Tim Cook met Adam Driver on Monday.",
     {("Apple", "Company"), ("Tim Cook", "Person"), ("Adam Driver", "Person")}),
])
def test_exactly_these_entities(text: str, expected: set[tuple[str, str]]) -> None:
    assert found(extract(text)) == expected


@pytest.mark.parametrize("text, name, aliases", [
    # a place's short name: "St. Veran" for "St. Veran Medical Center"
    ("St. Veran Medical Center cut beds. St. Veran said more cuts may come.", "St. Veran Medical Center",
     {"St. Veran"}),
    # "outside Orrin's offices" names the offices' owner, not a place
    ("Orrin Interactive met the union. Pickets formed outside Orrin's offices. Orrin said nothing.",
     "Orrin Interactive", {"Orrin"}),
])
def test_more_aliases(text: str, name: str, aliases: set[str]) -> None:
    ent = next(e for e in extract(text).entities if e.name == name)
    assert set(ent.aliases) == aliases


@pytest.mark.parametrize("article, expected", [
    ("Strike ends\n\nBy Jo Mattern | The Lakeport Ledger\n\nDockworkers walked out.",
     {("Jo Mattern", "Person"), ("The Lakeport Ledger", "MediaOutlet")}),
    ("Strike ends\n\nBy ODA WINTERS Associated Press\n\nDockworkers walked out.",
     {("ODA WINTERS", "Person"), ("Associated Press", "MediaOutlet")}),
    ("Strike ends\n\nJo Mattern – Labor Reporter, Tri-County Trade Report\n\nDockworkers walked out.",
     {("Jo Mattern", "Person"), ("Tri-County Trade Report", "MediaOutlet")}),
    # the masthead names the outlet; the byline's "Sun" is its short name
    ("Local News | The Lakeport Sun\n\nDockworkers strike\n\nBy Jo Mattern, Sun Staff Writer\n\n"
     "LAKEPORT — Dockworkers walked out.",
     {("Jo Mattern", "Person"), ("The Lakeport Sun", "MediaOutlet")}),
    ("Dockworkers strike\n\nDock Talk Weekly\nPosted by Jo Mattern on March 3, 2024\n\nDockworkers walked out.",
     {("Jo Mattern", "Person"), ("Dock Talk Weekly", "MediaOutlet")}),
])
def test_byline_and_masthead_entities(article: str, expected: set[tuple[str, str]]) -> None:
    doc = find_entities(sentences(Document(parse_article(article + "\n"))))
    assert found(doc) == expected


@pytest.mark.parametrize("text, expected", [
    # a capitalized "The" inside a sentence and a newspaper's last word: an outlet
    ("Each week, The Dunmore Clarion tallies the strikes in the county.", {("The Dunmore Clarion", "MediaOutlet")}),
    ("Pickets marched Saturday, readers of The Millbank Courier said.", {("The Millbank Courier", "MediaOutlet")}),
    # "-based" says where a company is, it is no part of its name
    ("Orvell Grocers is owned by Texas-based Pellham Foods Inc., which runs 40 stores.",
     {("Pellham Foods Inc.", "Company")}),
    # a never-name word inside a company name, before its suffix
    ("Quorra Contact Solutions, which runs call centers, signed the deal.", {("Quorra Contact Solutions", "Company")}),
    # mining companies and care-home operators
    ("Miners at a pit run by Talbeck Minerals struck, as did aides at homes run by Oakhurst Senior Living.",
     {("Talbeck Minerals", "Company"), ("Oakhurst Senior Living", "Company")}),
    # a possessor that names a kind of people stays inside a name
    ("The Northern Women's Rugby League opened talks with its players.",
     {("Northern Women's Rugby League", "Organization")}),
    # local governments, their offices and directorates, a legislature's committees
    ("The Town of Fernleigh and its workers reached a deal.", {("Town of Fernleigh", "GovernmentBody")}),
    ("The state Office of Labor Standards and the Mining Directorate will review it.",
     {("Office of Labor Standards", "GovernmentBody"), ("Mining Directorate", "GovernmentBody")}),
    ("Calla Vent, who sits on the Assembly Labor Committee, urged a deal.",
     {("Assembly Labor Committee", "GovernmentBody")}),
    # an institution's own board; a students' association; a union of railcar workers
    ("The college's Board of Trustees meets Friday.", {("Board of Trustees", "Organization")}),
    ("Arlo Finch, president of the Wexley Student Association, spoke.", {("Wexley Student Association", "Organization")}),
    ("The Brotherhood of Tank Carmen and the United Boilermakers met.",
     {("Brotherhood of Tank Carmen", "Union")}),
])
def test_general_name_shapes(text: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= found(extract(text))


@pytest.mark.parametrize("text, absent", [
    ("Orvell Grocers is owned by Texas-based Pellham Foods Inc., which runs 40 stores.", "Texas-based Pellham Foods Inc."),
    # a newsroom desk opening a sentence is no employer
    ("Sports columnist Tova Reyes said the strike would go on.", "Sports"),
    ("Business editor Tova Reyes said the strike would go on.", "Business"),
])
def test_no_entity_from_place_or_desk_words(text: str, absent: str) -> None:
    assert absent not in {e.name for e in extract(text).entities}


@pytest.mark.parametrize("text, name, aliases", [
    # an outlet's short name is its head word; its first words are a place, not the outlet
    ("Reporters at The Harrow Bay Sentinel walked out. Pickets urged readers to skip the Sentinel. "
     "Harrow Bay voters were split.", "The Harrow Bay Sentinel", {"Sentinel"}),
])
def test_outlet_short_names(text: str, name: str, aliases: set[str]) -> None:
    doc = extract(text)
    e = next(e for e in doc.entities if e.name == name)
    assert {m.form for m in doc.mentions if m.entity == e.key} - {name} == aliases


@pytest.mark.parametrize("text, expected", [
    # provinces and states of Canada and Australia are places, not companies
    ("Manitoba Labour Minister Edda Morrow met the Prairie Bakers Union.",
     {("Edda Morrow", "Person"), ("Prairie Bakers Union", "Union")}),
    ("Queensland officials met the Coastal Ferry Workers Union on Monday.", {("Coastal Ferry Workers Union", "Union")}),
    # a trade and a union of its workers opening a sentence
    ("Laundry and Linen Workers Union Local 12 and Brisk Hotels Inc. will meet Monday.",
     {("Laundry and Linen Workers Union Local 12", "Union"), ("Brisk Hotels Inc.", "Company")}),
    # "... Workers Union of Canada" after "the X and"
    ("Members of the Ferry and Dock Workers Union of Canada voted.", {("Ferry and Dock Workers Union of Canada", "Union")}),
    # orchestras are organizations
    ("Musicians of the Lakemont Philharmonic went on strike.", {("Lakemont Philharmonic", "Organization")}),
    # alone, the head word names no one
    ("Orchestra’s musicians walk out in Lakemont.", set()),
    # public broadcasters, and a reporter's outlet named like a newspaper
    ("Calder Public Media reported the vote.", {("Calder Public Media", "MediaOutlet")}),
    ("Maria Vask is a business reporter at the Tamsin Valley Courier.",
     {("Maria Vask", "Person"), ("Tamsin Valley Courier", "MediaOutlet")}),
])
def test_entities_of_other_english_outlets(text: str, expected: set[tuple[str, str]]) -> None:
    assert found(extract(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # a trade and a union of its workers after a preposition are one name
    ("The walkout by Pipe and Boiler Workers Local 88 was the first in years.",
     {("Pipe and Boiler Workers Local 88", "Union")}),
    # a name introduced with its acronym keeps its "and" where it is written again (a tag line)
    ("The Painters and Scenic Artists Guild (PSAG) met the studios.\n\nTags: Painters and Scenic Artists Guild, Labor",
     {("Painters and Scenic Artists Guild", "Guild")}),
    # a health system is a company
    ("Nurses at Brindle Health System will strike.", {("Brindle Health System", "Company")}),
    # a maker named by its product
    ("Tarn is backed by Halberd Ventures and the chipmaker Quorvane.",
     {("Halberd Ventures", "Company"), ("Quorvane", "Company")}),
    # the employer of workers a union represents
    ("Pilots at rival Vessa Air, represented by the Sky Crew Federation, ratified a deal.",
     {("Vessa Air", "Company"), ("Sky Crew Federation", "Union")}),
    # an occupation capitalized only because it opens the sentence is not part of the name
    ("Housekeeper Marisenda Quolt spoke at the rally.", {("Marisenda Quolt", "Person")}),
    ("Welder Tom Ruiz spoke at the rally.", {("Tom Ruiz", "Person")}),
    ("Carpenter Technology Corporation said no.", {("Carpenter Technology Corporation", "Company")}),
])
def test_names_joined_and_typed_by_context(text: str, expected: set[tuple[str, str]]) -> None:
    assert found(extract(text)) == expected


@pytest.mark.parametrize("text, name, aliases", [
    # a company's field-word suffix stays with its name before a title
    ("Nurses at Brindle Health System walked out. Brindle Health President Tom Aver said no. Brindle said more.",
     "Brindle Health System", {"Brindle Health", "Brindle"}),
    # a board's name without its place ("the Board of Education")
    ("The Oakmere Board of Education met. Board of Education President Carla Voss said yes.",
     "Oakmere Board of Education", {"Board of Education"}),
])
def test_short_forms_before_titles(text: str, name: str, aliases: set[str]) -> None:
    ent = next(e for e in extract(text).entities if e.name == name)
    assert set(ent.aliases) == aliases
