"""Hostile input: a set of bad items beside good ones goes through `rasd code` and `rasd ingest` without a
crash; every item is accounted for (coded + skipped + errors = items built), every problem names its
item, and ingesting the set again stores nothing twice."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from rasd.cli.main import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
runner = CliRunner()

BIDI = ("\u200f", "\u202b", "\u202c", "\u200d", "\u200c", "\u2066", "\u2069", "\ufeff", "\u200b")


def _arabic(n: int) -> str:
    return sorted(EXAMPLES.glob("*.txt"))[n].read_text(encoding="utf-8")


def _sprinkle(text: str, marks: tuple[str, ...]) -> str:
    """A control character after every seventh character, cycling through ``marks``."""
    out = []
    for i, ch in enumerate(text):
        out.append(ch)
        if i % 7 == 6:
            out.append(marks[(i // 7) % len(marks)])
    return "".join(out)


def _zip_with_broken_member(good: str) -> bytes:
    """Two stored members; the second one's bytes are altered after writing, so its CRC fails."""
    buf = io.BytesIO()
    broken = "BROKEN-MEMBER " + _arabic(4)
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr("good.txt", good)
        zf.writestr("broken.txt", broken)
    data = bytearray(buf.getvalue())
    at = data.index(b"BROKEN-MEMBER")
    data[at : at + 6] = b"XXXXXX"
    return bytes(data)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], int]:
    """The files (named one by one on the command line) and the number of items they hold."""
    d = tmp_path_factory.mktemp("hostile")
    files: dict[str, bytes] = {
        "empty.txt": b"",
        "blank.txt": b"  \n\t\n",
        "binary.bin": bytes(range(256)) * 64,
        "nul.txt": (_arabic(0)[:400] + "\x00\x00" + _arabic(0)[400:]).encode("utf-8"),
        "bidi.txt": _sprinkle(_arabic(1), BIDI).encode("utf-8"),
        "big.txt": ((_arabic(2) + "\n\n") * (3_100_000 // len(_arabic(2).encode("utf-8")) + 1)).encode("utf-8"),
        "cp1256.txt": _arabic(3).encode("cp1256", errors="replace"),
        "utf16.txt": _arabic(5).encode("utf-16"),
        "english.txt": b"The president met his counterpart in Paris on Monday to discuss trade. " * 20,
        "good1.txt": _arabic(6).encode("utf-8"),
        "good2.txt": _arabic(7).encode("utf-8"),
    }
    lines = [
        json.dumps({"id": "j-good", "text": _arabic(8)}, ensure_ascii=False),
        '{"id": "j-broken", "text": "قال الرئيس',
        json.dumps({"id": "j-notext", "body": "no text field"}),
        json.dumps({"id": "j-empty", "text": ""}),
        "[1, 2, 3]",
    ]
    files["lines.jsonl"] = "\n".join(lines).encode("utf-8")
    files["archive.zip"] = _zip_with_broken_member(_arabic(9))
    items = len(files) - 2 + len(lines) + 2  # a JSONL file and a zip hold several items each
    for name, data in files.items():
        (d / name).write_bytes(data)
    assert (d / "big.txt").stat().st_size > 3_000_000
    return [str(d / name) for name in files], items


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _problems_name_their_items(problems: list[dict], files: list[str]) -> None:
    names = [Path(f).name for f in files]
    for p in problems:
        assert set(p) >= {"source", "item", "code", "reason"}
        assert p["item"], p
        assert any(n in p["item"] for n in names), p
        assert p["reason"]


def test_hostile_code_accounts_for_every_item(hostile, tmp_path):
    files, items = hostile
    out, bad = tmp_path / "out.jsonl", tmp_path / "bad.jsonl"
    result = runner.invoke(app, ["code", *files, "-o", str(out), "--errors", str(bad)])
    assert result.exit_code == 0, result.output
    assert result.exception is None
    coded = _jsonl(out)
    problems = _jsonl(bad)
    skipped = [d for d in coded if "not-arabic" in d["flags"]]
    arabic = [d for d in coded if "not-arabic" not in d["flags"]]
    assert len(arabic) + len(skipped) + len(problems) == items
    _problems_name_their_items(problems, files)
    by_id = {d["id"]: d for d in coded}
    assert "truncated" in by_id["big"]["flags"]
    assert by_id["english"]["language"] == "en" and "not-arabic" in by_id["english"]["flags"]
    for doc_id in ("bidi", "good1", "good2", "j-good"):
        assert by_id[doc_id]["language"] == "ar", doc_id
    assert by_id["bidi"]["events"]  # controls between the letters do not hide the words
    assert {"j-broken", "j-notext", "j-empty"}.isdisjoint(by_id)
    assert f"read {items}, " in result.stderr


def _row_counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables if t != "runs"}
    finally:
        con.close()


def test_hostile_ingest_accounts_for_every_item_and_stores_nothing_twice(hostile, tmp_path):
    files, items = hostile
    db, bad = tmp_path / "t.duckdb", tmp_path / "bad.jsonl"
    first = runner.invoke(app, ["ingest", *files, "--db", str(db), "--errors", str(bad), "--batch-size", "4"])
    assert first.exit_code == 0, first.output
    problems = _jsonl(bad)
    _problems_name_their_items(problems, files)
    counts = _row_counts(db)
    assert counts["documents"] + len(problems) == items
    con = duckdb.connect(str(db), read_only=True)
    (read, coded, skipped, errors) = con.execute("SELECT read, coded, skipped, errors FROM runs").fetchone()
    con.close()
    assert read == items and coded + skipped + errors == items and errors == len(problems)

    again = runner.invoke(app, ["ingest", *files, "--db", str(db), "--errors", str(bad), "--workers", "2"])
    assert again.exit_code == 0, again.output
    assert _row_counts(db) == counts
    assert len(_jsonl(bad)) == len(problems)
    assert f"read {items}, coded 0, skipped {items - len(problems)} (not-arabic 0, unchanged" in again.stderr
