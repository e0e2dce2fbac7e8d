"""Sentence splitting on the original text (offsets stay original)."""

from __future__ import annotations

import re

from rasd.records import Span

# A boundary: sentence-final punctuation followed by space/quote/end, or a line break.
# The look-behind comes after the mark so that the engine can skip ahead to the marks.
_BOUNDARY = re.compile(r"[.!?؟](?<!\d.)(?!\d)[\"'»”)\]]*|\n+")
_LIST_NUMBER = re.compile(r"\s*\d{1,2}$")


def split_sentences(text: str) -> list[Span]:
    """Sentence spans, trimmed of surrounding whitespace; list numbers ("1.") stay with their item."""
    spans: list[Span] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if text[m.start()] == "." and _LIST_NUMBER.fullmatch(text, start, m.start()):
            continue  # "1. item": the number opens the sentence, it does not end one
        span = _trimmed(text, start, end)
        if span is not None:
            spans.append(span)
        start = end
    span = _trimmed(text, start, len(text))
    if span is not None:
        spans.append(span)
    return spans


def _trimmed(text: str, start: int, end: int) -> Span | None:
    """text[start:end] without the whitespace at either edge; None when nothing else is left."""
    piece = text[start:end]
    kept = piece.lstrip()
    if not kept:
        return None
    return Span(start + len(piece) - len(kept), start + len(piece.rstrip()))
