"""The shortcuts of expressions.py (gate words, per-form gates, narrowed scans) find exactly what
scanning every window with every form finds: a reference that takes no shortcut is compared on
text built to put month names inside words, after proclitics and at the edges of windows."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.dates import expressions
from rasd.dates.folding import Folded, fold, fold_word
from rasd.dates.months import load_months
from rasd.dates.required import around_group, reach, required


def _reference_windows(text: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """±80 characters around every gate word (longest first) and run of figures, merged."""
    names = {fold_word(n) for m in load_months() for n in m.names_ar} | set(expressions._GATE_WORDS)
    words = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    out: list[tuple[int, int]] = []
    for lo, hi in ranges:
        hits = [m.span() for m in words.finditer(text, lo, hi)]
        hits = sorted(hits + [m.span() for m in re.compile(r"\d+").finditer(text, lo, hi)])
        expressions._widen(out, hits, len(text))
    return out


def _reference(folded: Folded, anchor: dt.date | None, ranges: list[tuple[int, int]]) -> list[tuple]:
    found = []
    for order, form in enumerate(expressions.all_forms()):
        for lo, hi in _reference_windows(folded.text, ranges):
            for match in form.pattern.finditer(folded.text, lo, hi):
                resolved = form.resolve(match, anchor)
                if resolved is None:
                    continue
                start, end = expressions._trimmed(folded, match.start(), match.end())
                if start < end:
                    found.append((*folded.span(start, end), order, resolved))
    return sorted(found, key=repr)


_PIECES = st.sampled_from(
    [
        *("يناير", "اب", "آب", "أيار", "كانون الثاني", "تشرين  الأول", "شوال", "ربيع الأول", "جمادى الآخرة"),
        *("الابن", "باب", "لاب", "ابو", "كابل", "الثاني", "الأول", "ذو الحجة", "رمضان"),
        *("و", "ب", "ل", "وب", "فل", "من", "شهر", "في", "بين", "إلى", "حتى", "-", "/", "(", ")", "،", "."),
        *("3", "25", "٣", "2015", "1436", "15/8/2015", "1436هـ", "م", "هـ", "الخامس عشر", "أول"),
        *("اليوم", "أمس", "غدا", "الماضي", "المقبل", "العام", "عام", "الأسبوع", "الشهر", "الجاري", "الخميس"),
        *("يوم", "قال", "الرئيس", "الأمين", "هذا", "الليلة", "الماضية", "x"),
    ]
)
_BLANKS = st.sampled_from(["", " ", " ", "\n", "  "])
_TEXT = st.lists(st.tuples(_PIECES, _BLANKS), max_size=120).map(lambda parts: "".join(p + b for p, b in parts))


def _same(text: str, ranges: list[tuple[int, int]] | None, anchor: dt.date | None) -> None:
    folded = fold(text)
    ranges = ranges or [(0, len(folded.text))]
    assert sorted(expressions._candidates(folded, anchor, ranges), key=repr) == _reference(folded, anchor, ranges)


@pytest.mark.parametrize(
    "text",
    [
        "في 3اب 2015 قال",  # a month name glued to the day's figures
        "في 3 من شهر اب 2015",
        "وفي ابريل 2015",
        "وبأيار 2015",  # two proclitics
        "لتموز 2015",
        "في 20 يوليو/تموز 2015",
        "في 24 فبراير (شباط) 2015",
        "في 5 ربيع الأول 1437هـ",
        "الابن كابل لاباس ابو باب 2015 الثاني 1436",  # short names inside words, «باب» as ب + آب
        "من 22 إلى 24 أبريل 2025",
        "من 30 أبريل - 2 مايو 2025",
        "وقع الطرفان في 4 / 8 / 2015م محضرا",
        "في 2015-08-04 وفي 19/10/1436",
        "المهرجان (2015م) والعام 1437 هـ",
        # matches that reach far from their gate hit (the narrowed scans must read that far)
        "قال اليوم الخميس إن",
        "اليوم (الأربعاء)",
        "الأربعاء، الحادي والعشرين من كانون الثاني / يناير 2015 ميلادية",
        "من الخامس عشر من يوليو 2015 حتى الحادي والعشرين من أغسطس 2015 م",
        "أول من أمس الاثنين وبعد غد الخميس ويوم الخميس الماضي والليلة الماضية",
        "في الـ 27 من الشهر الجاري وفي هذا العام والأسبوع المقبل",
    ],
)
def test_expression_gates_examples(text: str) -> None:
    _same(text, None, dt.date(2015, 8, 10))


def test_expression_gates_reach_counts_what_a_match_may_read() -> None:
    assert reach(re.compile(r"ab[ ]*c(?=de)")) == 6  # a blank run is one blank and the letter after it
    assert reach(re.compile(r"(?<=x)(?P<s>[/.])[0-9]{1,2}(?P=s)")) == 4
    assert reach(re.compile(r"a+")) is None


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.lists(st.integers(0, 700), max_size=6), st.none() | st.just(dt.date(2015, 8, 10)))
def test_expression_gates_find_what_a_full_scan_finds(text: str, cuts: list[int], anchor: dt.date | None) -> None:
    bounds = sorted({min(c, len(fold(text).text)) for c in cuts})
    _same(text, list(zip(bounds[::2], bounds[1::2], strict=False)), anchor)


def test_expression_gates_required_bounds_where_the_strings_sit() -> None:
    # «ab» then «c» or «de»: «x» first (one character before), «f» and a lookahead after
    assert required(re.compile(r"(?<!q)x(?:ab|cd)[ ]*f(?=gh)")) == (frozenset({"xab", "xcd"}), 0, 5, 7)
    # the longer strings after the blanks, after at most «yy», «ww» and one blank
    assert required(re.compile(r"y{0,2}(?:z|ww)[ ]*(?:abc|(?:pq)?rst)")) == (
        frozenset({"abc", "rst", "pqrst"}),
        5,
        5,
        5,
    )
    assert required(re.compile(r"a+bcd"))[1:] == (None, 3, 3)  # type: ignore[index]
    # branches that share a word are gated on it, not each on its own rarer-looking word
    assert required(re.compile(r"(?:abc[ ]+(?:x)?ddd|efg[ ]+ddd|ddde)"))[0] == frozenset({"ddd", "xddd", "ddde"})  # type: ignore[index]
    assert around_group(re.compile(r"(?:من )?(?P<m>ab|cde)(?!x)(?:[ ]*12)?"), "m") == (3, 6)
    assert around_group(re.compile(r"(?:(?P<m>ab)|c)d"), "m") is None  # not in every match


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_expression_gates_matches_sit_within_their_bounds(text: str) -> None:
    """What the analysis says of where a form's matches hold their anchor, against every match."""
    folded = fold(text).text
    for form in expressions.all_forms():
        if form.anchor is not None:
            before, read = around_group(form.pattern, form.anchor)  # type: ignore[misc]
            for match in form.pattern.finditer(folded):
                assert match.start(form.anchor) - match.start() <= before
                assert match.end() - match.start(form.anchor) <= read
            continue
        need = required(form.pattern)
        if need is None or need[1] is None or need[3] is None:
            continue
        for match in form.pattern.finditer(folded):
            held = [
                o
                for o in range(match.start(), match.end())
                if any(match.string.startswith(w, o) and o + len(w) <= match.end() for w in need[0])
            ]
            assert any(o - match.start() <= need[1] and match.end() - o <= need[3] for o in held)


