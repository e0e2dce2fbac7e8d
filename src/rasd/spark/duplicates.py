"""Near-duplicates across the whole corpus, with the rule of ``store/duplicates.py``.

Locally a document is a reprint when an earlier *original* sharing an LSH band with it has an exact
shingle Jaccard of at least ``duplicate_threshold``; the most similar one (then the smallest id) is its
original. Whether an earlier document is an original depends on the documents before it, so the rule
is sequential. Spark does the expensive part in parallel (band keys are computed while coding; the
pairs sharing a band are found with a groupBy and scored with two joins) and only the confirmed pairs,
few and small, come back to the driver, which applies the rule in corpus order.

One difference: a local ingest checks at most ``duplicate_candidates`` (20) candidates per document;
here every earlier document sharing a band is scored (docs/spark.md).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from rasd.spark.coding import CodedRows, Order, jaccard_hashes
from rasd.store.rows import DOCUMENTS


def pairs_in_band(members: Iterable[tuple[Order, str]]) -> Iterator[tuple[tuple[str, str], Order]]:
    """Every (later, earlier) pair of documents sharing one band key, with the later one's order."""
    ordered = sorted(set(members))
    for i, (order, doc_id) in enumerate(ordered):
        for _, earlier in ordered[:i]:
            if earlier != doc_id:
                yield (doc_id, earlier), order


def confirmed_pairs(coded: Any, threshold: float) -> list[tuple[Order, str, str, float]]:
    """(later's order, later, earlier, Jaccard) for every pair sharing a band whose Jaccard reaches the
    threshold. ``coded`` is the RDD of ``CodedRows`` (problems filtered out)."""
    bands = coded.flatMap(lambda c: [(k, (c.order, c.doc_id)) for k in c.bands or ()])
    pairs = bands.groupByKey().flatMap(lambda kv: pairs_in_band(kv[1])).reduceByKey(min)
    if pairs.isEmpty():
        return []
    hashes = coded.filter(lambda c: c.bands).map(lambda c: (c.doc_id, c.shingle_hashes))
    by_later = pairs.map(lambda kv: (kv[0][0], (kv[0][1], kv[1]))).join(hashes)
    by_earlier = by_later.map(lambda kv: (kv[1][0][0], (kv[0], kv[1][0][1], kv[1][1]))).join(hashes)
    scored = by_earlier.map(lambda kv: (kv[1][0][1], kv[1][0][0], kv[0], jaccard_hashes(kv[1][0][2], kv[1][1]))).filter(
        lambda row: row[3] >= threshold
    )
    return list(scored.collect())


def resolve(pairs: Iterable[tuple[Order, str, str, float]]) -> dict[str, str]:
    """doc_id → its original, applying the local rule in corpus order: a document's candidates are the
    earlier documents that are themselves originals; the most similar wins, then the smallest id."""
    by_doc: dict[str, list[tuple[float, str]]] = defaultdict(list)
    orders: dict[str, Order] = {}
    for order, later, earlier, score in pairs:
        by_doc[later].append((score, earlier))
        orders[later] = order
    duplicate_of: dict[str, str] = {}
    for doc_id in sorted(by_doc, key=orders.__getitem__):
        candidates = [(score, c) for score, c in by_doc[doc_id] if c not in duplicate_of]
        if candidates:
            duplicate_of[doc_id] = min(candidates, key=lambda sc: (-sc[0], sc[1]))[1]
    return duplicate_of


def mark(coded: CodedRows, duplicate_of: dict[str, str]) -> CodedRows:
    """The document's rows with its verdict: a duplicate points at its original and keeps no band keys."""
    original = duplicate_of.get(coded.doc_id)
    if original is None:
        return coded
    (row,) = coded.rows["documents"]
    names = DOCUMENTS.names
    fixed = list(row)
    fixed[names.index("duplicate_of")] = original
    fixed[names.index("minhash_bands")] = None
    return CodedRows(
        coded.doc_id,
        coded.order,
        {**coded.rows, "documents": [tuple(fixed)]},
        None,
        coded.shingle_hashes,
        coded.skipped,
    )
