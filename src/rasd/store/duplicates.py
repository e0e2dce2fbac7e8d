"""Near-duplicate documents (reprints of one wire story): MinHash over word shingles, LSH banding.

A new document is compared only with documents that share an LSH band with it: stored originals (their
band keys are kept in ``documents.minhash_bands``, so nothing is held in memory between runs and the
cost of a batch does not grow with a full index rebuild) and the originals earlier in the same batch.
Candidates are confirmed with the exact Jaccard similarity of the shingle sets, so a band collision
never marks a document on its own. A duplicate points at the original (never at another duplicate) and
gets no band keys, so clusters of reprints stay one candidate each.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import duckdb
import numpy as np
import pyarrow as pa
from datasketch import MinHash, MinHashLSH

from rasd.normalise.translate import Translator
from rasd.settings import Settings
from rasd.store.db import query_arrow

_WORD = re.compile(r"\w+")
# Spellings that papers reprinting one story change freely: hamza seats, alef maqsura, ta marbuta,
# tatweel and diacritics. No offsets: ``normalise()`` builds an offset map this comparison does not
# need. A Translator, not str.translate: a fifth of the time on Arabic text.
_FOLD = Translator(
    {
        **{ord(c): "ا" for c in "أإآٱ"},
        ord("ى"): "ي",
        ord("ئ"): "ي",
        ord("ؤ"): "و",
        ord("ة"): "ه",
        **dict.fromkeys(map(ord, ["ـ", "\u0670", *map(chr, range(0x064B, 0x0653))])),
    }
)
_HASH_CHUNK = 512  # shingles hashed at once; datasketch holds a shingles × permutations matrix per call


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the check found for one document: the original it reprints, or its own band keys."""

    duplicate_of: str | None
    minhash_bands: list[int] | None


def shingles(text: str, words: int) -> frozenset[bytes]:
    """Word n-grams of the folded, lower-cased text (so one newspaper's spelling habits do not hide a
    reprint); the whole text when it is shorter than one shingle. Not remembered: a document with
    candidates is shingled again by ``check_batch`` (keeping a batch's shingles alive for that slowed
    the coder by more than it saved)."""
    tokens = _WORD.findall(_FOLD(text).lower())
    if len(tokens) <= words:
        return frozenset({" ".join(tokens).encode("utf-8")}) if tokens else frozenset()
    # zip over shifted copies, maps of C functions: no Python frame per shingle (157 → 129 µs a document)
    return frozenset(map(str.encode, map(" ".join, zip(*(tokens[k:] for k in range(words)), strict=False))))


def jaccard(a: frozenset[bytes], b: frozenset[bytes]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@lru_cache(maxsize=4)
def lsh_shape(threshold: float, perms: int) -> tuple[int, int]:
    """Bands and rows per band that datasketch's LSH picks for this threshold (cached: it integrates)."""
    lsh = MinHashLSH(threshold=threshold, num_perm=perms)
    return int(lsh.b), int(lsh.r)


@lru_cache(maxsize=4)
def _template(perms: int) -> MinHash:
    """A MinHash whose permutations every signature reuses (same seed, so keys are stable across runs).
    Shingles are hashed with CRC-32 (C speed; datasketch's default SHA-1 costs twice as much per
    document, and the permutations that follow do the mixing)."""
    return MinHash(num_perm=perms, seed=1, hashfunc=zlib.crc32)


def band_keys(sh: frozenset[bytes], settings: Settings) -> list[int]:
    """The document's LSH band keys: one 64-bit hash of each band of its MinHash signature."""
    bands, rows = lsh_shape(settings.duplicate_lsh_threshold, settings.minhash_perms)
    m = _template(settings.minhash_perms).copy()  # shares the permutations, fresh hash values
    # In any order: a signature is a minimum per permutation (sorting took a third of the time).
    shingled = list(sh)
    for start in range(0, len(shingled), _HASH_CHUNK):  # bounded temporaries: shingles × permutations
        m.update_batch(shingled[start : start + _HASH_CHUNK])
    values = np.asarray(m.hashvalues, dtype=np.uint64)
    keys = []
    for band in range(bands):
        chunk = values[band * rows : (band + 1) * rows].tobytes() + band.to_bytes(2, "little")
        keys.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "little", signed=True))
    return keys


