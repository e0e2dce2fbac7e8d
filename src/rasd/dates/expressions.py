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
from bisect import bisect_left
from functools import lru_cache

import ahocorasick

from rasd.dates.absolute import absolute_forms
from rasd.dates.folding import Folded, fold, fold_word
from rasd.dates.forms import Form, Resolved
from rasd.dates.months import load_months
from rasd.dates.patterns import literal_alternation
from rasd.dates.records import TimeExpr
from rasd.dates.relative import relative_forms
from rasd.dates.required import around_group, reach, required, required_strings


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


# A run of figures opens the same window as its figures one by one. «\d\d*», not «\d+»: a pattern that
# opens with a class lets the engine skip to figures; a repeat is tried at every position.
_FIGURES = re.compile(r"\d\d*")


def _gate_hits(text: str, lo: int, hi: int, starts: list[int]) -> list[tuple[int, int]]:
    """(start, end) of the gate words and runs of figures in text[lo:hi], in text order; ``starts`` are
    where gate words occur (_opener_starts)."""
    found = _matches_at(_gate_words(), text, lo, hi, starts)
    found += [m.span() for m in _FIGURES.finditer(text, lo, hi)]
    found.sort()
    return found


def _windows(
    text: str, ranges: list[tuple[int, int]] | None = None, starts: dict[int, list[int]] | None = None
) -> list[tuple[int, int]]:
    starts = _opener_starts(text) if starts is None else starts
    out: list[tuple[int, int]] = []
    for lo, hi in ranges if ranges is not None else [(0, len(text))]:
        _widen(out, _gate_hits(text, lo, hi, starts.get(_GATE_WORDS_KEY, [])), len(text))
    return out


def _widen(out: list[tuple[int, int]], hits: list[tuple[int, int]], size: int) -> None:
    """Add to ``out`` the windows ``_MARGIN`` around each hit (in text order), merging those that touch."""
    for start, end in hits:
        wlo, whi = max(0, start - _MARGIN), min(size, end + _MARGIN)
        if out and wlo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], whi))
        else:
            out.append((wlo, whi))


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


_GATE_WORDS_KEY, _WORD_GATES_KEY = -1, -2  # _opener_starts' keys for the gate words and the word gates


@lru_cache(maxsize=1)
def _openers() -> ahocorasick.Automaton:
    """The words every hit opens with, of the gate words, of the word gates and of the gates with
    openers (Form.openers), in one automaton whose values are (length, keys): the text is walked once
    for all of them, and each gate's regex is then tried only where they occur. The regex engine tries
    a gate of many first letters at nearly every position of an Arabic text; the automaton is cheaper
    per character."""
    keys: dict[str, set[int]] = {}
    for word in {fold_word(n) for m in load_months() for n in m.names_ar} | set(_GATE_WORDS):
        keys.setdefault(word, set()).add(_GATE_WORDS_KEY)
    for word in _word_gates()[1]:
        keys.setdefault(word, set()).add(_WORD_GATES_KEY)
    for form, gate, key in zip(all_forms(), _form_gates(), _gate_keys(), strict=True):
        if isinstance(gate, re.Pattern) and form.openers is not None:
            for word in form.openers:
                keys.setdefault(word, set()).add(key)
    automaton = ahocorasick.Automaton()
    for word, found in keys.items():
        automaton.add_word(word, (len(word), tuple(sorted(found))))
    automaton.make_automaton()
    return automaton


def _opener_starts(text: str, lo: int = 0, hi: int | None = None) -> dict[int, list[int]]:
    """Per key of ``_openers`` (a gate), the sorted, distinct offsets where one of its words occurs in
    text[lo:hi]."""
    out: dict[int, list[int]] = {}
    for last, (size, keys) in _openers().iter(text, lo, len(text) if hi is None else hi):
        for key in keys:
            out.setdefault(key, []).append(last + 1 - size)
    return {key: sorted(set(found)) for key, found in out.items()}


def _matches_at(pattern: re.Pattern[str], text: str, lo: int, hi: int, starts: list[int]) -> list[tuple[int, int]]:
    """The spans ``pattern.finditer(text, lo, hi)`` gives, for a pattern whose every match starts at one
    of ``starts`` (sorted): it is tried there alone, from where the last match ended."""
    out: list[tuple[int, int]] = []
    pos = lo
    for start in starts[bisect_left(starts, lo) : bisect_left(starts, hi)]:
        if start >= pos and (match := pattern.match(text, start, hi)) is not None:
            out.append(match.span())
            pos = match.end()
    return out


_Bounds = tuple[int, int]  # (before, after), see _scans


@lru_cache(maxsize=1)
def _form_bounds() -> tuple[_Bounds | None, ...]:
    """Per form, how far before a gate hit a match may start and past the hit's last character a scan
    must read, for ``_scans`` (None: unbounded, the whole window is scanned).

    A form with a gate pattern and an anchor group: every match starts at most ``before`` (required.py's
    around_group) before the group, which starts inside a hit, and reads less than ``read`` from there.
    A scan that ends ``before`` plus the gate's reach past the hit also leaves a gate hit whole: one
    the end of the scan made up (a month name cut by it) lies more than ``before`` past the last hit, so
    no match that starts by then holds it. A word gate: the words a match consumes are its anchor
    (required.required), and a scan's end cuts none of them. Else only the form's reach is known: a
    match reads at most that from its start and holds the hit's first character."""
    out: list[_Bounds | None] = []
    for form, gate in zip(all_forms(), _form_gates(), strict=True):
        far = reach(form.pattern)
        bounds: _Bounds | None = None if far is None else (far, far)
        if isinstance(gate, re.Pattern) and form.anchor is not None:
            around, gate_reach = around_group(form.pattern, form.anchor), reach(gate)
            if around is not None and gate_reach is not None:
                bounds = around[0], max(around[1], around[0] + gate_reach)
        elif isinstance(gate, frozenset):
            need = required(form.pattern)
            if need is not None and need[1] is not None and need[3] is not None:
                bounds = need[1], need[3]
        out.append(bounds)
    return tuple(out)


