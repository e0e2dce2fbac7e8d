"""Spelling-tolerant matching of foreign names: «فرنسوا هولاند» is «فرانسوا هولاند».

Arabic renderings of foreign names differ mostly in long vowels and in the letters chosen for g/j and
similar sounds. A name's skeleton drops ا و ي inside words (not the first letter) and merges the
interchangeable consonants; two spellings with the same skeleton are taken as the same name. Arabic
names are left out: in «سلمان»/«سليمان» the vowels are the name.
"""

from __future__ import annotations

import re

from rasd.normalise.text import fold

MERGE_FROM, MERGE_TO = "غقكثصذظضط", "جججسسززدت"  # each letter of the first merged into the second's
ARTICLE = "ال"  # dropped from a word's start (of five letters or more)
VOWELS = "اوي"  # dropped inside a word
FINAL = "ه"  # dropped from a word's end
_MERGE = str.maketrans(MERGE_FROM, MERGE_TO)
_WORD = re.compile(r"\w+")
_DROP = str.maketrans("", "", VOWELS)
MIN_SKELETON = 6  # letters; shorter skeletons say too little


def skeleton_word(word: str) -> str:
    """The skeleton of one word; fuzzy.py works out a whole text's at once, in bytes, which
    tests/actors/test_fuzzy_skeletons.py checks against this."""
    word = word.translate(_MERGE)
    if word.startswith(ARTICLE) and len(word) > 4:
        word = word[2:]
    return word[:1] + word[1:].translate(_DROP).rstrip(FINAL)


def skeleton(name: str) -> str:
    """Skeleton of a name as written (folded first)."""
    return folded_skeleton(fold(name))


def folded_skeleton(folded: str) -> str:
    return " ".join(skeleton_word(w) for w in _WORD.findall(folded))


def words(norm: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _WORD.finditer(norm)]
