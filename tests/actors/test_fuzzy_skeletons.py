"""Skeleton matching of a whole text at once, in bytes, finds what skeleton_word finds word by word: the
rough skeletons are the merged words less «ا و ي ه» (their skeletons less those letters, with the article
or not), the pairs found are those a word-by-word look finds, and the words' offsets are the words'."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.actors.fuzzy import _WORD_MARKS, _Skeletons, word_spans
from rasd.actors.skeleton import MERGE_FROM, MERGE_TO, skeleton_word

_PAIRS = frozenset(
    {
        f"{skeleton_word('جون')} {skeleton_word('كيري')}",
        f"{skeleton_word('بان')} {skeleton_word('كي')}",
        f"{skeleton_word('الوليد')} {skeleton_word('هاوي')}",
    }
)
_VOCAB = ["جون", "جان", "كيري", "كري", "بان", "بين", "كي", "كتاب", "مدرسة", "قلم", "باب", "سوق", "ال", "اله", "هه"]
_VOCAB += ["جونڤ", "ڤكيري", "الوليد", "وليد", "اوليد", "هاوي", "ها", "و", "الولد"]
_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءىةپڤژ"
_SEPARATORS = [" ", "  ", "، ", "-", ".\n", "•", "_", "é", "×", "0"]
_WORD = re.compile(r"\w+")
_SKELETONS = _Skeletons(_PAIRS)

_texts = st.lists(
    st.one_of(st.text(alphabet=_LETTERS + "ال", min_size=1, max_size=9), st.sampled_from(_VOCAB + _SEPARATORS)),
    max_size=30,
).map("".join)


def _word_by_word(text: str) -> list[str]:
    return [skeleton_word(w) for w in _WORD.findall(text)]


@settings(max_examples=500)
@given(_texts)
def test_rough_skeletons_are_the_merged_words_less_the_long_vowels_and_final_letter(text: str) -> None:
    rough = _SKELETONS.rough(_SKELETONS.merged(text))
    decoded = "".join(_SKELETONS.table[b] for b in rough.encode("latin-1"))
    # a character outside the table is a letter in no name, or a separator
    known = "".join(c if c in _SKELETONS.table else _SKELETONS._other if _WORD.fullmatch(c) else " " for c in text)
    expected = [w.translate(str.maketrans(MERGE_FROM, MERGE_TO, "اويه")) for w in _WORD.findall(known)]
    assert decoded == " " + "".join(w + " " for w in expected)
    assert len(expected) == len(_word_by_word(text))
    for word, skeleton in zip(expected, _word_by_word(known), strict=True):  # the skeleton, article or not
        assert word in {
            skeleton.translate(str.maketrans("", "", "اويه")),
            "ل" + skeleton.translate(str.maketrans("", "", "اويه")),
        }


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_VOCAB), max_size=8), st.lists(st.sampled_from(_SEPARATORS), min_size=8, max_size=8))
def test_pair_starts_are_the_pairs_word_by_word(words: list[str], separators: list[str]) -> None:
    text = "".join(w + s for w, s in zip(words, separators, strict=False))
    skeletons = _word_by_word(text)
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    expected = [
        (spans[n : n + 3], skeletons[n : n + 3])
        for n in range(len(skeletons) - 1)
        if f"{skeletons[n]} {skeletons[n + 1]}" in _PAIRS
    ]
    assert _SKELETONS.pair_starts(text) == expected


@given(_texts, st.integers(0, 40), st.integers(1, 3))
def test_word_spans_are_the_words_offsets(text: str, n: int, count: int) -> None:
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    if n < len(words):
        assert (
            word_spans(b" " + _SKELETONS.merged(text).translate(_WORD_MARKS) + b" ", n, count) == words[n : n + count]
        )
