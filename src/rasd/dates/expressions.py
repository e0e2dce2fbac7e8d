"""Find time expressions in a document and resolve them against an anchor date.

Every form (absolute.py, relative.py) runs on the folded text; overlapping matches
are settled by length, so «اليوم (الأربعاء)» beats «الأربعاء» and «25 شوال 1436 هـ»
beats «1436 هـ». Spans are mapped back to the original text, which is never changed.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from rasd.dates.absolute import absolute_forms
from rasd.dates.folding import Folded, fold
from rasd.dates.forms import Form, Resolved
from rasd.dates.records import TimeExpr
from rasd.dates.relative import relative_forms


@lru_cache(maxsize=1)
def all_forms() -> tuple[Form, ...]:
    """All forms in tie-break order: on equal length the earlier form wins."""
    return absolute_forms() + relative_forms()


def _trimmed(folded: Folded, start: int, end: int) -> tuple[int, int]:
    """Folded bounds without blanks at either edge (a day word may swallow the space after it)."""
    while start < end and folded.text[start] in " \n":
        start += 1
    while end > start and folded.text[end - 1] in " \n":
        end -= 1
    return start, end


def _candidates(folded: Folded, anchor: dt.date | None) -> list[tuple[int, int, int, Resolved]]:
    """(start, end, form order, resolution) of every match of every form, in original offsets."""
    found: list[tuple[int, int, int, Resolved]] = []
    for order, form in enumerate(all_forms()):
        for match in form.pattern.finditer(folded.text):
            resolved = form.resolve(match, anchor)
            if resolved is None:
                continue
            start, end = _trimmed(folded, match.start(), match.end())
            if start < end:
                found.append((*folded.span(start, end), order, resolved))
    return found


def _longest_first(found: list[tuple[int, int, int, Resolved]]) -> list[tuple[int, int, int, Resolved]]:
    """Keep non-overlapping matches, longer ones first, then earlier ones, then earlier forms."""
    kept: list[tuple[int, int, int, Resolved]] = []
    for item in sorted(found, key=lambda c: (c[0] - c[1], c[0], c[2])):
        if all(item[1] <= other[0] or other[1] <= item[0] for other in kept):
            kept.append(item)
    return sorted(kept, key=lambda c: c[0])


def find_expressions(text: str, anchor: dt.date | None) -> list[TimeExpr]:
    """Time expressions in ``text``, sorted by start and non-overlapping.

    ``anchor`` is the document's date (dateline or stamp); relative expressions need
    it and stay unresolved (value None) without it.
    """
    if not text:
        return []
    folded = fold(text)
    return [
        TimeExpr(start, end, text[start:end], r.value, r.precision, r.kind, r.end_value)
        for start, end, _order, r in _longest_first(_candidates(folded, anchor))
    ]
