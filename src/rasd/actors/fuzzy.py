"""Spelling-tolerant person hits: foreign names matched by their skeleton (see skeleton.py)."""

from __future__ import annotations

import codecs
import re
from functools import lru_cache
from itertools import product

import ahocorasick

from rasd.actors.skeleton import ARTICLE, FINAL, MERGE_FROM, MERGE_TO, VOWELS, skeleton_word
from rasd.normalise.match import Hit
from rasd.resources import ActorKey, Resources

_WORD = re.compile(r"\w+")  # a word, as skeleton.py splits names
_SPACES = re.compile(rb"  +")


def _byte_table(pairs: frozenset[str]) -> str:
    """The 256 characters a text is encoded in, one byte each: ASCII, every letter of the skeleton rules
    and of the names, then the rest of the Arabic block as room allows."""
    high = sorted({c for c in (*"".join(pairs), *ARTICLE, *VOWELS, FINAL, *MERGE_FROM, *MERGE_TO) if ord(c) > 127})
    if len(high) > 128:
        raise ValueError("skeleton pairs use more than 128 characters outside ASCII")
    high += [c for c in map(chr, range(0x600, 0x700)) if c not in high][: 128 - len(high)]
    return "".join(map(chr, range(128))) + "".join(high)


class _Skeletons:
    """Where the skeletons of a word and the next open a known name («فرانسوا هولاند» → «فرنسو هلند»),
    for a whole document at once rather than a Python step per word.

    The text is encoded one byte a character, and one translate merges its letters and turns every
    separator into a space; another drops every «ا و ي ه», which leaves each word's rough skeleton: its
    skeleton less those letters (the first-letter and final-«ه» rules only keep or drop some of them),
    and with the «ل» of its article where the skeleton dropped the article. An automaton of the pairs'
    rough skeletons, each word with and without that «ل», thus finds in C every two words matching a
    pair exactly, and a few more; those few rough candidates are checked word by word."""

    def __init__(self, pairs: frozenset[str]) -> None:
        self.pairs = pairs
        self.table = table = _byte_table(pairs)
        self._encoding = codecs.charmap_build(table)
        self._unknown = re.compile("[^" + "".join(map(re.escape, table)) + "]")
        code = {c: i for i, c in enumerate(table)}
        words = [bool(_WORD.fullmatch(c)) for c in table]
        in_names = {*"".join(pairs), *ARTICLE, *VOWELS, FINAL, *MERGE_FROM, *MERGE_TO}
        self._other = next(c for c, w in zip(table, words, strict=True) if w and c not in in_names)
        merged = [code[MERGE_TO[MERGE_FROM.index(c)]] if c in MERGE_FROM else code[c] for c in table]
        self._merge = bytes(m if w else 32 for m, w in zip(merged, words, strict=True))
        self._rough = bytes(code[c] for c in {*VOWELS, FINAL})
        article = self._encode(ARTICLE).translate(None, self._rough).decode("latin-1")
        self.automaton = ahocorasick.Automaton()
        for pair in pairs:
            rough = self._encode(pair).translate(None, self._rough).decode("latin-1").split(" ")
            for key in map(" ".join, product(*((w, article + w) for w in rough))):  # with the article or not
                self.automaton.add_word(key, len(key))
        if pairs:
            self.automaton.make_automaton()

    def _encode(self, text: str) -> bytes:
        """One byte a character; a character outside the table becomes one that is in no name (a
        letter) or a space (anything else), which is all the skeletons need to know of it."""
        try:
            return codecs.charmap_encode(text, "strict", self._encoding)[0]
        except UnicodeEncodeError:
            return codecs.charmap_encode(self._unknown.sub(self._stand_in, text), "strict", self._encoding)[0]

    def _stand_in(self, unknown: re.Match[str]) -> str:
        return self._other if _WORD.fullmatch(unknown.group()) else " "

    def merged(self, norm: str) -> bytes:
        """``norm`` encoded, its letters merged and every separator a space: its words at their offsets."""
        return self._encode(norm).translate(self._merge)

    def rough(self, merged: bytes) -> str:
        """The rough skeletons of the words of a ``merged`` text (as encoded), a space before and after
        each (a word with no letter left is an empty one)."""
        return _SPACES.sub(b" ", b" " + merged + b" ").translate(None, self._rough).decode("latin-1")

    def rough_starts(self, merged: bytes) -> list[int]:
        """Indices of the words of a ``merged`` text whose rough skeleton and the next word's are some
        pair's, in text order: a match of the automaton between two spaces, not the outer ones, is
        whole words, and the spaces before it say which."""
        text = self.rough(merged)
        last = len(text) - 1
        found: set[int] = set()
        for end, size in self.automaton.iter(text):
            start = end + 1 - size
            if start > 0 and end < last and text[start - 1] == " " and text[end + 1] == " ":
                found.add(text.count(" ", 0, start) - 1)
        return sorted(found)

    def pair_starts(self, norm: str) -> list[tuple[list[tuple[int, int]], list[str]]]:
        """The words whose skeleton and the next word's open some known name, in text order: for each,
        the offsets and skeletons of it and the (up to) two words after it. Rough candidates are
        checked word by word."""
        if not self.pairs:
            return []
        merged = self.merged(norm)
        rough = self.rough_starts(merged)
        if not rough:
            return []
        marks = b" " + merged.translate(_WORD_MARKS) + b" "
        found: list[tuple[list[tuple[int, int]], list[str]]] = []
        for n in rough:
            spans = word_spans(marks, n, 3)
            skeletons = [skeleton_word(norm[s:e]) for s, e in spans[:2]]
            if skeletons[0] in self.pairs or " ".join(skeletons) in self.pairs:
                found.append((spans, skeletons + [skeleton_word(norm[s:e]) for s, e in spans[2:]]))
        return found


