"""Ingest: idempotent (same text twice changes nothing), a changed text replaces only its document's rows,
and a run killed with SIGKILL mid-way loses nothing committed and duplicates nothing when run again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from arabic_news import EGY_CHN, SAU_RUS_OKAZ, SAU_RUS_SPA, generated_docs, write_jsonl

from rasd.records import Document, Problem
from rasd.store import connect, table_counts
from rasd.store import ingest as ingest_module
from rasd.store.ingest import ingest, ingest_paths
from rasd.store.stories import rebuild_stories

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DATA_TABLES = ("documents", "people", "mentions", "events", "partnerships", "stories")


def counts(db: Path) -> dict[str, int]:
    con = connect(db, read_only=True)
    try:
        return table_counts(con)
    finally:
        con.close()


def rows_of(db: Path, sql: str) -> list[tuple]:
    con = connect(db, read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_ingest_examples_twice_gives_identical_row_counts(tmp_path):
    db = tmp_path / "t.duckdb"
    first = ingest_paths([str(EXAMPLES)], db)
    after_first = counts(db)
    second = ingest_paths([str(EXAMPLES)], db)
    after_second = counts(db)
    assert first.coded + first.skipped == after_first["documents"] == len(list(EXAMPLES.glob("*.txt")))
    assert after_first["events"] > 0 and after_first["stories"] > 0
    assert {t: after_second[t] for t in DATA_TABLES} == {t: after_first[t] for t in DATA_TABLES}
    assert after_second["runs"] == after_first["runs"] + 1  # every run is recorded, even one with nothing to do
    assert (second.coded, second.skipped, second.unchanged, second.events) == (0, 0, first.stored, 0)


def test_ingest_unchanged_documents_are_not_coded_again(tmp_path, monkeypatch):
    db = tmp_path / "t.duckdb"
    ingest_paths([str(EXAMPLES)], db)

    def refuse(real):
        def check(self, items):
            items = list(items)
            assert not items, f"coded again: {[d.id for d in items]}"
            return real(self, items)

        return check

    for name in ("code", "submit", "code_here"):
        monkeypatch.setattr(ingest_module.Coder, name, refuse(getattr(ingest_module.Coder, name)))
    assert ingest_paths([str(EXAMPLES)], db).unchanged == len(list(EXAMPLES.glob("*.txt")))


def test_ingest_changed_text_replaces_only_its_rows(tmp_path):
    db = tmp_path / "t.duckdb"
    ingest_paths([str(EXAMPLES)], db)
    others = "SELECT * FROM {} WHERE doc_id <> '01_xi_putin_beijing' ORDER BY ALL"
    before = {t: rows_of(db, others.format(t)) for t in ("documents", "people", "mentions", "events", "partnerships")}
    changed = write_jsonl(tmp_path / "changed.jsonl", [{"id": "01_xi_putin_beijing", "text": EGY_CHN}])
    summary = ingest_paths([str(changed)], db)
    assert (summary.coded, summary.unchanged) == (1, 0)
    after = {t: rows_of(db, others.format(t)) for t in before}
    for table in before:  # the other documents' rows are untouched (their run_id included)
        assert after[table] == before[table], table
    replaced = rows_of(db, "SELECT type, source, target, date FROM events WHERE doc_id = '01_xi_putin_beijing'")
    assert replaced == [("CONSULT", "EGY", "CHN", "2016-03-03")]
    assert rows_of(db, "SELECT count(*) FROM documents WHERE doc_id = '01_xi_putin_beijing'") == [(1,)]
    incremental = rows_of(db, "SELECT * FROM stories ORDER BY story_id")
    con = connect(db)
    rebuild_stories(con)
    con.close()
    assert rows_of(db, "SELECT * FROM stories ORDER BY story_id") == incremental


def test_ingest_resume_skips_stored_documents_whatever_their_text(tmp_path):
    db = tmp_path / "t.duckdb"
    ingest_paths([str(EXAMPLES)], db)
    before = rows_of(db, "SELECT * FROM events ORDER BY ALL")
    changed = write_jsonl(
        tmp_path / "changed.jsonl",
        [{"id": "01_xi_putin_beijing", "text": EGY_CHN}, {"id": "new", "text": SAU_RUS_SPA}],
    )
    s = ingest_paths([str(changed)], db, resume=True)
    assert (s.read, s.resumed, s.unchanged, s.coded) == (2, 1, 0, 1)
    assert rows_of(db, "SELECT * FROM events WHERE doc_id <> 'new' ORDER BY ALL") == before
    assert rows_of(db, "SELECT read, resumed, coded FROM runs WHERE resumed > 0") == [(2, 1, 1)]


def test_ingest_two_workers_store_the_same_rows(tmp_path):
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    ingest_paths([str(EXAMPLES)], one, batch_size=4)
    ingest_paths([str(EXAMPLES)], two, batch_size=4, workers=2)
    for table in DATA_TABLES:
        columns = "* EXCLUDE (run_id)" if table == "documents" else "*"  # a run's id is its start time's hash
        query = f"SELECT {columns} FROM {table} ORDER BY ALL"
        assert rows_of(one, query) == rows_of(two, query), table


def stored_rows(db: Path) -> dict[str, list[tuple]]:
    """Every data table's rows, without what differs from run to run (a run's id is its start time's hash)."""
    out = {}
    for table in DATA_TABLES:
        columns = "* EXCLUDE (run_id)" if table == "documents" else "*"
        out[table] = rows_of(db, f"SELECT {columns} FROM {table} ORDER BY ALL")
    return out


