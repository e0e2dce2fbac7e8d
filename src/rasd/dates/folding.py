"""A private, length-preserving fold of the original text for the date patterns.

The shared normaliser is written elsewhere; the dates stage only needs a fold that
maps spelling variants onto one form (alef/hamza, ى/ي, ة/ه, Persian letters,
Arabic-Indic digits, odd spaces, runs of blanks) and drops marks that may sit between letters
(diacritics, tatweel, bidi controls). Every kept character maps to exactly one
original character, so a match in the folded text goes back to an exact span of
the original, which is the only thing callers ever see.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rasd.normalise.offsets import Offsets
from rasd.normalise.translate import Translator

_LETTERS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ی": "ي",
    "ې": "ي",
    "ک": "ك",
    "ة": "ه",
    "ۀ": "ه",
    "ە": "ه",
}
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
_SPACES = {"\u00a0", "\u2007", "\u202f", "\u205f", "\u3000", "\r", "\t", "\u1680"} | {
    chr(c) for c in range(0x2000, 0x200B)
}
_LINE_BREAKS = {"\u2028", "\u2029", "\u0085", "\x0b", "\x0c"}
_INVISIBLE = (
    {"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff", "\u00ad"}
    | {chr(c) for c in range(0x202A, 0x202F)}
    | {chr(c) for c in range(0x2066, 0x206A)}
)
_TATWEEL = "\u0640"


def is_mark(char: str) -> bool:
    """Arabic diacritics and the dagger alef: they ride on the letter before them."""
    code = ord(char)
    return 0x064B <= code <= 0x065F or code == 0x0670 or 0x06D6 <= code <= 0x06ED


def _is_arabic_letter(char: str) -> bool:
    code = ord(char)
    return 0x0621 <= code <= 0x064A or 0x0671 <= code <= 0x06D3


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text plus, for each folded character, the index of its original character."""

    original: str
    text: str
    index: Sequence[int]  # a range when nothing was dropped

    def position(self, original: int) -> int:
        """The folded index of the first kept character at or after ``original`` (the folded length
        past the last one)."""
        if isinstance(self.index, Offsets):
            return self.index.position(original)
        return bisect_left(self.index, original)

    def positions(self, originals: list[int]) -> list[int]:
        """``position`` of each, at once."""
        if isinstance(self.index, Offsets):
            return self.index.positions(originals)
        return [bisect_left(self.index, original) for original in originals]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the folded slice [start:end].

        The end is pushed over marks and tatweel dropped right after the last
        character, so «غداً» and «هـ» keep their mark inside the span.
        """
        if start >= end:
            point = self.index[start] if start < len(self.index) else len(self.original)
            return point, point
        first = self.index[start]
        last = self.index[end - 1] + 1
        while last < len(self.original) and (is_mark(self.original[last]) or self.original[last] == _TATWEEL):
            last += 1
        return first, last


def _fold_char(text: str, i: int) -> str:
    """The folded form of text[i]: one character, or '' when it is dropped."""
    char = text[i]
    if char in _LETTERS:
        return _LETTERS[char]
    if char in _DIGITS:
        return _DIGITS[char]
    if char in _SPACES:
        return " "
    if char in _LINE_BREAKS:
        return "\n"
    if char in _INVISIBLE or is_mark(char):
        return ""
    if char == _TATWEEL:
        # Tatweel stretches a letter («هـ»); standing alone it is a dash («واشنطن ـ»).
        before = text[i - 1] if i > 0 else " "
        return "" if _is_arabic_letter(before) or before == _TATWEEL or is_mark(before) else "-"
    if char in "–—‒―−":
        return "-"
    return char


def _fast_table() -> dict[int, str]:
    """str.translate table giving _fold_char's result for every character it handles without context;
    dropped characters become NUL so that positions survive the translation."""
    table = {ord(c): v for c, v in (_LETTERS | _DIGITS).items()}
    table |= {ord(c): " " for c in _SPACES} | {ord(c): "\n" for c in _LINE_BREAKS}
    table |= {ord(c): "\x00" for c in _INVISIBLE}
    table |= {c: "\x00" for c in range(0x064B, 0x0660)} | {0x0670: "\x00"}
    table |= {c: "\x00" for c in range(0x06D6, 0x06EE)} | {ord(c): "-" for c in "–—‒―−"}
    return table


_FAST = _fast_table()
Translator(_FAST)  # checks that the order of replacements cannot matter
# Letters nearly every Arabic text holds (ة أ ى إ) are replaced outright: looking for which of the
# table's characters a text holds then meets only the rare ones.
_EVERYWHERE = tuple((char, _FAST[ord(char)]) for char in "ةأىإ")
_TRANSLATE = Translator({k: v for k, v in _FAST.items() if chr(k) not in dict(_EVERYWHERE)})
# The lookbehind comes after the tatweel, so that the engine skips to tatweels.
_STRETCH = re.compile("\u0640(?<=[\u0621-\u064a\u0640\x00]\u0640)")


def _translate(text: str) -> str:
    """``text.translate(_FAST)``."""
    for char, folded in _EVERYWHERE:
        text = text.replace(char, folded)
    return _TRANSLATE(text)


def _fold_fast(text: str) -> Folded | None:
    """The same fold in C-speed pieces, for texts without tatweel or unusual characters."""
    if "\x00" in text:
        return None  # NUL would be taken for a dropped character
    t = _translate(text)
    if _TATWEEL in t:  # stretching a letter it is dropped; standing alone it is a dash
        t = _STRETCH.sub("\x00", t).replace(_TATWEEL, "-")
    chars, index = _compact(t)
    return Folded(original=text, text=chars, index=index)


# What the fold drops from a translated text: NULs (dropped characters), and in a run of blanks
# (NULs between them included) everything after its first space. It stops at every blank, so it is
# used only where a blank comes before a NUL; elsewhere the NUL runs and the runs of spaces are found
# apart by patterns that open with a literal, which the engine skips to («\x00+» would be tried at
# every position).
_DROPPED_RUN = re.compile("\x00+| [ \x00]+")
_NULS = re.compile("\x00\x00*")
_SPACES_RUN = re.compile("   *")


def _dropped_runs(t: str) -> Iterable[re.Match[str]]:
    """The matches of _DROPPED_RUN in ``t``, in order. Without a blank before a NUL, a run of blanks is
    a run of spaces and no NUL touches it, so the two kinds of run are found apart."""
    if " \x00" in t:
        return _DROPPED_RUN.finditer(t)
    if "  " in t:
        return sorted([*_NULS.finditer(t), *_SPACES_RUN.finditer(t)], key=re.Match.start)
    return _NULS.finditer(t)


def _compact(t: str) -> tuple[str, Sequence[int]]:
    """``t`` without its dropped characters, and the index of each kept one: pieces between the few
    dropped runs are copied whole, and the index is kept as those pieces, so the cost is per run, not
    per character."""
    pieces: list[str] = []
    starts: list[int] = []  # where each piece starts in the folded text
    origins: list[int] = []  # and in t
    kept = pos = 0
    for m in _dropped_runs(t):
        cut = m.start() + (t[m.start()] == " ")  # a blank run keeps its first space
        if cut > pos:
            pieces.append(t[pos:cut])
            starts.append(kept)
            origins.append(pos)
            kept += cut - pos
        pos = m.end()
    if pos == 0:
        return t, range(len(t))
    if pos < len(t):
        pieces.append(t[pos:])
        starts.append(kept)
        origins.append(pos)
        kept += len(t) - pos
    return "".join(pieces), Offsets(starts, origins, kept)


@lru_cache(maxsize=8)
def fold(text: str) -> Folded:
    """Fold ``text`` for matching; see the module docstring for what is folded. Cached: the dateline,
    the stamp and the expressions of one document all read the same fold."""
    fast = _fold_fast(text)
    return fast if fast is not None else _fold_slow(text)


def _fold_slow(text: str) -> Folded:
    """The fold character by character: for texts holding NUL, and the reference of the fast one."""
    chars: list[str] = []
    index: list[int] = []
    for i in range(len(text)):
        folded = _fold_char(text, i)
        # Runs of blanks become one space, which keeps the patterns free of ambiguous space runs.
        if folded and not (folded == " " and chars and chars[-1] == " "):
            chars.append(folded)
            index.append(i)
    return Folded(original=text, text="".join(chars), index=tuple(index))


def fold_word(word: str) -> str:
    """Fold a lexicon form the same way as the text, so the two compare equal."""
    return " ".join(fold(word).text.split())
