"""The remembered skeletons of skeleton matching give what the skeletons give, also across the memory's
reset when its limit is reached, and the pairs found in a skeleton text are those a word-by-word look finds."""

from __future__ import annotations

import random

from rasd.actors.fuzzy import _Skeletons
from rasd.actors.skeleton import skeleton_word

_PAIRS = frozenset({f"{skeleton_word('جون')} {skeleton_word('كيري')}", f"{skeleton_word('بان')} {skeleton_word('كي')}"})
_VOCAB = ["جون", "جان", "كيري", "كري", "بان", "بين", "كي", "كتاب", "مدرسة", "قلم", "باب", "سوق", "ال"]


def test_skeletons_memory_matches_the_skeletons_across_resets() -> None:
    memo = _Skeletons(_PAIRS, limit=5)  # small: resets often
    rnd = random.Random(0)
    for _ in range(2000):
        word = rnd.choice(_VOCAB)
        assert memo[word] == (skeleton_word(word) if skeleton_word(word) in memo.wanted else "")
        assert len(memo) <= 5


def test_pair_starts_are_the_pairs_word_by_word() -> None:
    memo = _Skeletons(_PAIRS, limit=7)
    rnd = random.Random(1)
    for _ in range(2000):
        tokens = [rnd.choice(_VOCAB) for _ in range(rnd.randint(0, 8))]
        expected = [
            n for n in range(len(tokens) - 1) if f"{skeleton_word(tokens[n])} {skeleton_word(tokens[n + 1])}" in _PAIRS
        ]
        assert memo.pair_starts(tokens) == expected
