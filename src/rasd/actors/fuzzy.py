"""Spelling-tolerant person hits: foreign names matched by their skeleton (see skeleton.py)."""

from __future__ import annotations

from rasd.actors.skeleton import skeleton_word, words
from rasd.normalise.match import Hit
from rasd.resources import ActorKey, Resources


def with_skeleton_hits(hits: list[Hit[ActorKey]], norm: str, res: Resources) -> list[Hit[ActorKey]]:
    """Add foreign names found by their spelling skeleton where no exact hit covers the words.

    Only words whose skeleton opens some known name are looked at, so the cost stays per word."""
    index, firsts = res.skeletons, res.skeleton_firsts
    ws = words(norm)
    covered = bytearray(len(norm) + 1)
    for h in hits:
        if any(p.kind != "short" for p in h.payloads):
            covered[h.start : h.end] = b"\x01" * (h.end - h.start)
    extra: list[Hit[ActorKey]] = []
    for n, (s0, e0) in enumerate(ws):
        if covered[s0]:
            continue
        first = skeleton_word(norm[s0:e0])
        if first not in firsts:
            continue
        for size in (3, 2):
            window = ws[n : n + size]
            if len(window) < size or any(covered[a] for a, _ in window):
                continue
            key = " ".join([first] + [skeleton_word(norm[a:b]) for a, b in window[1:]])
            keys = index.get(key)
            if keys and len(keys) == 1:
                end = window[-1][1]
                extra.append(Hit(s0, end, norm[s0:end], (ActorKey("person", next(iter(keys))),)))
                covered[s0:end] = b"\x01" * (end - s0)
                break
    if not extra:
        return hits
    kept = [h for h in hits if not any(e.start <= h.start and h.end <= e.end for e in extra)]
    return sorted(kept + extra, key=lambda h: h.start)
