"""Offsets.positions, the batch of a document's sentence bounds, against position one by one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.dates.folding import fold
from rasd.normalise.offsets import Offsets


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 5), st.integers(0, 4)), max_size=10),
    st.lists(st.integers(-2, 80), max_size=30),
)
def test_positions_are_position_of_each(runs: list[tuple[int, int]], originals: list[int]) -> None:
    dropped, pos = [], 0
    for gap, size in runs:
        dropped.append((pos + gap, pos + gap + size))
        pos += gap + size
    offsets = Offsets.around_runs(dropped, pos + 5)
    assert offsets.positions(originals) == [offsets.position(x) for x in originals]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="اب \u064e\u0640ـ  \u200f1٣", max_size=40), st.lists(st.integers(0, 45), max_size=12))
def test_folded_positions_are_position_of_each(text: str, originals: list[int]) -> None:
    folded = fold(text)
    assert folded.positions(originals) == [folded.position(x) for x in originals]
