"""What runs on the executors: decode a file with rasd's own readers, code documents, turn them into rows.

Everything here is a plain module function (pickled by reference), so executors need rasd installed,
not the driver's closures. The lexicons load once per Python worker process: ``load_resources`` is
cached, and Spark reuses its Python workers between tasks (``spark.python.worker.reuse``, on by default).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from rasd.export.common import event_day
from rasd.pipeline import code_item
from rasd.read.sources import FieldMap, read_bytes
from rasd.records import CodedDocument, Document, Problem
from rasd.resources import load_resources
from rasd.settings import Settings
from rasd.spark.listing import InputFile
from rasd.store.duplicates import band_keys, shingles
from rasd.store.rows import TABLES, BatchRows, StoredDocument

Order = tuple[int, int]  # (file index, item index in the file): the local reading order


@dataclass(frozen=True, slots=True)
class CodedRows:
    """One coded document: its rows per table (documents' ``duplicate_of`` still unset), its place in
    the corpus, its LSH band keys and its shingles hashed to sorted 64-bit integers (for Jaccard)."""

    doc_id: str
    order: Order
    rows: dict[str, list[tuple[Any, ...]]]
    bands: list[int] | None
    shingle_hashes: bytes
    skipped: bool  # not Arabic: stored, not coded


def read_file(entry: InputFile, data: bytes, fields: FieldMap) -> Iterator[tuple[Order, Document | Problem]]:
    """The items of one file, exactly as ``read_path`` yields them locally, each with its order."""
    items = read_bytes(data, entry.name, entry.source, fields, entry.doc_id)
    for n, item in enumerate(items):
        yield (entry.index, n), item


def read_partition(
    pairs: Iterable[tuple[str, bytes]], files: dict[str, InputFile], fields: FieldMap
) -> Iterator[tuple[str, tuple[Order, Document | Problem]]]:
    """(uri, bytes) from ``binaryFiles`` to items keyed for the shuffle: documents by id (so the last
    text of an id wins, as in a local ingest), problems by a key of their own so none is merged."""
    for uri, data in pairs:
        for order, item in read_file(files[uri], data, fields):
            key = item.id if isinstance(item, Document) else f"\x00problem:{order[0]}:{order[1]}"
            yield key, (order, item)


def kept(occurrences: Iterable[tuple[Order, Document | Problem]]) -> tuple[Order, Document | Problem]:
    """Of the items read under one key, the one a local ingest keeps: the last text of a document id
    wins (a changed text replaces the stored one), and when it repeats the text before it, the earliest
    of those identical occurrences (a local ingest counts the later ones ``unchanged`` and keeps it)."""
    ordered = sorted(occurrences, key=lambda oi: oi[0])
    order, item = ordered[-1]
    for prev_order, prev in reversed(ordered[:-1]):
        if not (isinstance(prev, Document) and isinstance(item, Document) and prev.text == item.text):
            break
        order, item = prev_order, prev
    return order, item


def _hashes(sh: frozenset[bytes]) -> bytes:
    """Shingles as sorted unique 64-bit hashes: the exact Jaccard of the sets, at 8 bytes a shingle."""
    if not sh:
        return b""
    values = np.fromiter((hash_shingle(s) for s in sh), dtype=np.uint64, count=len(sh))
    return np.unique(values).tobytes()


def hash_shingle(shingle: bytes) -> int:
    """A stable 64-bit hash (Python's ``hash`` is salted per process)."""
    return int.from_bytes(hashlib.blake2b(shingle, digest_size=8).digest(), "little")


def jaccard_hashes(a: bytes, b: bytes) -> float:
    """Jaccard similarity of two shingle-hash sets from ``_hashes``."""
    x, y = np.frombuffer(a, dtype=np.uint64), np.frombuffer(b, dtype=np.uint64)
    if not len(x) or not len(y):
        return 0.0
    inter = len(np.intersect1d(x, y, assume_unique=True))
    return inter / (len(x) + len(y) - inter)


def _rows(doc: Document, coded: CodedDocument, run_id: str, bands: list[int] | None) -> dict[str, list[tuple]]:
    """The store's rows for one document, through the store's own mapping (``store/rows.py``)."""
    batch = BatchRows(run_id)
    batch.add(StoredDocument(doc, coded, None, bands))
    return {name: list(zip(*batch.columns[name].values(), strict=True)) for name in TABLES}


def code_partition(
    items: Iterable[tuple[str, tuple[Order, Document | Problem]]], settings: Settings, run_id: str
) -> Iterator[CodedRows | tuple[Order, Problem]]:
    """Code a partition with the lexicons of this worker process; a failure becomes a Problem."""
    res = load_resources(settings)
    for _key, (order, item) in items:
        result = code_item(item, res)
        if isinstance(result, Problem):
            yield order, result
            continue
        assert isinstance(item, Document)
        sh = shingles(item.text, settings.shingle_words)
        bands = band_keys(sh, settings) if sh else None
        yield CodedRows(
            item.id,
            order,
            _rows(item, result, run_id, bands),
            bands,
            _hashes(sh),
            "not-arabic" in result.flags,
        )


def year_month(day: dt.date | None) -> tuple[int, int]:
    """The partition of a row: its year and month, or 0/0 when it has no date."""
    return (day.year, day.month) if day is not None else (0, 0)


def partition_of_published(published: str | None) -> tuple[int, int]:
    """A document's partition (and its people, mentions, partnerships): its published day."""
    return year_month(event_day(None, None, published)[0])


def partition_of_event(row: tuple[Any, ...], published: str | None) -> tuple[int, int]:
    """An event's partition: the day GDELT's SQLDATE gets in ``rasd export`` (its day, month, year,
    else the published date; docs/exports.md)."""
    names = TABLES["events"].names
    day, date = row[names.index("day")], row[names.index("date")]
    return year_month(event_day(day, date, published)[0])