def _reference_word_spans(text: str, windows: list[tuple[int, int]]) -> dict[int, list]:
    """The word gates' hits by searching every position of every window with their pattern."""
    pattern, stands = expressions._word_gates()
    out: dict[int, list] = {}
    for lo, hi in windows:
        spans: dict[int, list[tuple[int, int]]] = {}
        pos = lo
        while (match := pattern.search(text, pos, hi)) is not None:
            for gate in stands[match.group()]:
                spans.setdefault(gate, []).append(match.span())
            pos = match.start() + 1
        for gate, found in spans.items():
            out.setdefault(gate, []).append((lo, hi, found))
    return out


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.lists(st.integers(0, 700), max_size=8))
def test_expression_gates_tried_at_their_openers_find_what_a_scan_finds(text: str, cuts: list[int]) -> None:
    """Trying each gate only where its opening words occur (_opener_starts) gives what scanning finds."""
    folded = fold(text).text
    bounds = sorted({min(c, len(folded)) for c in cuts})
    windows = list(zip(bounds[::2], bounds[1::2], strict=False)) or [(0, len(folded))]
    starts = expressions._opener_starts(folded)
    for lo, hi in windows:
        spans = [m.span() for m in expressions._gate_words().finditer(folded, lo, hi)]
        at = expressions._matches_at(
            expressions._gate_words(), folded, lo, hi, starts.get(expressions._GATE_WORDS_KEY, [])
        )
        assert at == spans
    for form, gate, key in zip(
        expressions.all_forms(), expressions._form_gates(), expressions._gate_keys(), strict=True
    ):
        if isinstance(gate, re.Pattern) and form.openers is not None:
            scanned = expressions._gate_spans(folded, windows, gate)
            assert expressions._gate_spans(folded, windows, gate, starts.get(key, [])) == scanned
    assert expressions._word_spans(
        folded, windows, starts.get(expressions._WORD_GATES_KEY, [])
    ) == _reference_word_spans(folded, windows)
