"""Spelling-tolerant person hits: foreign names matched by their skeleton (see skeleton.py)."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate

import ahocorasick

from rasd.actors.skeleton import skeleton_word, split_words
from rasd.normalise.match import Hit
from rasd.resources import ActorKey, Resources

_WORD = re.compile(r"\w+")  # the words of split_words


class _Skeletons(dict[str, str]):
    """Word → its skeleton where that is a word of some name's first two («فرنسو», «هلند»), else "":
    remembered across documents so that each distinct word is worked out once, and a document then
    costs one lookup a word, in C. The memory is bounded: past ``limit`` words it starts afresh."""

    def __init__(self, pairs: frozenset[str], limit: int = 100_000) -> None:
        super().__init__()
        self.wanted = frozenset(w for pair in pairs for w in pair.split(" "))
        self.limit = limit
        self.automaton = ahocorasick.Automaton()
        for pair in pairs:
            self.automaton.add_word(pair, len(pair))
        if pairs:
            self.automaton.make_automaton()

    def __missing__(self, word: str) -> str:
        if len(self) >= self.limit:
            self.clear()
        found = skeleton_word(word)
        found = self[word] = found if found in self.wanted else ""
        return found

    def pair_starts(self, tokens: list[str]) -> list[int]:
        """Indices of the tokens whose skeleton and the next token's open some known name, in text order.

        The skeletons joined by single spaces (mostly empty: few words are in any name) are searched at
        once; a match that begins and ends at a space (or the text's ends) is two whole words, and the
        spaces before it say which."""
        if not self.wanted:
            return []
        text = " ".join(map(self.__getitem__, tokens))
        last = len(text) - 1
        found: list[int] = []
        for end, size in self.automaton.iter(text):
            start = end + 1 - size
            if (start == 0 or text[start - 1] == " ") and (end == last or text[end + 1] == " "):
                found.append(text.count(" ", 0, start))
        return sorted(found)


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
    have none); the words' offsets come from one split, made only then."""
    tokens = _WORD.findall(norm)
    candidates = _skeletons(res.skeleton_pairs).pair_starts(tokens)
    if not candidates:
        return hits
    index = res.skeletons
    offsets = list(accumulate(map(len, split_words(norm)), initial=0))
    starts, ends = offsets[1::2], offsets[2::2]
    covered = _covered(hits, len(norm) + 1)
    extra: list[Hit[ActorKey]] = []
    for n in candidates:
        s0 = starts[n]
        if covered[s0]:
            continue
        for size in (3, 2):
            if n + size > len(tokens) or any(covered[starts[k]] for k in range(n + 1, n + size)):
                continue
            keys = index.get(" ".join(map(skeleton_word, tokens[n : n + size])))
            if keys and len(keys) == 1:
                end = ends[n + size - 1]
                extra.append(Hit(s0, end, norm[s0:end], (ActorKey("person", next(iter(keys))),)))
                covered[s0:end] = b"\x01" * (end - s0)
                break
    if not extra:
        return hits
    kept = [h for h in hits if not any(e.start <= h.start and h.end <= e.end for e in extra)]
    return sorted(kept + extra, key=lambda h: h.start)
