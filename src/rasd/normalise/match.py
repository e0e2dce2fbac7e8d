"""Fast lexicon matching on folded text, respecting word boundaries and Arabic proclitics.

One Aho-Corasick automaton per lexicon finds every occurrence; a hit is kept when it starts a word
(possibly after proclitics و ف ب ل ك س, or لل for an ال-form) and ends one (possibly before an
attached pronoun, for lexicons that allow suffixes). Glued words are repaired when the lexicon
recognises both halves: «الأممالمتحدة» matches the spaced term, «أذربيجانوالصين» gives two hits.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import ahocorasick

from rasd.normalise.text import fold

T = TypeVar("T")

PROCLITICS = frozenset("وفبلكس")
# Attached pronouns and the dual/plural endings that follow a noun or verb trigger.
SUFFIXES = ("هما", "كما", "ات", "هم", "هن", "كم", "نا", "ها", "ه", "ك", "ي", "ا", "وا", "ان", "ين", "ون", "ت", "تا")
_MAX_SUFFIX = max(len(s) for s in SUFFIXES)
GLUE_MIN = 4  # both halves of a glued word must be at least this long


def is_word_char(c: str) -> bool:
    return c.isalnum()


@dataclass(frozen=True, slots=True)
class Hit(Generic[T]):
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
        self._automaton = ahocorasick.Automaton()
        for form, payloads in self._payloads.items():
            self._automaton.add_word(form, (len(form), form, tuple(payloads)))
        if self._payloads:
            self._automaton.make_automaton()
        self._group: SearchedTogether | None = None

    def __len__(self) -> int:
        return len(self._payloads)

    @property
    def group(self) -> SearchedTogether | None:
        """The lexicons this one is searched with in one pass, if any."""
        return self._group

    def lookup(self, term: str) -> tuple[T, ...]:
        return tuple(self._payloads.get(fold(term), ()))

    def find(self, text: str) -> list[Hit[T]]:
        """Longest-leftmost non-overlapping hits that respect word boundaries.

        Candidates stay plain tuples until they pass the boundary checks (most automaton hits sit inside
        longer words), and a hit with a non-letter on both sides passes without further checks."""
        if not self._payloads:
            return []
        raw = self._raw(text)
        starts = {h[0] for h in raw if h[2] >= GLUE_MIN}
        ends = {h[1] for h in raw if h[2] >= GLUE_MIN}
        n = len(text)
        good = [
            h
            for h in raw
            if (h[0] == 0 or not text[h[0] - 1].isalnum() or self._left_ok(text, h[0], h[2], ends))
            and (h[1] == n or not text[h[1]].isalnum() or self._right_ok(text, h[1], h[2], starts))
        ]
        good.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        out: list[Hit[T]] = []
        last_end = -1
        for start, end, _size, form, payloads in good:
            if start >= last_end:
                out.append(Hit(start, end, form, payloads))
                last_end = end
        return out

    def _raw(self, text: str) -> list[tuple[int, int, int, str, tuple[T, ...]]]:
        """Every occurrence of a term: (start, end, size, form, payloads), from this lexicon's own
        automaton or from the one pass over the text of the group it is searched with."""
        if self._group is not None:
            return self._group.raw(text)[self._group.index(self)]
        return [
            (end + 1 - size, end + 1, size, form, payloads)
            for end, (size, form, payloads) in self._automaton.iter(text)
        ]

    def _left_ok(self, text: str, i: int, size: int, ends: set[int]) -> bool:
        """Whether a hit of ``size`` letters starting at ``i`` may start there (a word character before it)."""
        if i == 0 or not is_word_char(text[i - 1]):
            return True
        if size >= GLUE_MIN and (i in ends or (text[i - 1] == "و" and i - 1 in ends)):
            return True
        j = i
        while j > 0 and i - j < 3 and text[j - 1] in PROCLITICS:
            j -= 1
            if j == 0 or not is_word_char(text[j - 1]):
                return True
        return False

    def _right_ok(self, text: str, i: int, size: int, starts: set[int]) -> bool:
        """Whether a hit of ``size`` letters ending at ``i`` may end there (a word character after it)."""
        n = len(text)
        if i == n or not is_word_char(text[i]):
            return True
        if size >= GLUE_MIN and (i in starts or (text[i] == "و" and i + 1 in starts)):
            return True
        if self.suffixes:
            k = i
            while k < n and k - i <= _MAX_SUFFIX and is_word_char(text[k]):
                k += 1
            if (k == n or not is_word_char(text[k])) and text[i:k] in SUFFIXES:
                return True
        return False


class SearchedTogether:
    """Lexicons searched in the same texts (the actors and the event lexicons, in every document) with
    one automaton: walking a text costs about as much for one lexicon as for all of them together, so
    one pass instead of one per lexicon. Each lexicon then filters its own occurrences as before, so
    what ``Lexicon.find`` returns does not change."""

    def __init__(self, lexicons: Sequence[Lexicon[Any]]) -> None:
        self._members = {id(lex): i for i, lex in enumerate(lexicons)}
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
        self._raw: list[list[tuple[int, int, int, str, tuple[Any, ...]]]] = []
        for lex in lexicons:
            lex._group = self

    def index(self, lex: Lexicon[Any]) -> int:
        return self._members[id(lex)]

    def raw(self, text: str) -> list[list[tuple[int, int, int, str, tuple[Any, ...]]]]:
        """Per member, its occurrences in ``text``; the last text's are kept for the other members."""
        if text is not self._text:
            out: list[list[tuple[int, int, int, str, tuple[Any, ...]]]] = [[] for _ in range(self._count)]
            for last, (size, form, found) in self._automaton.iter(text):
                for i, payloads in found:
                    out[i].append((last + 1 - size, last + 1, size, form, payloads))
            self._text, self._raw = text, out
        return self._raw


def _forms(term: str) -> list[str]:
    """A term and the forms it takes in running text: لل for ال after the preposition ل, glued words."""
    forms = [term]
    if term.startswith("ال") and len(term) > 3:
        forms.append("لل" + term[2:])
    if " " in term:
        forms.append(term.replace(" ", ""))
    return forms