def counters(s) -> tuple:
    return (s.read, s.coded, s.unchanged, s.resumed, s.skipped, s.errors, s.events, s.duplicates, s.batches)


# With two workers a batch is read and coded before the one ahead of it is written. Ids that recur in
# consecutive batches (batches of 2; a recurring id also starts a new batch) must be decided against the
# database as the batch before left it. SAU_RUS_SPA + "…" is a near-duplicate of SAU_RUS_SPA.
REPRINT = SAU_RUS_SPA + " وأكد الجانبان أهمية التنسيق."
RECURRING = [
    Document("x", EGY_CHN),  # stored SAU_RUS_SPA: changed
    Document("z", SAU_RUS_OKAZ),  # new
    Document("x", SAU_RUS_SPA),  # back to the stored text, but the batch before changed it: coded again
    Problem("in", "bad", "R103", "empty"),
    Document("z", SAU_RUS_OKAZ),  # the batch before stored it with this text: unchanged
    Document("y", SAU_RUS_SPA),  # stored with this text, not in the batch before: unchanged
    Document("w", REPRINT),  # new, a reprint of x as it is stored by then
    Document("w", EGY_CHN),  # changed
    Document("v", "The minister met his counterpart in Riyadh today to discuss trade."),  # not Arabic
    Document("v", REPRINT),  # changed, and now a reprint
]


def _ingest_recurring(db: Path, workers: int, resume: bool):
    ingest([Document("x", SAU_RUS_SPA), Document("y", SAU_RUS_SPA)], db)
    return ingest(RECURRING, db, batch_size=2, workers=workers, resume=resume)


def test_ingest_two_workers_decide_recurring_ids_as_one_does(tmp_path):
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    s1, s2 = _ingest_recurring(one, 1, False), _ingest_recurring(two, 2, False)
    assert counters(s1) == counters(s2)
    assert (s1.read, s1.coded, s1.unchanged, s1.skipped, s1.errors) == (10, 6, 2, 1, 1)
    assert [p.code for p in s1.problems] == [p.code for p in s2.problems] == ["R103"]
    assert stored_rows(one) == stored_rows(two)
    docs = "SELECT doc_id, text, duplicate_of FROM documents ORDER BY doc_id"
    assert rows_of(two, docs) == [
        ("v", REPRINT, "x"),
        ("w", EGY_CHN, None),
        ("x", SAU_RUS_SPA, None),
        ("y", SAU_RUS_SPA, "x"),
        ("z", SAU_RUS_OKAZ, None),
    ]


def test_ingest_two_workers_resume_recurring_ids_as_one_does(tmp_path):
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    s1, s2 = _ingest_recurring(one, 1, True), _ingest_recurring(two, 2, True)
    assert counters(s1) == counters(s2)
    assert (s1.read, s1.coded, s1.resumed, s1.skipped, s1.errors) == (10, 2, 6, 1, 1)  # z, w; v
    assert stored_rows(one) == stored_rows(two)


