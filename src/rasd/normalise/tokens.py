"""Tokens with their proclitics split off, in original offsets.

«وبالصين» is one written word and three pieces: the conjunction و, the preposition ب and the noun with
its article, الصين. Matching does not need this split (the matcher allows proclitics itself), but
readers of the evidence and later models do: every token says where its stem starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasd.normalise.text import NormText
from rasd.records import Span

_WORD = re.compile(r"[\u0621-\u064a]+|[0-9]+|[a-z]+")
CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
FUTURE = "س"
MIN_STEM = 2  # letters a stem keeps after proclitics are split off
# Frequent stems that open with و or ف themselves (folded): «وزير» is not و + «زير».
_OWN_LETTER = (
    "وزير",
    "وزار",
    "وزرا",
    "وفد",
    "وكال",
    "وقت",
    "وضع",
    "وطن",
    "وحد",
    "وجه",
    "وصل",
    "ولاي",
    "وثيق",
    "واشنطن",
    "ولي",
    "ورق",
    "وسط",
    "وسيل",
    "وعد",
    "وفق",
    "وقف",
    "وقع",
    "فرنس",
    "فلسطين",
    "فنلند",
    "فيتنام",
    "فنزويل",
    "فريق",
    "فرص",
    "فتر",
    "فكر",
    "فيه",
    "فقط",
    "فوق",
)


@dataclass(frozen=True, slots=True)
class Token:
    span: Span  # the whole written word, in the original text
    stem: Span  # the word without its proclitics
    proclitics: str  # folded proclitic letters, in order («وب»)
    article: bool  # the stem opens with ال (or لل after ل)
    norm: str  # the folded word


def _split(word: str) -> tuple[str, str]:
    """(proclitics, rest): at most one conjunction, then one preposition or the future prefix."""
    pre = ""
    rest = word
    if rest[:1] in CONJUNCTIONS and len(rest) - 1 >= MIN_STEM + 1 and not rest.startswith(_OWN_LETTER):
        pre, rest = pre + rest[0], rest[1:]
    if rest.startswith("لل") and len(rest) - 2 >= MIN_STEM:
        return pre + "ل", rest[1:]  # ل + ال written لل: the stem keeps one ل as its article
    preposition = rest[:1] in PREPOSITIONS and rest[1:3] == "ال" and len(rest) - 1 >= MIN_STEM + 2
    future = rest[:1] == FUTURE and rest[1:2] in ("ي", "ت", "ن", "ا") and len(rest) - 1 >= MIN_STEM + 1
    if preposition or future:
        pre, rest = pre + rest[0], rest[1:]
    return pre, rest


def tokens(norm: NormText) -> list[Token]:
    """Every word of the text with its proclitics split off."""
    out = []
    for m in _WORD.finditer(norm.text):
        word = m.group()
        pre, rest = _split(word) if word[0] > "\u0600" else ("", word)
        span = norm.to_original(m.start(), m.end())
        stem = norm.to_original(m.start() + len(pre), m.end())
        article = rest.startswith("ال") or (pre.endswith("ل") and rest.startswith("ل"))
        out.append(Token(span, stem, pre, article, word))
    return out
