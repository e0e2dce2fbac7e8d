"""The quicker forms of the unknown-officials reading give what their plain forms give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.actors.unknown import ROLE_REACH, ROLE_WORDS, role_before

_WORDS = [*sorted(ROLE_WORDS), *("و" + w for w in sorted(ROLE_WORDS)), "وو", "محمد", "علي", "ال", "قال", "ووزير"]
_SEPARATORS = [" ", "  ", ". ", "\n", "،", "-"]


def _plain_role_before(norm: str, start: int, reach: int) -> bool:
    window = norm[max(0, start - reach) : start]
    cut = max(window.rfind("."), window.rfind("\n"))
    tokens = window[cut + 1 :].split()
    return not ROLE_WORDS.isdisjoint(tokens) or not ROLE_WORDS.isdisjoint(t[1:] for t in tokens if t.startswith("و"))


@settings(max_examples=500)
@given(
    st.lists(st.one_of(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), max_size=30).map("".join),
    st.integers(0, 200),
    st.sampled_from([ROLE_REACH, 14]),
)
def test_role_before_is_the_plain_look(norm: str, start: int, reach: int) -> None:
    start = min(start, len(norm))
    assert role_before(norm, start, reach) == _plain_role_before(norm, start, reach)
