"""Fast lexicon matching on folded text, respecting word boundaries and Arabic proclitics.

One Aho-Corasick automaton per group of lexicons searched in the same texts (``SearchedTogether``;
a lexicon alone is a group of one) finds every occurrence; a hit is kept when it starts a word
(possibly after proclitics و ف ب ل ك س, or لل for an ال-form) and ends one (possibly before an
attached pronoun, for lexicons that allow suffixes). Glued words are repaired when the lexicon
recognises both halves: «الأممالمتحدة» matches the spaced term, «أذربيجانوالصين» gives two hits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, Generic, NamedTuple, TypeVar

import ahocorasick

from rasd.normalise.text import fold

T = TypeVar("T")

PROCLITICS = frozenset("وفبلكس")
# Attached pronouns and the dual/plural endings that follow a noun or verb trigger.
SUFFIXES = ("هما", "كما", "ات", "هم", "هن", "كم", "نا", "ها", "ه", "ك", "ي", "ا", "وا", "ان", "ين", "ون", "ت", "تا")
_MAX_SUFFIX = max(len(s) for s in SUFFIXES)
GLUE_MIN = 4  # both halves of a glued word must be at least this long


class Hit(NamedTuple, Generic[T]):
    """One occurrence of a term (a named tuple: a document makes a hundred of them, and a tuple is
    built in half the time of a frozen dataclass)."""

    start: int  # folded-text offsets, end exclusive
    end: int
    term: str
    payloads: tuple[T, ...]


class Lexicon(Generic[T]):
    """Folded terms → payloads, searchable in folded text."""

    def __init__(self, entries: Iterable[tuple[str, T]], *, suffixes: bool = False) -> None:
        self._payloads: dict[str, list[T]] = {}
        for term, payload in entries:
            for form in _forms(fold(term)):
                self._payloads.setdefault(form, []).append(payload)
        self.suffixes = suffixes
        self._group: SearchedTogether | None = None

    def __len__(self) -> int:
        return len(self._payloads)

    @property
    def group(self) -> SearchedTogether | None:
        """The lexicons this one is searched with in one pass (itself alone until grouped)."""
        return self._group

    def lookup(self, term: str) -> tuple[T, ...]:
        return tuple(self._payloads.get(fold(term), ()))

    def find(self, text: str) -> list[Hit[T]]:
        """Longest-leftmost non-overlapping hits that respect word boundaries."""
        if not self._payloads:
            return []
        group = self._group or SearchedTogether([self])
        out: list[Hit[T]] = []
        last_end = -1
        for start, end, form, payloads in group.good(text, self):
            if start >= last_end:
                out.append(Hit(start, end, form, payloads))
                last_end = end
        return out


_Good = list[tuple[int, int, str, tuple[Any, ...]]]  # (start, end, form, payloads) of the hits kept


class SearchedTogether:
    """Lexicons searched in the same texts (the actors and the event lexicons, in every document) with
    one automaton: walking a text costs about as much for one lexicon as for all of them together, so
    one pass instead of one per lexicon, and each occurrence's word boundaries are checked once.

    An occurrence is kept for a lexicon when it starts a word (possibly after proclitics, see
    ``_left_ok``) and ends one (possibly before an attached pronoun when the lexicon allows suffixes,
    see ``_right_ok``); a long one (``GLUE_MIN``) may instead touch another long occurrence of the same
    lexicon (glued words). Most occurrences are short terms inside longer words («لا» in «الاتفاق»):
    they are dropped on the character before them."""

    def __init__(self, lexicons: Sequence[Lexicon[Any]]) -> None:
        self._members = {id(lex): i for i, lex in enumerate(lexicons)}
        self._suffixes = tuple(lex.suffixes for lex in lexicons)
        entries: dict[str, list[tuple[int, tuple[Any, ...]]]] = {}
        for i, lex in enumerate(lexicons):
            for form, payloads in lex._payloads.items():
                entries.setdefault(form, []).append((i, tuple(payloads)))
        self._automaton = ahocorasick.Automaton()
        for form, found in entries.items():
            self._automaton.add_word(form, (len(form), form, tuple(found)))
        if entries:
            self._automaton.make_automaton()
        self._count = len(lexicons)
        self._text: str | None = None
        self._good: list[_Good] = []
        for lex in lexicons:
            lex._group = self

    def good(self, text: str, lex: Lexicon[Any]) -> _Good:
        """The occurrences of a member's terms in ``text`` that respect word boundaries, by start and
        longest first; the last text's are kept for the other members."""
        if text is not self._text:
            self._text, self._good = text, self._search(text)
        return self._good[self._members[id(lex)]]

    def _search(self, text: str) -> list[_Good]:
        good: list[_Good] = [[] for _ in range(self._count)]
        longs: list[tuple[int, int, tuple[tuple[int, Any], ...]]] = []  # may be halves of glued words
        unsure: list[tuple[int, int, str, tuple[tuple[int, Any], ...], bool]] = []
        n = len(text)
        for last, (size, form, found) in self._automaton.iter(text):
            end = last + 1
            start = end - size
            left = (
                start == 0
                or not (c := text[start - 1]).isalnum()
                or (c in PROCLITICS and _after_proclitics(text, start))
            )
            if size >= GLUE_MIN:
                longs.append((start, end, found))
            elif not left:
                continue
            if left and (end == n or not text[end].isalnum()):
                for i, payloads in found:
                    good[i].append((start, end, form, payloads))
            else:
                unsure.append((start, end, form, found, left))
        if unsure:
            self._settle(text, unsure, longs, good)
        for g in good:
            g.sort(key=lambda h: (h[0], h[0] - h[1]))
        return good

    def _settle(
        self,
        text: str,
        unsure: list[tuple[int, int, str, tuple[tuple[int, Any], ...], bool]],
        longs: list[tuple[int, int, tuple[tuple[int, Any], ...]]],
        good: list[_Good],
    ) -> None:
        """Occurrences that start a word but do not end one (kept before a suffix where the lexicon
        allows it), and long ones that may be halves of glued words."""
        starts: list[set[int]] = [set() for _ in range(self._count)]
        ends: list[set[int]] = [set() for _ in range(self._count)]
        for start, end, found in longs:
            for i, _payloads in found:
                starts[i].add(start)
                ends[i].add(end)
        for start, end, form, found, left in unsure:
            glued = end - start >= GLUE_MIN
            for i, payloads in found:
                if not (left or (glued and _glued_left(text, start, ends[i]))):
                    continue
                if (
                    end == len(text)
                    or not text[end].isalnum()
                    or (glued and _glued_right(text, end, starts[i]))
                    or (self._suffixes[i] and _before_suffix(text, end))
                ):
                    good[i].append((start, end, form, payloads))


