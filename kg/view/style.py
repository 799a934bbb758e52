"""How the projection looks and reads: node types with their group, colour and shape; edge verbs.

Kept apart from the projection logic so that the page, the legend and the GraphML export agree
on one table.  Shapes are vis-network shapes whose label sits *below* the symbol (dot, square,
diamond, triangle, star), so every node has the same footprint whatever its name's length.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NodeStyle:
    """How one node type is drawn and which group of the legend it belongs to."""

    type: str        # the type name shown to the user (contract names: Person, Guild, Meeting, ...)
    label: str       # legend text
    group: str       # person | organization | event | quote | article | resource | literal
    color: str       # fill colour (hex)
    shape: str       # vis-network shape


# Order is the legend's order.  Colours: Tableau 20, chosen so that organizations are greens,
# oranges and purples, events reds and yellows, and people one strong blue.
NODE_STYLES: tuple[NodeStyle, ...] = (
    NodeStyle("Person", "Person", "person", "#4e79a7", "dot"),
    NodeStyle("Guild", "Guild", "organization", "#59a14f", "square"),
    NodeStyle("Union", "Union", "organization", "#8cd17d", "square"),
    NodeStyle("Company", "Company", "organization", "#f28e2b", "square"),
    NodeStyle("TradeAssociation", "Trade association", "organization", "#b6992d", "square"),
    NodeStyle("MediaOutlet", "Media outlet", "organization", "#b07aa1", "square"),
    NodeStyle("Platform", "Platform", "organization", "#d4a6c8", "square"),
    NodeStyle("GovernmentBody", "Government body", "organization", "#9d7660", "square"),
    NodeStyle("Organization", "Organization", "organization", "#bab0ac", "square"),
    NodeStyle("Meeting", "Meeting", "event", "#e15759", "diamond"),
    NodeStyle("Negotiation", "Negotiation", "event", "#ff9d9a", "diamond"),
    NodeStyle("Strike", "Strike", "event", "#c1272d", "diamond"),
    NodeStyle("Deal", "Deal", "event", "#f1ce63", "diamond"),
    NodeStyle("Proposal", "Proposal", "event", "#edc948", "diamond"),
    NodeStyle("Vote", "Vote", "event", "#d37295", "diamond"),
    NodeStyle("Statement", "Statement", "event", "#fabfd2", "diamond"),
    NodeStyle("Quote", "Quote", "quote", "#76b7b2", "triangle"),
)
STYLE_BY_TYPE: dict[str, NodeStyle] = {s.type: s for s in NODE_STYLES}

# --raw mode: every class gets a colour from this cycle (in order of first use); literals are grey
RAW_PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
               "#ff9da7", "#9c755f", "#bab0ac", "#8cd17d", "#b6992d", "#499894", "#86bcb6",
               "#d37295", "#fabfd2", "#d4a6c8", "#9d7660")
RAW_LITERAL = NodeStyle("Literal", "Literal", "literal", "#c8c8c8", "dot")
RAW_UNTYPED = NodeStyle("Resource", "Untyped resource", "resource", "#a0a0a0", "dot")

# What the edge from a participant to an event says, by event kind ("Disney attended").
PARTICIPANT_VERBS = {
    "Meeting": "attended",
    "Negotiation": "negotiated in",
    "Strike": "on strike",
    "Deal": "party to",
    "Proposal": "proposed",
    "Vote": "voted in",
    "Statement": "issued",
}
NEGOTIATED_WITH = "negotiated with"     # between each pair of a negotiation's parties
SAID = "said"                            # speaker -> quote
REPORTED_BY = "reported by"              # quote -> outlet
MEMBER_OF = "member of"                  # a membership without a title

# Edge kinds (for styling): symmetric relations are drawn without an arrow head.
SYMMETRIC = frozenset({NEGOTIATED_WITH})
