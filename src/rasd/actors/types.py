"""An actor mention: the record the actor stage hands to the event coder."""

from __future__ import annotations

from dataclasses import dataclass

from rasd.records import Span


@dataclass(frozen=True, slots=True)
class ActorMention:
    """One reference to an actor, in folded (norm_*) and original (span) offsets."""

    norm_start: int
    norm_end: int
    span: Span
    code: str  # actor code: "CHN", "UN", "YEM-REB"
    kind: str  # country, adj, org, person, title, place
    person: str | None = None  # PersonEntry key when the mention is a person
    office: str | None = None
    place: int | None = None  # gazetteer index when the mention (also) names a place