_WORD_MARKS = bytes(32 if b == 32 else 97 for b in range(256))  # a merged text's words as «a»s


def word_spans(marks: bytes, n: int, count: int) -> list[tuple[int, int]]:
    """Offsets of up to ``count`` words from the ``n``-th on, found in C (no list of every word) in a
    merged text's ``marks``: its words as «a»s, a space added before and after. A space before a word
    is « a»; with the first ``n`` of those rewritten, the next is the ``n``-th word's."""
    start = marks.replace(b" a", b" b", n).find(b" a")
    spans: list[tuple[int, int]] = []
    while start >= 0 and len(spans) < count:
        end = marks.find(b" ", start + 1)
        spans.append((start, end - 1))  # the added space moves marks' offsets one on
        start = marks.find(b" a", end)
    return spans


@lru_cache(maxsize=4)
def _skeletons(pairs: frozenset[str]) -> _Skeletons:
    return _Skeletons(pairs)


def _covered(hits: list[Hit[ActorKey]], size: int) -> bytearray:
    """1 at every folded offset an exact hit (other than a bare short name) covers."""
    covered = bytearray(size)
    for h in hits:
        if any(p.kind != "short" for p in h.payloads):
            covered[h.start : h.end] = b"\x01" * (h.end - h.start)
    return covered


def with_skeleton_hits(hits: list[Hit[ActorKey]], norm: str, res: Resources) -> list[Hit[ActorKey]]:
    """Add foreign names found by their spelling skeleton where no exact hit covers the words.

    Only words whose skeleton and the next word's open some known name are looked at (most documents
    have none); the offsets of only those words and the two after are worked out."""
    candidates = _skeletons(res.skeleton_pairs).pair_starts(norm)
    if not candidates:
        return hits
    index = res.skeletons
    covered = _covered(hits, len(norm) + 1)
    extra: list[Hit[ActorKey]] = []
    for spans, skeletons in candidates:
        s0 = spans[0][0]
        if covered[s0]:
            continue
        for size in (3, 2):
            if len(spans) < size or any(covered[s] for s, _ in spans[1:size]):
                continue
            keys = index.get(" ".join(skeletons[:size]))
            if keys and len(keys) == 1:
                end = spans[size - 1][1]
                extra.append(Hit(s0, end, norm[s0:end], (ActorKey("person", next(iter(keys))),)))
                covered[s0:end] = b"\x01" * (end - s0)
                break
    if not extra:
        return hits
    kept = [h for h in hits if not any(e.start <= h.start and h.end <= e.end for e in extra)]
    return sorted(kept + extra, key=lambda h: h.start)
