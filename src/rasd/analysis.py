"""What the stages before the event coder found in one document."""

from __future__ import annotations

from dataclasses import dataclass

from rasd.actors.mentions import ActorMention
from rasd.normalise import NormText
from rasd.records import DatelineRecord, Document, Span


@dataclass(slots=True)
class Analysis:
    """What the stages found in one document; the event coder reads it."""

    doc: Document
    norm: NormText
    sentences: list[Span]
    dateline: DatelineRecord | None
    published: str | None
    published_source: str | None
    mentions: list[ActorMention]
