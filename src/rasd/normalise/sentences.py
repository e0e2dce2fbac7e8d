"""Sentence splitting on the original text (offsets stay original)."""

from __future__ import annotations

import re

from rasd.records import Span

# A boundary: sentence-final punctuation followed by space/quote/end, or a line break.
_BOUNDARY = re.compile(r"(?<!\d)[.!?؟](?!\d)[\"'»”)\]]*|\n+")
_LIST_NUMBER = re.compile(r"\s*\d{1,2}$")


def split_sentences(text: str) -> list[Span]:
    """Sentence spans, trimmed of surrounding whitespace; list numbers ("1.") stay with their item."""
    spans: list[Span] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        piece = text[start:end]
        if m.group().startswith(".") and _LIST_NUMBER.fullmatch(text[start : m.start()]):
            continue  # "1. item": the number opens the sentence, it does not end one
        if piece.strip():
            spans.append(_trim(text, start, end))
        start = end
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)
