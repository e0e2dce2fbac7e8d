"""Find time expressions in a document and resolve them against an anchor date.

Every form (absolute.py, relative.py) runs on the folded text; overlapping matches
are settled by length, so «اليوم (الأربعاء)» beats «الأربعاء» and «25 شوال 1436 هـ»
beats «1436 هـ». Spans are mapped back to the original text, which is never changed.

Forms run in windows around the words and figures every expression holds, and within a
window only near the hits of the form's gate (what its every match holds), as far as a
match can read: the same matches as running every form over every window, for less.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from rasd.dates.absolute import absolute_forms
from rasd.dates.folding import Folded, fold, fold_word
from rasd.dates.forms import Form, Resolved
from rasd.dates.months import load_months
from rasd.dates.patterns import literal_alternation
from rasd.dates.records import TimeExpr
from rasd.dates.relative import relative_forms
from rasd.dates.required import reach, required_strings


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


Gate = re.Pattern[str] | frozenset[str] | None


@lru_cache(maxsize=1)
def _form_gates() -> tuple[Gate, ...]:
    """Per form, what its every match holds: a hit of the form's own gate pattern, else one of the
    words one of which it consumes (required.py), or None: a window without any cannot hold a match
    of that form, so it is not scanned for it."""
    out: list[Gate] = []
    for form in all_forms():
        if form.gate is not None:
            out.append(re.compile(form.gate))
            continue
        need = required_strings(form.pattern)
        # single characters (digits) are in nearly every window
        out.append(None if need is None or min(map(len, need)) < 2 else need)
    return tuple(out)


@lru_cache(maxsize=1)
def _gate_keys() -> tuple[int, ...]:
    """Per form, the order of the first form with the same gate. Hits are filed under this number, not
    the gate: a compiled pattern hashes its whole program each time it is looked up."""
    gates = _form_gates()
    return tuple(gates.index(gate) for gate in gates)


@lru_cache(maxsize=1)
def _word_gates() -> tuple[re.Pattern[str], dict[str, list[int]]]:
    """One pattern for the words of every word gate, so that a window is read once for all of them, and
    per word the gates (keys) a hit of it stands for: those with a word it starts with (the pattern
    finds the longest word at a position)."""
    gates = {key: gate for key, gate in zip(_gate_keys(), _form_gates(), strict=True) if isinstance(gate, frozenset)}
    words = set().union(*gates.values())
    stands = {word: [key for key, gate in gates.items() if any(word.startswith(w) for w in gate)] for word in words}
    return re.compile(literal_alternation(words)), stands


@lru_cache(maxsize=1)
def _form_reaches() -> tuple[int | None, ...]:
    """Per form, how far from its start a match attempt reads (required.reach), for ``_scans``."""
    return tuple(reach(form.pattern) for form in all_forms())


_Hits = list[tuple[int, int, list[tuple[int, int]]]]


def _gate_spans(text: str, windows: list[tuple[int, int]], gate: re.Pattern[str]) -> _Hits:
    """The windows that hold a hit of ``gate``, each with the spans of its hits."""
    out: _Hits = []
    for lo, hi in windows:
        spans = [m.span() for m in gate.finditer(text, lo, hi)]
        if spans:
            out.append((lo, hi, spans))
    return out


def _word_spans(text: str, windows: list[tuple[int, int]]) -> dict[int, _Hits]:
    """Per word gate (key), what ``_gate_spans`` gives, from one scan for the words of all of them."""
    pattern, stands = _word_gates()
    out: dict[int, _Hits] = {}
    for lo, hi in windows:
        spans: dict[int, list[tuple[int, int]]] = {}
        pos = lo
        # from the next letter, not the hit's end: a gate word may start inside a hit («عام» in «العام»)
        while (match := pattern.search(text, pos, hi)) is not None:
            for gate in stands[match.group()]:
                spans.setdefault(gate, []).append(match.span())
            pos = match.start() + 1
        for gate, found in spans.items():
            out.setdefault(gate, []).append((lo, hi, found))
    return out


def _scans(hits: _Hits, far: int | None) -> list[tuple[int, int, int]]:
    """(lo, hi, last start) of the stretches of the windows that may hold a match.

    A match holds a gate hit and reads at most ``far`` characters from its start, so it starts less
    than ``far`` before a hit, and no later than the hit's last character (a hit the gate's scan
    skipped lies inside one it found). Scanning from ``far`` before the first hit of a cluster to
    ``far`` past its last hit tries all those starts on the same characters as a scan of the whole
    window: the same matches, in the same chain, as no match starts between clusters. A match the
    stretch gives that starts after the last hit is no match of the window (the end of the stretch
    may have cut a word), so the caller drops it and the rest."""
    out: list[tuple[int, int, int]] = []
    for lo, hi, spans in hits:
        if far is None:
            out.append((lo, hi, hi))
            continue
        first, last = spans[0][0], spans[0][1] - 1
        for start, end in spans[1:]:
            if start - far > last + far:
                out.append((max(lo, first - far), min(hi, last + far), last))
                first = start
            last = max(last, end - 1)
        out.append((max(lo, first - far), min(hi, last + far), last))
    return out


def _candidates(
    folded: Folded, anchor: dt.date | None, ranges: list[tuple[int, int]] | None = None
) -> list[tuple[int, int, int, Resolved]]:
    """(start, end, form order, resolution) of every match of every form, in original offsets."""
    found: list[tuple[int, int, int, Resolved]] = []
    text = folded.text
    windows = _windows(text, ranges)
    if not windows:
        return found
    blanks_single = "  " not in text  # as reach() assumes; fold() leaves no run of blanks
    hits = _word_spans(text, windows)
    scans: dict[tuple[int, int | None], list[tuple[int, int, int]]] = {}
    plan = zip(all_forms(), _form_gates(), _gate_keys(), _form_reaches(), strict=True)
    for order, (form, gate, key, far) in enumerate(plan):
        far = far if blanks_single and gate is not None else None
        if (key, far) not in scans:
            if gate is None:
                scans[key, far] = [(lo, hi, hi) for lo, hi in windows]
            else:
                if isinstance(gate, re.Pattern) and key not in hits:
                    hits[key] = _gate_spans(text, windows, gate)  # forms share gates (month names)
                scans[key, far] = _scans(hits.get(key, []), far)
        for lo, hi, last in scans[key, far]:
            for match in form.pattern.finditer(text, lo, hi):
                if match.start() > last:
                    break
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
        ranges = [(folded.position(lo), folded.position(hi)) for lo, hi in within]
    return [
        TimeExpr(start, end, text[start:end], r.value, r.precision, r.kind, r.end_value)
        for start, end, _order, r in _longest_first(_candidates(folded, anchor, ranges))
    ]