_Hits = list[tuple[int, int, list[tuple[int, int]]]]


def _gate_spans(
    text: str, windows: list[tuple[int, int]], gate: re.Pattern[str], starts: list[int] | None = None
) -> _Hits:
    """The windows that hold a hit of ``gate``, each with the spans of its hits; with ``starts``, where
    every hit must start (_matches_at)."""
    out: _Hits = []
    for lo, hi in windows:
        if starts is None:
            spans = [m.span() for m in gate.finditer(text, lo, hi)]
        else:
            spans = _matches_at(gate, text, lo, hi, starts)
        if spans:
            out.append((lo, hi, spans))
    return out


def _word_spans(text: str, windows: list[tuple[int, int]], starts: list[int]) -> dict[int, _Hits]:
    """Per word gate (key), what ``_gate_spans`` gives, from one reading for the words of all of them:
    their longest word at each of ``starts`` (where one occurs) in a window, also inside another hit
    (a gate word may start inside one, «عام» in «العام»)."""
    pattern, stands = _word_gates()
    out: dict[int, _Hits] = {}
    for lo, hi in windows:
        spans: dict[int, list[tuple[int, int]]] = {}
        for start in starts[bisect_left(starts, lo) : bisect_left(starts, hi)]:
            if (match := pattern.match(text, start, hi)) is not None:
                for gate in stands[match.group()]:
                    spans.setdefault(gate, []).append(match.span())
        for gate, found in spans.items():
            out.setdefault(gate, []).append((lo, hi, found))
    return out


def _scans(hits: _Hits, bounds: _Bounds | None) -> list[tuple[int, int, int]]:
    """(lo, hi, last start) of the stretches of the windows that may hold a match.

    A match holds an anchor (_form_bounds) inside a gate hit (a hit the gate's scan skipped lies inside
    one it found), starts at most ``before`` characters before it and no later than it, and reads less
    than ``after`` past the hit's last character. So a scan from ``before`` ahead of the first hit of
    a cluster to ``after`` past its last hit tries all the starts that can match on the same characters
    as a scan of the whole window (lookbehinds see the text before a scan's start): the same matches,
    in the same chain, as no match starts between clusters nor reaches the next. A match the stretch
    gives that starts after the last hit is no match of the window (the end of the stretch may have
    cut a word), so the caller drops it and the rest."""
    out: list[tuple[int, int, int]] = []
    for lo, hi, spans in hits:
        if bounds is None:
            out.append((lo, hi, hi))
            continue
        before, after = bounds
        first, last = spans[0][0], spans[0][1] - 1
        for start, end in spans[1:]:
            if start - before > last + after:
                out.append((max(lo, first - before), min(hi, last + after), last))
                first = start
            last = max(last, end - 1)
        out.append((max(lo, first - before), min(hi, last + after), last))
    return out


def _candidates(
    folded: Folded, anchor: dt.date | None, ranges: list[tuple[int, int]] | None = None
) -> list[tuple[int, int, int, Resolved]]:
    """(start, end, form order, resolution) of every match of every form, in original offsets."""
    found: list[tuple[int, int, int, Resolved]] = []
    text = folded.text
    if ranges is not None and not ranges:
        return found
    # windows reach _MARGIN past the ranges' gate hits, and a hit's words lie in its window
    lo, hi = (0, len(text)) if ranges is None else (min(r[0] for r in ranges), max(r[1] for r in ranges))
    starts = _opener_starts(text, max(0, lo - _MARGIN), min(len(text), hi + _MARGIN))
    windows = _windows(text, ranges, starts)
    if not windows:
        return found
    blanks_single = "  " not in text  # as reach() assumes; fold() leaves no run of blanks
    hits = _word_spans(text, windows, starts.get(_WORD_GATES_KEY, []))
    scans: dict[tuple[int, _Bounds | None], list[tuple[int, int, int]]] = {}
    plan = zip(all_forms(), _form_gates(), _gate_keys(), _form_bounds(), strict=True)
    for order, (form, gate, key, bounds) in enumerate(plan):
        bounds = bounds if blanks_single and gate is not None else None
        if (key, bounds) not in scans:
            if gate is None:
                scans[key, bounds] = [(lo, hi, hi) for lo, hi in windows]
            else:
                if isinstance(gate, re.Pattern) and key not in hits:  # forms share gates (month names)
                    hits[key] = _gate_spans(text, windows, gate, starts.get(key, []) if form.openers else None)
                scans[key, bounds] = _scans(hits.get(key, []), bounds)
        for lo, hi, last in scans[key, bounds]:
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
        bounds = folded.positions([x for lo_hi in within for x in lo_hi])
        ranges = list(zip(bounds[::2], bounds[1::2], strict=True))
    return [
        TimeExpr(start, end, text[start:end], r.value, r.precision, r.kind, r.end_value)
        for start, end, _order, r in _longest_first(_candidates(folded, anchor, ranges))
    ]
