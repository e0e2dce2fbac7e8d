"""Spelling-tolerant person hits: foreign names matched by their skeleton (see skeleton.py)."""

from __future__ import annotations

from functools import lru_cache
from itertools import accumulate

from rasd.actors.skeleton import skeleton_word, split_words
from rasd.normalise.match import Hit
from rasd.resources import ActorKey, Resources


class _OpeningWords:
    """Which words' skeletons open a known name, remembered across documents so that each distinct word
    is worked out once: a document then costs two set operations. The memory is bounded: past
    ``limit`` words it starts afresh."""

    def __init__(self, firsts: frozenset[str], limit: int = 100_000) -> None:
        self.firsts, self.limit = firsts, limit
        self.seen: set[str] = set()
        self.opening: set[str] = set()

    def among(self, tokens: list[str]) -> set[str]:
        words = set(tokens)
        new = words - self.seen
        if new:
            if len(self.seen) + len(new) > self.limit:
                self.seen.clear()
                self.opening.clear()
                new = words
            self.opening.update(w for w in new if skeleton_word(w) in self.firsts)
            self.seen.update(new)
        return words & self.opening


@lru_cache(maxsize=4)
def _opening(firsts: frozenset[str]) -> _OpeningWords:
    return _OpeningWords(firsts)


def _covered(hits: list[Hit[ActorKey]], size: int) -> bytearray:
    """1 at every folded offset an exact hit (other than a bare short name) covers."""
    covered = bytearray(size)
    for h in hits:
        if any(p.kind != "short" for p in h.payloads):
            covered[h.start : h.end] = b"\x01" * (h.end - h.start)
    return covered


def with_skeleton_hits(hits: list[Hit[ActorKey]], norm: str, res: Resources) -> list[Hit[ActorKey]]:
    """Add foreign names found by their spelling skeleton where no exact hit covers the words.

    Only words whose skeleton opens some known name, followed by a word whose skeleton continues one,
    are looked at; the words and their offsets come from one split, so the cost stays per candidate."""
    index, firsts, pairs = res.skeletons, res.skeleton_firsts, res.skeleton_pairs
    parts = split_words(norm)  # separator, word, separator, word, …, separator
    tokens = parts[1::2]
    opened = _opening(firsts).among(tokens)
    if not opened:
        return hits
    offsets = list(accumulate(map(len, parts), initial=0))
    starts, ends = offsets[1::2], offsets[2::2]
    covered = _covered(hits, len(norm) + 1)
    extra: list[Hit[ActorKey]] = []
    for n in (i for i, w in enumerate(tokens) if w in opened):
        s0 = starts[n]
        if covered[s0] or n + 1 >= len(tokens):
            continue
        first = skeleton_word(tokens[n])
        second = skeleton_word(tokens[n + 1])
        if f"{first} {second}" not in pairs:
            continue  # no known name opens with these two words, so neither window below can match
        for size in (3, 2):
            if n + size > len(tokens) or any(covered[starts[k]] for k in range(n + 1, n + size)):
                continue
            key = " ".join([first, second] + [skeleton_word(tokens[k]) for k in range(n + 2, n + size)])
            keys = index.get(key)
            if keys and len(keys) == 1:
                end = ends[n + size - 1]
                extra.append(Hit(s0, end, norm[s0:end], (ActorKey("person", next(iter(keys))),)))
                covered[s0:end] = b"\x01" * (end - s0)
                break
    if not extra:
        return hits
    kept = [h for h in hits if not any(e.start <= h.start and h.end <= e.end for e in extra)]
    return sorted(kept + extra, key=lambda h: h.start)