def _after_proclitics(text: str, i: int) -> bool:
    """Whether text[i] follows nothing but proclitics (at most three) since its word began."""
    j = i
    while j > 0 and i - j < 3 and text[j - 1] in PROCLITICS:
        j -= 1
        if j == 0 or not text[j - 1].isalnum():
            return True
    return False


def _glued_left(text: str, i: int, ends: set[int]) -> bool:
    """A long hit starting at ``i`` right after another long hit (or after its «و»): «الأممالمتحدة»."""
    return i in ends or (text[i - 1] == "و" and i - 1 in ends)


def _glued_right(text: str, i: int, starts: set[int]) -> bool:
    """A long hit ending at ``i`` right before another long hit (or before «و» and one)."""
    return i in starts or (text[i] == "و" and i + 1 in starts)


_SUFFIX_SET = frozenset(SUFFIXES)
_WORD_REST = re.compile(r"[^\W_]*")


def _before_suffix(text: str, i: int) -> bool:
    """Whether text[i:] up to the end of its word is an attached pronoun or ending (SUFFIXES)."""
    m = _WORD_REST.match(text, i)
    k = m.end() if m else i
    return k - i <= _MAX_SUFFIX and text[i:k] in _SUFFIX_SET


def _forms(term: str) -> list[str]:
    """A term and the forms it takes in running text: لل for ال after the preposition ل, glued words."""
    forms = [term]
    if term.startswith("ال") and len(term) > 3:
        forms.append("لل" + term[2:])
    if " " in term:
        forms.append(term.replace(" ", ""))
    return forms
