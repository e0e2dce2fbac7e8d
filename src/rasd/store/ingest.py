"""Code documents and store them: batched, idempotent and crash-safe.

Items are taken ``batch_size`` at a time. For each batch:

1. the stored ``text_sha1`` of its ids is looked up; a document stored with the same text is counted
   ``unchanged`` and not coded at all (with ``resume``, a stored id is counted ``resumed`` and skipped
   whatever its text);
2. the rest are coded (a failure becomes a Problem, the batch goes on; with ``workers`` > 1 in a pool
   of processes kept for the run, with the same results), checked for near-duplicates and
   turned into Arrow tables (``rows.py``);
3. one transaction deletes the rows of the changed documents, inserts the batch's rows into every table,
   refreshes the stories they touch and updates the run's counters. A batch is all or nothing: a
   process killed at any point leaves the batches before it stored and nothing of the one in flight,
   and the next run finds the stored ones unchanged and carries on.

A run is recorded in ``runs`` when it starts; ``finished_at`` stays NULL for a run that did not finish.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import duckdb
import pyarrow as pa

from rasd import __version__
from rasd.pipeline import Coder, code_item
from rasd.read import FieldMap, read_inputs
from rasd.records import CodedDocument, Document, Problem
from rasd.resources import Resources, load_resources
from rasd.settings import Settings
from rasd.store.db import DbPath, connect
from rasd.store.duplicates import check_batch, sign
from rasd.store.rows import TABLES, BatchRows, StoredDocument, text_sha1
from rasd.store.stories import refresh_stories, story_ids_of

log = logging.getLogger(__name__)

Item = Document | Problem

# Chunks (of 64) queued per worker: enough that a worker has coding to do while this process checks
# near-duplicates and writes a batch, during which it hands out nothing.
_QUEUE = 8
# Batches planned and coding, at most: the memory of a few batches, however slow the workers are.
_MOST_AHEAD = 4


@dataclass
class RunSummary:
    """What one ingest run did; the counters are also the run's row in ``runs``."""

    run_id: str
    db_path: str
    read: int = 0  # items read (documents and problems)
    coded: int = 0  # Arabic documents coded and stored (new or changed)
    unchanged: int = 0  # already stored with the same text: not coded again
    resumed: int = 0  # already stored, skipped whatever the text (--resume)
    skipped: int = 0  # not Arabic: stored without events
    errors: int = 0  # problems (bad items, coding failures)
    events: int = 0  # events stored by this run
    duplicates: int = 0  # stored documents found to be near-duplicates of an earlier one
    batches: int = 0
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return self.coded + self.skipped

    @property
    def errors_by_code(self) -> Counter[str]:
        return Counter(p.code for p in self.problems)


@dataclass
class _Delta:
    """A batch's contribution to the counters, applied to the summary only once it is committed."""

    read: int = 0
    coded: int = 0
    unchanged: int = 0
    resumed: int = 0
    skipped: int = 0
    errors: int = 0
    events: int = 0
    duplicates: int = 0
    problems: list[Problem] = field(default_factory=list)

    def totals(self, s: RunSummary) -> list[object]:
        """The run's counters once this batch is in, in the order of ``_COUNTERS``."""
        return [
            s.read + self.read,
            s.coded + self.coded,
            s.unchanged + self.unchanged,
            s.skipped + self.skipped,
            s.errors + self.errors,
            s.events + self.events,
            s.resumed + self.resumed,
        ]

    def apply(self, s: RunSummary) -> None:
        s.read += self.read
        s.coded += self.coded
        s.unchanged += self.unchanged
        s.resumed += self.resumed
        s.skipped += self.skipped
        s.errors += self.errors
        s.events += self.events
        s.duplicates += self.duplicates
        s.problems.extend(self.problems)
        s.batches += 1


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Items in batches of ``size``; a document whose id is already in the batch starts a new one, so
    that the later text replaces the earlier one in order."""
    batch: list[Item] = []
    ids: set[str] = set()
    for item in items:
        if len(batch) >= size or (isinstance(item, Document) and item.id in ids):
            yield batch
            batch, ids = [], set()
        batch.append(item)
        if isinstance(item, Document):
            ids.add(item.id)
    if batch:
        yield batch


def _stored_hashes(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, str]:
    if not ids:
        return {}
    rows = con.execute("SELECT doc_id, text_sha1 FROM documents WHERE list_contains(?, doc_id)", [ids]).fetchall()
    return {str(r[0]): str(r[1]) for r in rows}


def _now() -> dt.datetime:
    """UTC, without a zone (the column is TIMESTAMP)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _start_run(con: duckdb.DuckDBPyConnection, inputs: Sequence[str], db_path: DbPath) -> RunSummary:
    started = _now()
    run_id = hashlib.sha1((started.isoformat() + "\0" + "\0".join(inputs)).encode("utf-8")).hexdigest()
    con.execute(
        "INSERT INTO runs (run_id, started_at, rasd_version, inputs) VALUES (?, ?, ?, ?)",
        [run_id, started, __version__, list(inputs)],
    )
    return RunSummary(run_id=run_id, db_path=str(db_path))


