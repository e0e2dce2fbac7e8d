"""Offset-preserving normalisation of Arabic text for matching.

The original text never changes. Matching runs on a folded copy in which every character maps back to
exactly one original character (``NormText.index``), so any span found in the folded text can be
reported as evidence in the original. Characters that are deleted (diacritics, tatweel, bidi controls,
zero-width joiners) simply have no image in the folded text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rasd.normalise.offsets import Offsets
from rasd.normalise.translate import Translator
from rasd.records import Span

# Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef), Quranic marks, tatweel.
_DELETE = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670", "\u0640"}
_DELETE |= {chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06E5, 0x06E6)}
# Bidi controls, zero-width characters, BOM, soft hyphen.
_DELETE |= {"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff", "\u00ad"}
_DELETE |= {chr(c) for c in range(0x202A, 0x202F)} | {chr(c) for c in range(0x2066, 0x206A)}

_FOLD: dict[str, str] = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ى": "ي",
    "ئ": "ي",
    "ی": "ي",
    "ې": "ي",
    "ؤ": "و",
    "ة": "ه",
    "ۀ": "ه",
    "ہ": "ه",
    "ھ": "ه",
    "ک": "ك",
    "ڪ": "ك",
    "گ": "ك",
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u3000": " ",
    "\t": " ",
    "\r": " ",
    "،": ",",
    "؛": ";",
    "؟": "?",
    "٪": "%",
    "«": '"',
    "»": '"',
    "“": '"',
    "”": '"',
    "„": '"',
    "‘": "'",
    "’": "'",
    "–": "-",
    "—": "-",
    "ـ": "",
}
for _i in range(10):
    _FOLD[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _FOLD[chr(0x06F0 + _i)] = str(_i)  # Persian digits


def fold_char(ch: str) -> str:
    """Matching form of one character: '' when it is deleted."""
    if ch in _DELETE:
        return ""
    mapped = _FOLD.get(ch)
    if mapped is not None:
        return mapped
    if ch.isascii():
        return ch.lower()
    if "\u0600" <= ch <= "\u06ff":
        return ch
    # Presentation forms and other compatibility characters fold to their plain letters.
    decomposed = unicodedata.normalize("NFKC", ch)
    if decomposed != ch:
        return "".join(fold_char(c) for c in decomposed)
    return ch.lower() if len(ch.lower()) == 1 else ch


@dataclass(frozen=True, slots=True)
class NormText:
    """The folded matching text and, for each of its characters, the original index."""

    text: str
    index: Sequence[int]  # a range when nothing was dropped
    original_length: int

    def to_original(self, start: int, end: int) -> Span:
        """Map a folded span [start, end) back to the original text; empty spans are refused."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"span {start}:{end} is outside the normalised text of length {len(self.text)}")
        index = self.index
        if isinstance(index, range) and not index.start and index.step == 1:  # nothing dropped: offsets stay
            return Span(start, end)
        return Span(index[start], index[end - 1] + 1)

    def folded_offset(self, original: int) -> int:
        """The folded offset of an original one: how many folded characters come from before it."""
        if isinstance(self.index, range):
            return min(max(original, 0), len(self.index))
        if isinstance(self.index, Offsets):
            return self.index.position(original)
        return bisect_left(self.index, original)

    def folded_offsets(self, originals: list[int]) -> list[int]:
        """``folded_offset`` of each (a document's sentence bounds at once)."""
        if isinstance(self.index, range):
            n = len(self.index)
            return [min(max(x, 0), n) for x in originals]
        if isinstance(self.index, Offsets):
            return self.index.positions(originals)
        return [bisect_left(self.index, x) for x in originals]


def _fast_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(c): None for c in _DELETE}
    table |= {ord(c): (v or None) for c, v in _FOLD.items()}
    table |= {c: chr(c + 32) for c in range(ord("A"), ord("Z") + 1)}
    return table


_FAST = _fast_table()
_TRANSLATE = Translator(_FAST)
_DROPPED_RUN = re.compile("[" + "".join(re.escape(chr(k)) for k, v in sorted(_FAST.items()) if v is None) + "]+")
_PLAIN = re.compile(r"[^\x00-\x7f\u0600-\u06ff" + "".join(re.escape(chr(c)) for c in _FAST) + r"]")


def _kept_index(text: str) -> Offsets:
    """The index of a fold that dropped only whole runs (found with one regex pass)."""
    return Offsets.around_runs([m.span() for m in _DROPPED_RUN.finditer(text)], len(text))


def _by_table(text: str, others: dict[str, str]) -> NormText:
    """The fold of ``text`` by the table, then by ``others``: the fully folded form of each character
    outside the table that the text holds (a fold is already folded, so the order does not matter)."""
    folded = _TRANSLATE(text)
    for char, replacement in others.items():
        folded = folded.replace(char, replacement)
    if all(len(f) == 1 for f in others.values()):
        if len(folded) == len(text):
            return NormText(folded, range(len(text)), len(text))
        return NormText(folded, _kept_index(text), len(text))
    return NormText(folded, _spread_index(text, others), len(text))


def _spread_index(text: str, others: dict[str, str]) -> tuple[int, ...]:
    """The index of a fold in which some characters vanish and some become several («ﻷ» → «لا», «…» →
    «...»: each piece points at the one original character), built run by run."""
    changes = [(m.start(), m.end(), 0) for m in _DROPPED_RUN.finditer(text)]
    odd = "".join(re.escape(c) for c, f in others.items() if len(f) != 1)
    changes += [(m.start(), m.end(), len(others[m.group()])) for m in re.finditer(f"[{odd}]", text)]
    index: list[int] = []
    pos = 0
    for start, end, pieces in sorted(changes):
        index.extend(range(pos, start))
        index.extend([start] * pieces)
        pos = end
    index.extend(range(pos, len(text)))
    return tuple(index)


@lru_cache(maxsize=4096)
def _fold_other(char: str) -> str:
    return fold_char(char)


def normalise(text: str) -> NormText:
    """Fold ``text`` for matching, keeping for each folded character the index of its original one.

    Most texts hold only ASCII, Arabic and the characters of the fold tables: they are folded by
    one str.translate. Other characters («…», «×», presentation forms, «ﻷ») are looked up once per
    distinct character and replaced with str.replace."""
    if not _PLAIN.search(text):
        return _by_table(text, {})
    return _by_table(text, {c: _fold_other(c) for c in set(_PLAIN.findall(text))})


def fold(text: str) -> str:
    """Folded form of a lexicon entry or query (no offsets needed)."""
    return " ".join("".join(fold_char(c) for c in text).split())
