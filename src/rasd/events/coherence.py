"""The `incoherent-actors` flag: a bilateral story whose own wording gives a party's role to a third.

Bilateral readouts call the two parties «الجانب الصيني» / «الجانب الأذربيجاني». When the document's
main pair met (a CONSULT between them) and «الجانب» + a nationality names a state outside that pair,
the text contradicts itself (seed 003: «الجانب الأفغاني» in a China–Azerbaijan readout).
"""

from __future__ import annotations

from rasd.actors.mentions import ActorMention
from rasd.events.arguments import base
from rasd.events.coder import main_pair
from rasd.events.state import RawEvent

SIDE_WORDS = ("الجانب ", "للجانب ", "والجانب ", "بالجانب ")


def incoherent(norm: str, mentions: list[ActorMention], events: list[RawEvent]) -> bool:
    if not any(e.type == "CONSULT" for e in events):
        return False  # no meeting at all: the main pair, the costly part, is not needed
    pair = main_pair(mentions)
    if pair is None:
        return False
    met = any(e.type == "CONSULT" and {base(e.source), base(e.target)} == set(pair) for e in events)
    if not met:
        return False
    for m in mentions:
        if m.kind != "adj" or base(m.code) in pair:
            continue
        before = norm[max(0, m.norm_start - 8) : m.norm_start]
        if before.endswith(SIDE_WORDS):
            return True
    return False