def sign(text: str, settings: Settings) -> list[int] | None:
    """A document's band keys (None when it has no words): worked out where it is coded, in a worker
    process with ``--workers``, so that the main process only compares documents that share a band."""
    sh = shingles(text, settings.shingle_words)
    return band_keys(sh, settings) if sh else None


class _Shingled(dict[str, frozenset[bytes]]):
    """Doc id → shingles, worked out on first use: only documents with candidates are compared."""

    def __init__(self, texts: dict[str, str], words: int) -> None:
        super().__init__()
        self.texts = texts
        self.words = words

    def __missing__(self, doc_id: str) -> frozenset[bytes]:
        found = self[doc_id] = shingles(self.texts[doc_id], self.words)
        return found


def _stored_candidates(
    con: duckdb.DuckDBPyConnection, keys: dict[str, list[int]], replaced: set[str], most: int
) -> dict[str, list[str]]:
    """Stored originals sharing a band with each new document, the most shared bands first."""
    if not keys:
        return {}
    ids = [d for d, ks in keys.items() for _ in ks]
    flat = [k for ks in keys.values() for k in ks]
    con.register("_new_bands", pa.table({"doc_id": ids, "key": pa.array(flat, type=pa.int64())}))
    try:
        rows = query_arrow(
            con,
            """
                SELECT n.doc_id, s.doc_id AS candidate, count(*) AS shared
                FROM _new_bands n
                JOIN (SELECT doc_id, unnest(minhash_bands) AS key FROM documents WHERE minhash_bands IS NOT NULL) s
                  ON s.key = n.key
                GROUP BY ALL
                ORDER BY n.doc_id, shared DESC, candidate
                """,
        ).to_pylist()
    finally:
        con.unregister("_new_bands")
    out: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        if r["candidate"] in replaced or r["candidate"] == r["doc_id"] or len(out[r["doc_id"]]) >= most:
            continue
        out[r["doc_id"]].append(r["candidate"])
    return out


def _texts(con: duckdb.DuckDBPyConnection, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    # a semi-join: list_contains would search the whole list once per stored row
    rows = con.execute(
        "SELECT doc_id, text FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [sorted(ids)]
    ).fetchall()
    return {str(r[0]): str(r[1]) for r in rows}


def check_batch(
    con: duckdb.DuckDBPyConnection,
    batch: Sequence[tuple[str, str, list[int] | None]],
    replaced: set[str],
    settings: Settings,
) -> dict[str, Verdict]:
    """Near-duplicate verdicts for a batch of (doc_id, text, band keys from ``sign``), in batch order:
    each document is compared with stored originals (minus those being replaced) and with the
    originals before it in the batch."""
    last = {doc_id: k for doc_id, _text, k in batch}  # an id given twice: its last text counts
    keys = {doc_id: k for doc_id, k in last.items() if k}
    sh = _Shingled({doc_id: text for doc_id, text, _k in batch}, settings.shingle_words)
    stored = _stored_candidates(con, keys, replaced, settings.duplicate_candidates)
    stored_sh = {
        doc_id: shingles(text, settings.shingle_words)
        for doc_id, text in _texts(con, {c for cs in stored.values() for c in cs}).items()
    }
    in_batch: dict[int, list[str]] = defaultdict(list)  # band key → originals seen earlier in the batch
    verdicts: dict[str, Verdict] = {}
    for doc_id, _text, _k in batch:
        mine = keys.get(doc_id)
        if not mine:
            verdicts[doc_id] = Verdict(None, None)
            continue
        scored = [(jaccard(sh[doc_id], stored_sh[c]), c) for c in stored.get(doc_id, []) if c in stored_sh]
        earlier = dict.fromkeys(c for k in mine for c in in_batch.get(k, []))
        scored += [(jaccard(sh[doc_id], sh[c]), c) for c in list(earlier)[: settings.duplicate_candidates]]
        best = min(scored, key=lambda sc: (-sc[0], sc[1]), default=None)  # most similar, then smallest id
        if best is not None and best[0] >= settings.duplicate_threshold:
            verdicts[doc_id] = Verdict(best[1], None)
            continue
        verdicts[doc_id] = Verdict(None, mine)
        for k in mine:
            in_batch[k].append(doc_id)
    return verdicts
