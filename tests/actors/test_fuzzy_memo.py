"""The remembered 'opens a known name' test of skeleton matching gives what the skeletons give, also
across its reset when the memory limit is reached."""

from __future__ import annotations

import random

from rasd.actors.fuzzy import _OpeningWords
from rasd.actors.skeleton import skeleton_word


def test_opening_words_match_the_skeletons_across_resets() -> None:
    firsts = frozenset(skeleton_word(w) for w in ("جون", "فلاديمير", "بان"))
    memo = _OpeningWords(firsts, limit=7)  # small: resets often
    vocab = ["جون", "جان", "فلاديمير", "بان", "بين", "كتاب", "مدرسة", "قلم", "باب", "جين", "فلدمير", "سوق"]
    rnd = random.Random(0)
    for _ in range(2000):
        tokens = [rnd.choice(vocab) for _ in range(rnd.randint(0, 6))]
        assert memo.among(tokens) == {w for w in tokens if skeleton_word(w) in firsts}
    assert len(memo.seen) <= 7
