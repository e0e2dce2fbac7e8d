"""Sentence splitting on the original text (offsets stay original)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rasd.records import Span

# A boundary: sentence-final punctuation followed by space/quote/end, or a line break.
# The look-behind comes after the mark so that the engine can skip ahead to the marks.
_BOUNDARY = re.compile(r"[.!?؟](?<!\d.)(?!\d)[\"'»”)\]]*|\n+")
_LIST_NUMBER = re.compile(r"\s*\d{1,2}$")


_MARK = re.compile(r"[.!?؟\n]")  # where a boundary may start: one character class, scanned at C speed


def _boundaries(text: str) -> Iterator[re.Match[str]]:
    """``_BOUNDARY.finditer(text)``: a boundary starts at a mark, so only marks are tried (an
    alternation at the top of a pattern keeps the regex engine from skipping ahead to them)."""
    end = 0
    for mark in _MARK.finditer(text):
        if mark.start() < end:
            continue
        m = _BOUNDARY.match(text, mark.start())
        if m is not None:
            end = m.end()
            yield m


def split_sentences(text: str) -> list[Span]:
    """Sentence spans, trimmed of surrounding whitespace; list numbers ("1.") stay with their item."""
    spans: list[Span] = []
    start = 0
    for m in _boundaries(text):
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