def test_ingest_counts_add_up_and_problems_are_kept(tmp_path):
    docs = [
        {"id": "good", "text": SAU_RUS_SPA},
        {"id": "empty", "text": "  "},
        {"id": "english", "text": "The minister met his counterpart in Riyadh today to discuss trade."},
    ]
    src = write_jsonl(tmp_path / "in.jsonl", docs)
    s = ingest_paths([str(src)], tmp_path / "t.duckdb")
    assert (s.read, s.coded, s.skipped, s.errors, s.unchanged) == (3, 1, 1, 1, 0)
    assert s.read == s.coded + s.skipped + s.errors + s.unchanged
    assert [p.code for p in s.problems] == ["R103"]
    assert counts(tmp_path / "t.duckdb")["documents"] == 2  # the English one is stored, flagged not-arabic


def test_ingest_same_id_twice_in_one_input_keeps_the_last(tmp_path):
    items = [Document("x", SAU_RUS_SPA), Document("x", EGY_CHN)]
    s = ingest(items, tmp_path / "t.duckdb", batch_size=50)
    assert s.batches == 2
    assert rows_of(tmp_path / "t.duckdb", "SELECT source, target FROM events") == [("EGY", "CHN")]


def test_ingest_records_the_run(tmp_path):
    db = tmp_path / "t.duckdb"
    s = ingest([Document("a", SAU_RUS_SPA), Problem("in", "b", "R103", "empty")], db, inputs=["in"])
    (run,) = rows_of(db, "SELECT run_id, finished_at IS NOT NULL, rasd_version, inputs, read, coded, errors FROM runs")
    assert run == (s.run_id, True, "0.1.0", ["in"], 2, 1, 1)


def test_ingest_failing_batch_leaves_nothing_half_written(tmp_path, monkeypatch):
    db = tmp_path / "t.duckdb"
    real = ingest_module.refresh_stories
    calls = []

    def fail_on_second(con, ids):
        calls.append(1)
        real(con, ids)
        if len(calls) == 2:
            raise RuntimeError("disk on fire")

    monkeypatch.setattr(ingest_module, "refresh_stories", fail_on_second)
    items = [Document(d["id"], d["text"]) for d in generated_docs(20)]
    with pytest.raises(RuntimeError):
        ingest(items, db, batch_size=10)
    assert rows_of(db, "SELECT count(*), min(doc_id), max(doc_id) FROM documents") == [(10, "gen-00000", "gen-00009")]
    assert rows_of(db, "SELECT count(*) FROM events WHERE doc_id >= 'gen-00010'") == [(0,)]
    assert rows_of(db, "SELECT read, finished_at FROM runs") == [(10, None)]


_CLI = "import sys, typer; from rasd.cli.store_commands import register; app = typer.Typer(); register(app); app()"


def test_ingest_survives_sigkill_mid_batch(tmp_path):
    """Kill -9 the ingest process after some batches committed, run again: every document once, and the
    same events as a clean run."""
    n, batch = 2000, 100
    src = write_jsonl(tmp_path / "big.jsonl", generated_docs(n))
    crashed, clean = tmp_path / "crashed.duckdb", tmp_path / "clean.duckdb"
    proc = subprocess.Popen(
        [sys.executable, "-c", _CLI, "ingest", str(src), "--db", str(crashed), "--batch-size", str(batch)],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
    )
    seen: list[str] = []

    def kill_after_third_batch() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            seen.append(line)
            if line.startswith("batch 3:"):
                os.kill(proc.pid, signal.SIGKILL)
                return

    watcher = threading.Thread(target=kill_after_third_batch)
    watcher.start()
    reference = ingest_paths([str(src)], clean, batch_size=batch)  # the clean run, meanwhile
    watcher.join(timeout=120)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "".join(seen)

    stored = counts(crashed)["documents"]
    assert 3 * batch <= stored < n and stored % batch == 0  # whole batches only
    assert rows_of(crashed, "SELECT count(*) FROM runs WHERE finished_at IS NULL") == [(1,)]

    again = ingest_paths([str(src)], crashed, batch_size=batch)
    assert again.unchanged == stored and again.coded == n - stored
    after, expected = counts(crashed), counts(clean)
    assert {t: after[t] for t in DATA_TABLES} == {t: expected[t] for t in DATA_TABLES}
    assert after["documents"] == n and after["events"] == reference.events
    assert rows_of(crashed, "SELECT count(DISTINCT doc_id), count(*) FROM documents") == [(n, n)]
    assert rows_of(crashed, "SELECT count(DISTINCT event_id) = count(*) FROM events") == [(True,)]
    ids = "SELECT event_id, doc_id, type, source, target, date FROM events ORDER BY event_id"
    assert rows_of(crashed, ids) == rows_of(clean, ids)
