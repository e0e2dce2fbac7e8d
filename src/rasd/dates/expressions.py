"""Find time expressions in a document and resolve them against an anchor date.

Every form (absolute.py, relative.py) runs on the folded text; overlapping matches
are settled by length, so «اليوم (الأربعاء)» beats «الأربعاء» and «25 شوال 1436 هـ»
beats «1436 هـ». Spans are mapped back to the original text, which is never changed.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from functools import lru_cache

from rasd.dates.absolute import absolute_forms
from rasd.dates.folding import Folded, fold, fold_word
from rasd.dates.forms import Form, Resolved
from rasd.dates.months import load_months
from rasd.dates.patterns import literal_alternation
from rasd.dates.records import TimeExpr
from rasd.dates.relative import relative_forms
from rasd.dates.required import required_strings


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


_GATE_WORDS = (
    "اليوم",
    "امس",
    "غد",
    "البارحه",
    "الليله",
    "الاسبوع",
    "الشهر",
    "العام",
    "السنه",
    "عام",
    "سنه",
    "الاحد",
    "الاثنين",
    "اثنين",
    "الثلاثاء",
    "الاربعاء",
    "الخميس",
    "الجمعه",
    "السبت",
)
_MARGIN = 80  # characters around a gate word that a form may span


@lru_cache(maxsize=1)
def _gate_words() -> re.Pattern[str]:
    """Every expression holds a figure, a month name or one of the relative words: find those first,
    so the many forms run only on the few windows around them. Words and figures are looked for apart
    (neither can sit inside the other): an alternation of words alone lets the engine skip to their
    first letters."""
    names = {fold_word(n) for m in load_months() for n in m.names_ar} | set(_GATE_WORDS)
    return re.compile(literal_alternation(names))


_FIGURES = re.compile(r"\d+")  # a run of figures opens the same window as its figures one by one


def _gate_hits(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(start, end) of the gate words and runs of figures in text[lo:hi], in text order."""
    found = [m.span() for m in _gate_words().finditer(text, lo, hi)]
    found += [m.span() for m in _FIGURES.finditer(text, lo, hi)]
    found.sort()
    return found


def _windows(text: str, ranges: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for lo, hi in ranges if ranges is not None else [(0, len(text))]:
        for start, end in _gate_hits(text, lo, hi):
            wlo, whi = max(0, start - _MARGIN), min(len(text), end + _MARGIN)
            if out and wlo <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], whi))
            else:
                out.append((wlo, whi))
    return out


@lru_cache(maxsize=1)
def _form_gates() -> tuple[re.Pattern[str] | None, ...]:
    """Per form, a pattern that finds something its every match holds: the form's own gate, else the
    words one of which its every match consumes (required.py), or None: a window without any of them
    cannot hold a match of that form, so it is not scanned for it."""
    gates: dict[str | frozenset[str], re.Pattern[str]] = {}
    out: list[re.Pattern[str] | None] = []
    for form in all_forms():
        if form.gate is not None:
            out.append(gates.setdefault(form.gate, re.compile(form.gate)))
            continue
        need = required_strings(form.pattern)
        if need is None or min(map(len, need)) < 2:
            out.append(None)  # single characters (digits) are in nearly every window
            continue
        if need not in gates:
            gates[need] = re.compile(literal_alternation(need))
        out.append(gates[need])
    return tuple(out)


def _gated(text: str, windows: list[tuple[int, int]], gate: re.Pattern[str] | None) -> list[tuple[int, int]]:
    """The windows that hold a match of ``gate`` (all of them without a gate)."""
    if gate is None:
        return windows
    return [(lo, hi) for lo, hi in windows if gate.search(text, lo, hi)]


def _candidates(
    folded: Folded, anchor: dt.date | None, ranges: list[tuple[int, int]] | None = None
) -> list[tuple[int, int, int, Resolved]]:
    """(start, end, form order, resolution) of every match of every form, in original offsets."""
    found: list[tuple[int, int, int, Resolved]] = []
    windows = _windows(folded.text, ranges)
    if not windows:
        return found
    passing: dict[re.Pattern[str] | None, list[tuple[int, int]]] = {}  # forms share gates (month names)
    for order, (form, gate) in enumerate(zip(all_forms(), _form_gates(), strict=True)):
        if gate not in passing:
            passing[gate] = _gated(folded.text, windows, gate)
        for match in (m for lo, hi in passing[gate] for m in form.pattern.finditer(folded.text, lo, hi)):
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


def find_expressions(text: str, anchor: dt.date | None, within: list[tuple[int, int]] | None = None) -> list[TimeExpr]:
    """Time expressions in ``text``, sorted by start and non-overlapping.

    ``anchor`` is the document's date (dateline or stamp); relative expressions need
    it and stay unresolved (value None) without it. ``within`` limits the search to
    those (start, end) ranges of the original text, such as the sentences that state events.
    """
    if not text:
        return []
    folded = fold(text)
    ranges = None
    if within is not None:
        ranges = [(bisect_left(folded.index, lo), bisect_left(folded.index, hi)) for lo, hi in within]
    return [
        TimeExpr(start, end, text[start:end], r.value, r.precision, r.kind, r.end_value)
        for start, end, _order, r in _longest_first(_candidates(folded, anchor, ranges))
    ]
