"""The faster readings of the event coder against the plain ones they replace."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.actors.types import ActorMention
from rasd.events import arguments, readings
from rasd.events.readings import outside, unblocked
from rasd.normalise.match import Hit
from rasd.records import Span


def _outside_reference(triggers: list[Hit], mentions: list[ActorMention]) -> list[Hit]:
    """A trigger is dropped when it starts at an offset a mention covers or ends at one it reaches."""
    starts_inside = {i for m in mentions for i in range(m.norm_start, m.norm_end)}
    ends_inside = {i for m in mentions for i in range(m.norm_start + 1, m.norm_end + 1)}
    return [t for t in triggers if t.start not in starts_inside and t.end not in ends_inside]


_SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=12)


@settings(max_examples=500, deadline=None)
@given(_SPANS, _SPANS)
def test_outside_drops_what_the_offset_sets_drop(triggers: list[tuple[int, int]], names: list[tuple[int, int]]) -> None:
    hits = [Hit(a, a + n, "x", ()) for a, n in triggers]
    mentions = [ActorMention(a, a + n, Span(a, a + n), "CHN", "country") for a, n in names]  # overlaps, empties
    assert outside(hits, mentions) == _outside_reference(hits, mentions)


def _light_verb_reference(norm: str, start: int) -> int | None:
    before = norm[max(0, start - 12) : start]
    return next((start - len(v) for v in arguments._LIGHT_VERBS if before.endswith(v)), None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*arguments._LIGHT_VERBS, "و", "اعرب", " ", "عن ", "x"]), max_size=8))
def test_light_verb_checks_all_verbs_at_once_first(pieces: list[str]) -> None:
    norm = "".join(pieces) + "دعم"
    start = len(norm) - 3
    assert arguments._light_verb(norm, start) == _light_verb_reference(norm, start)


def _unblocked_reference(triggers: list[Hit], blockers: list[Hit]) -> list[Hit]:
    return [
        t
        for t in triggers
        if not any(b.start <= t.start and t.end <= b.end and b.end - b.start > t.end - t.start for b in blockers)
    ]


@settings(max_examples=500, deadline=None)
@given(_SPANS, st.lists(st.tuples(st.integers(0, 6), st.integers(1, 12)), max_size=8))
def test_unblocked_drops_what_every_blocker_drops(triggers: list[tuple[int, int]], gaps: list[tuple[int, int]]) -> None:
    """Blockers as Lexicon.find gives them: sorted and apart."""
    blockers, pos = [], 0
    for gap, size in gaps:
        blockers.append(Hit(pos + gap, pos + gap + size, "b", ()))
        pos += gap + size
    hits = [Hit(a, a + n + 1, "x", ()) for a, n in triggers]
    assert unblocked(hits, blockers) == _unblocked_reference(hits, blockers)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*readings.PLANNED, "من ", "المقرر", "ان ", "x ", " "]), max_size=10))
def test_future_finds_a_plan_as_any_of_the_words(pieces: list[str]) -> None:
    clause = "".join(pieces)
    assert (readings._PLANNED.search(clause) is not None) == any(w in clause for w in readings.PLANNED)
