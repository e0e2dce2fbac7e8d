"""Spelling-tolerant person hits: foreign names matched by their skeleton (see skeleton.py)."""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

import ahocorasick

from rasd.actors.skeleton import ARTICLE, FINAL, MERGE_FROM, MERGE_TO, VOWELS, skeleton_word
from rasd.normalise.match import Hit
from rasd.resources import ActorKey, Resources

_WORD = re.compile(r"\w+")  # a word, as skeleton.py splits names


def _byte_table(pairs: frozenset[str]) -> str:
    """The 256 characters a text is encoded in, one byte each: ASCII, every letter of the skeleton rules
    and of the names, then the rest of the Arabic block as room allows."""
    high = sorted({c for c in (*"".join(pairs), *ARTICLE, *VOWELS, FINAL, *MERGE_FROM, *MERGE_TO) if ord(c) > 127})
    if len(high) > 128:
        raise ValueError("skeleton pairs use more than 128 characters outside ASCII")
    high += [c for c in map(chr, range(0x600, 0x700)) if c not in high][: 128 - len(high)]
    return "".join(map(chr, range(128))) + "".join(high)


class _Skeletons:
    """The skeletons of a whole text at once («فرانسوا هولاند» → «فرنسو هلند»), equal to skeleton_word
    word by word (tests/actors/test_fuzzy_memo.py), but made by a few passes in C over the text's bytes
    instead of a Python step per word: one translate merges letters and turns separators into spaces,
    then a regex, replaces and a translate drop what skeleton_word drops. The known pairs' automaton
    then searches the result once."""

    def __init__(self, pairs: frozenset[str]) -> None:
        self.pairs = pairs
        self.table = table = _byte_table(pairs)
        self._encoding = codecs.charmap_build(table)
        self._known = frozenset(table)
        code = {c: i for i, c in enumerate(table)}
        words = [bool(_WORD.fullmatch(c)) for c in table]
        in_names = {*"".join(pairs), *ARTICLE, *VOWELS, FINAL, *MERGE_FROM, *MERGE_TO}
        self._other = next(c for c, w in zip(table, words, strict=True) if w and c not in in_names)
        merged = [code[MERGE_TO[MERGE_FROM.index(c)]] if c in MERGE_FROM else code[c] for c in table]
        self._merge = bytes(m if w else 32 for m, w in zip(merged, words, strict=True))
        firsts = [code[c] for c in (*VOWELS, FINAL)]
        free = [i for i, w in enumerate(words) if not w and i != 32][: len(firsts)]  # no longer in a merged text
        self._marks = [(bytes([32, c]), bytes([32, m])) for c, m in zip(firsts, free, strict=True)]
        unmark = bytearray(range(256))
        for c, m in zip(firsts, free, strict=True):
            unmark[m] = c
        self._unmark = bytes(unmark)
        self._vowels = bytes(code[c] for c in VOWELS)
        self._final = bytes([code[FINAL], 32])
        self._article = re.compile(b" " + re.escape(self._encode(ARTICLE)) + rb"(?=[^ ]{3})")
        self.automaton = ahocorasick.Automaton()
        for pair in pairs:
            self.automaton.add_word(self._encode(pair).decode("latin-1"), len(pair))
        if pairs:
            self.automaton.make_automaton()

    def _encode(self, text: str) -> bytes:
        """One byte a character; a character outside the table becomes one that is in no name (a
        letter) or a space (anything else), which is all the skeletons need to know of it."""
        try:
            return codecs.charmap_encode(text, "strict", self._encoding)[0]
        except UnicodeEncodeError:
            known = self._known
            text = "".join(c if c in known else self._other if _WORD.fullmatch(c) else " " for c in text)
            return codecs.charmap_encode(text, "strict", self._encoding)[0]

    def merged(self, norm: str) -> bytes:
        """``norm`` encoded, its letters merged and every separator a space: its words at their offsets."""
        return self._encode(norm).translate(self._merge)

    def text(self, merged: bytes) -> str:
        """The skeletons of the words of a ``merged`` text (as encoded), one space before and after each."""
        merged = b" " + b" ".join(merged.split()) + b" "
        merged = self._article.sub(b" ", merged)  # «ال» off a word of five letters or more
        for first, mark in self._marks:  # a word's first letter stays, whatever it is
            merged = merged.replace(first, mark)
        merged = merged.translate(None, self._vowels)
        while self._final in merged:  # «ه» off the end, however many
            merged = merged.replace(self._final, b" ")
        return merged.translate(self._unmark).decode("latin-1")

    def pair_starts(self, merged: bytes) -> list[int]:
        """Indices of the words of a ``merged`` text whose skeleton and the next word's open some known
        name, in text order: a match of the automaton that begins and ends at a space is whole words,
        and the spaces before it say which."""
        if not self.pairs:
            return []
        text = self.text(merged)
        found: list[int] = []
        for end, size in self.automaton.iter(text):
            start = end + 1 - size
            if text[start - 1] == " " and text[end + 1] == " ":
                found.append(text.count(" ", 0, start) - 1)
        return sorted(found)


def word_spans(merged: bytes, n: int, count: int) -> list[tuple[int, int]]:
    """Offsets of up to ``count`` words of a ``merged`` text from its ``n``-th on: a split that stops
    there (in C), rather than every word's offsets when a document has a candidate or two."""
    rest = merged.split(None, n)[-1] if n else merged.lstrip()
    spans: list[tuple[int, int]] = []
    while rest and len(spans) < count:
        start = len(merged) - len(rest)
        word = rest.split(None, 1)[0]
        spans.append((start, start + len(word)))
        rest = rest[len(word) :].lstrip()
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
    skeletons = _skeletons(res.skeleton_pairs)
    merged = skeletons.merged(norm)
    candidates = skeletons.pair_starts(merged)
    if not candidates:
        return hits
    index = res.skeletons
    covered = _covered(hits, len(norm) + 1)
    extra: list[Hit[ActorKey]] = []
    for n in candidates:
        spans = word_spans(merged, n, 3)
        s0 = spans[0][0]
        if covered[s0]:
            continue
        for size in (3, 2):
            if len(spans) < size or any(covered[s] for s, _ in spans[1:size]):
                continue
            keys = index.get(" ".join(skeleton_word(norm[s:e]) for s, e in spans[:size]))
            if keys and len(keys) == 1:
                end = spans[size - 1][1]
                extra.append(Hit(s0, end, norm[s0:end], (ActorKey("person", next(iter(keys))),)))
                covered[s0:end] = b"\x01" * (end - s0)
                break
    if not extra:
        return hits
    kept = [h for h in hits if not any(e.start <= h.start and h.end <= e.end for e in extra)]
    return sorted(kept + extra, key=lambda h: h.start)
