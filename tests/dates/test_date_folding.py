"""The private fold of the dates stage: variants fold together and spans map back exactly."""

from __future__ import annotations

import re
from bisect import bisect_left

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.dates.folding import _DROPPED_RUN, _FAST, _STRETCH, _dropped_runs, _translate, fold


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("أإآا", "اااا"),
        ("ذكرى الجمعة", "ذكري الجمعه"),
        ("٢٠١٥ ۲۰۱۵", "2015 2015"),
        ("غداً هـ", "غدا ه"),
        ("واشنطن ـ رويترز", "واشنطن - رويترز"),
        ("أ\u00a0\u00a0 ب\u200fج", "ا بج"),
        ("یک", "يك"),
    ],
)
def test_date_folding_folds_variants(text: str, folded: str) -> None:
    assert fold(text).text == folded


def test_date_folding_span_takes_trailing_marks() -> None:
    text = "قال غداً ثم"
    folded = fold(text)
    start = folded.text.index("غدا")
    assert folded.span(start, start + 3) == (4, 8)


@given(st.text(max_size=120), st.data())
def test_date_folding_spans_stay_inside_the_original(text: str, data: st.DataObject) -> None:
    folded = fold(text)
    assert len(folded.index) == len(folded.text)
    assert list(folded.index) == sorted(set(folded.index))
    start = data.draw(st.integers(0, len(folded.text)))
    end = data.draw(st.integers(start, len(folded.text)))
    o_start, o_end = folded.span(start, end)
    assert 0 <= o_start <= o_end <= len(text)


@given(st.text(alphabet="اأ ًّـ\u200f\n١x", max_size=60))
def test_date_folding_position_is_the_first_folded_character_from_there(text: str) -> None:
    folded = fold(text)
    index = list(folded.index)
    assert [folded.position(p) for p in range(len(text) + 2)] == [bisect_left(index, p) for p in range(len(text) + 2)]
    assert [folded.index[i - len(index)] for i in range(len(index))] == index


@given(st.text(alphabet="اأإةىهـ ًّ\u00a0\u200f\n١x-", max_size=80))
def test_date_folding_translation_is_the_table_s(text: str) -> None:
    assert _translate(text) == text.translate(_FAST)


@given(st.text(alphabet="\x00اـًx ", max_size=40))
def test_date_folding_stretch_is_a_tatweel_after_a_letter_tatweel_or_dropped_character(text: str) -> None:
    assert _STRETCH.sub("\x00", text) == re.sub("(?<=[\u0621-\u064a\u0640\x00])\u0640", "\x00", text)


@given(st.text(alphabet="\x00 a\n", max_size=60))
def test_date_folding_dropped_runs_are_those_of_one_pattern(text: str) -> None:
    assert [m.span() for m in _dropped_runs(text)] == [m.span() for m in _DROPPED_RUN.finditer(text)]
