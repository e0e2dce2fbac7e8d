"""The coder's working records: events and partnerships before merging, what a document's automata
found, and the state of the sentence and the scene being read."""

from __future__ import annotations

from dataclasses import dataclass, field

from rasd.actors.mentions import ActorMention
from rasd.events.arguments import Arg
from rasd.events.lexicon import Trigger
from rasd.normalise.match import Hit
from rasd.records import Place, Span


@dataclass(slots=True)
class RawEvent:
    """An event before merging: one trigger in one sentence."""

    type: str
    trigger: Trigger
    source: str
    target: str
    joint: bool
    source_mention: ActorMention | None
    target_mention: ActorMention | None
    trigger_span: Span
    sentence: Span
    date: str | None
    date_precision: str | None
    date_text: str | None
    place: Place | None
    rule: str
    confidence: float
    cameo: str


@dataclass(slots=True)
class RawPartnership:
    a: str
    b: str
    level: str
    rank: int
    change: str
    date: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class Found:
    triggers: list[Hit[Trigger]]
    cues: list[Hit[str]]
    words: list[Hit[str]]

    def starts(self) -> list[int]:
        """Folded offsets where something worth a close look begins."""
        return sorted([h.start for h in self.triggers] + [h.start for h in self.words])


@dataclass(slots=True)
class Sentence:
    """What the coder knows about the sentence it is reading."""

    span: Span
    n0: int  # folded offsets of the sentence
    n1: int
    args: list[Arg]
    cues: list[Hit[str]]
    locations: list[ActorMention]  # places and states named, even after «في»: where an attack was
    place: Place | None
    speaker: Arg | None  # the subject carried over from earlier sentences
    named_place: Place | None = None  # the place the sentence itself names («بالقاهرة»), not the dateline's
    previous: Arg | None = None  # the subject of the last event in this sentence
    objects: set[int] = field(default_factory=set)  # arguments already taken as objects
    accusations: list[int] = field(default_factory=list)  # where condemnations end, for attacks named after
    rejections: list[int] = field(default_factory=list)  # where refusals end: what follows is what is refused
    requests: list[int] = field(default_factory=list)  # where calls and demands end: what follows is asked for
    named: list[ActorMention] = field(default_factory=list)  # every actor mention, agent or not
    planned: bool = False  # a visit or meeting in this sentence is still to come («سيزور … يجري خلالها مباحثات»)


@dataclass(slots=True)
class Scene:
    pair: tuple[str, str] | None
    speaker: Arg | None = None
