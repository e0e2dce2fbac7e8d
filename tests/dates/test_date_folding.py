"""The private fold of the dates stage: variants fold together and spans map back exactly."""

from __future__ import annotations

from bisect import bisect_left

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.dates.folding import fold


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