_COUNTERS = "read = ?, coded = ?, unchanged = ?, skipped = ?, errors = ?, events = ?, resumed = ?"


def _counters(s: RunSummary) -> list[object]:
    return [s.read, s.coded, s.unchanged, s.skipped, s.errors, s.events, s.resumed]


def _insert(con: duckdb.DuckDBPyConnection, tables: dict[str, pa.Table]) -> None:
    for name, table in tables.items():
        if table.num_rows == 0:
            continue
        view = f"_batch_{name}"
        cols = ", ".join(f'"{c}"' for c in TABLES[name].names)  # column names from rows.py, not from users
        con.register(view, table)
        try:
            con.execute(f"INSERT INTO {name} ({cols}) SELECT {cols} FROM {view}")
        finally:
            con.unregister(view)


def _delete(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> None:
    for name in reversed(TABLES):
        con.execute(f"DELETE FROM {name} WHERE list_contains(?, doc_id)", [doc_ids])


def _write(
    con: duckdb.DuckDBPyConnection,
    rows: BatchRows,
    replaced: list[str],
    written: list[str],
    run_id: str,
    counters: list[object],
) -> None:
    """One transaction: replace the changed documents, insert the batch, refresh its stories, count."""
    con.execute("BEGIN TRANSACTION")
    try:
        touched = story_ids_of(con, replaced)
        if replaced:
            _delete(con, replaced)
        _insert(con, rows.tables())
        touched |= story_ids_of(con, written)
        refresh_stories(con, touched)
        con.execute(f"UPDATE runs SET {_COUNTERS} WHERE run_id = ?", [*counters, run_id])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _todo(docs: list[Document], stored: dict[str, str], resume: bool) -> list[Document]:
    """The documents to code and store: new or changed ones (with ``resume``, new ones only)."""
    if resume:
        return [d for d in docs if d.id not in stored]
    return [d for d in docs if stored.get(d.id) != text_sha1(d.text)]


@dataclass
class _Planned:
    """A batch whose documents to code were chosen from the stored hashes as they were when it was
    read, and handed to the coder. Ids in ``stale`` are also in batches before it that were not
    written yet: their stored hashes are read again when those are, before anything is decided."""

    batch: list[Item]
    docs: list[Document]
    stored: dict[str, str]
    coding: list[Document]
    stale: set[str]


Signed = tuple[CodedDocument | Problem, list[int] | None]


def code_and_sign(items: list[Item], res: Resources) -> list[Signed]:
    """What a worker does with a chunk: code it, then work out each coded document's near-duplicate
    band keys (``duplicates.sign``), so that the main process, which checks and writes every batch,
    only compares the documents that share a band. Signed after the whole chunk is coded, not one
    document at a time: interleaved, both ran slower (the coder's tables and the hashing's arrays
    evicting each other from the CPU caches)."""
    results = [code_item(item, res) for item in items]
    return [
        (r, sign(item.text, res.settings) if isinstance(r, CodedDocument) and isinstance(item, Document) else None)
        for item, r in zip(items, results, strict=True)
    ]


def _plan(
    con: duckdb.DuckDBPyConnection, batch: list[Item], unwritten: set[str], coder: Coder[Signed], resume: bool
) -> _Planned:
    """Look a batch up and start coding what it needs (coding is deterministic, so a document coded
    early that turns out not to be needed only costs its time)."""
    docs = [i for i in batch if isinstance(i, Document)]
    stored = _stored_hashes(con, [d.id for d in docs])
    planned = _Planned(batch, docs, stored, _todo(docs, stored, resume), {d.id for d in docs} & unwritten)
    coder.submit(planned.coding)
    return planned


def _planned(
    con: duckdb.DuckDBPyConnection, batches: Iterable[list[Item]], coder: Coder[Signed], resume: bool, ahead: int
) -> Iterator[_Planned]:
    """The batches in order, each planned at least ``ahead`` batches before it is due, so that the
    workers code the next batch while this process checks and writes the one before (with one process
    there is nothing to overlap: ``ahead`` = 0 reads, codes and writes one batch at a time). While the
    oldest batch's coding is not back (a worker starting up takes seconds), up to ``_MOST_AHEAD``
    batches are planned, so this process codes instead of waiting. The caller writes each batch before
    taking the next."""
    pending: deque[_Planned] = deque()
    for batch in batches:
        pending.append(_plan(con, batch, {d.id for p in pending for d in p.docs}, coder, resume))
        while len(pending) > ahead and (coder.ready() or len(pending) > _MOST_AHEAD):
            yield pending.popleft()
    while pending:
        yield pending.popleft()


def _finish(
    con: duckdb.DuckDBPyConnection,
    planned: _Planned,
    summary: RunSummary,
    coder: Coder[Signed],
    settings: Settings,
    resume: bool,
) -> None:
    """Decide, check for near-duplicates and write a planned batch, every batch before it written: the
    same decisions, rows and counters as if it had been read just now."""
    early = dict(zip((d.id for d in planned.coding), coder.collect(), strict=True))
    docs, stored = planned.docs, planned.stored
    if planned.stale:
        stored = {k: v for k, v in stored.items() if k not in planned.stale}
        stored |= _stored_hashes(con, sorted(planned.stale))
    todo = _todo(docs, stored, resume)
    late = [d for d in todo if d.id not in early]  # stored before, changed since by a batch of this run
    early |= dict(zip((d.id for d in late), coder.code_here(late), strict=True))
    delta = _Delta(read=len(planned.batch))
    delta.problems = [i for i in planned.batch if isinstance(i, Problem)]
    delta.resumed = len(docs) - len(todo) if resume else 0
    delta.unchanged = 0 if resume else len(docs) - len(todo)
    coded: list[tuple[Document, CodedDocument, list[int] | None]] = []
    for doc in todo:
        result, bands = early[doc.id]
        if isinstance(result, Problem):
            delta.problems.append(result)
        else:
            coded.append((doc, result, bands))
    delta.errors = len(delta.problems)
    replaced = [doc.id for doc, _, _ in coded if doc.id in stored]
    verdicts = check_batch(con, [(doc.id, doc.text, bands) for doc, _, bands in coded], set(replaced), settings)
    rows = BatchRows(summary.run_id)
    for doc, result, _ in coded:
        v = verdicts[doc.id]
        rows.add(StoredDocument(doc, result, v.duplicate_of, v.minhash_bands))
        if "not-arabic" in result.flags:
            delta.skipped += 1
        else:
            delta.coded += 1
        delta.duplicates += v.duplicate_of is not None
    delta.events = rows.count("events")
    _write(con, rows, replaced, [doc.id for doc, _, _ in coded], summary.run_id, delta.totals(summary))
    delta.apply(summary)


def ingest(
    items: Iterable[Item],
    db_path: DbPath,
    *,
    inputs: Sequence[str] = (),
    res: Resources | None = None,
    batch_size: int | None = None,
    progress: Callable[[RunSummary], None] | None = None,
    workers: int = 1,
    resume: bool = False,
) -> RunSummary:
    """Code and store ``items`` in the database at ``db_path`` (created if needed); ``inputs`` names
    them in the run's record; ``progress`` is called after each committed batch. ``workers`` processes
    code (the stored rows are the same for any number); ``resume`` skips every stored id unread."""
    res = res or load_resources()
    settings = res.settings
    size = batch_size or settings.ingest_batch_size
    if size < 1:
        raise ValueError(f"batch size must be at least 1, got {size}")
    t0 = time.perf_counter()
    # The workers start before the database opens: they are forked (pipeline.Coder), and a process
    # that forks is best without the database's threads.
    with Coder(code_and_sign, res, workers, queue=_QUEUE) as coder:
        con = connect(db_path)
        try:
            con.execute(f"SET memory_limit = '{int(settings.ingest_memory_limit_mb)}MB'")  # a number, not user text
            summary = _start_run(con, inputs, db_path)
            for planned in _planned(con, _batches(items, size), coder, resume, ahead=0 if workers == 1 else 1):
                _finish(con, planned, summary, coder, settings, resume)
                summary.seconds = time.perf_counter() - t0
                log.info("batch %d committed: %d read, %d stored", summary.batches, summary.read, summary.stored)
                if progress:
                    progress(summary)
            summary.seconds = time.perf_counter() - t0
            con.execute(
                f"UPDATE runs SET finished_at = ?, {_COUNTERS} WHERE run_id = ?",
                [_now(), *_counters(summary), summary.run_id],
            )
        finally:
            con.close()
    return summary


def ingest_paths(
    paths: Sequence[str],
    db_path: DbPath,
    fields: FieldMap | None = None,
    *,
    res: Resources | None = None,
    batch_size: int | None = None,
    progress: Callable[[RunSummary], None] | None = None,
    workers: int = 1,
    resume: bool = False,
) -> RunSummary:
    """Read files, folders, archives (as ``rasd code`` does) and ingest what they hold."""
    items = read_inputs(list(paths), fields)
    return ingest(
        items,
        db_path,
        inputs=list(paths),
        res=res,
        batch_size=batch_size,
        progress=progress,
        workers=workers,
        resume=resume,
    )
