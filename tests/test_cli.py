"""The command line: codes inputs, reports bad items by name and goes on, evaluates against gold."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from rasd.cli.main import app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
runner = CliRunner()


def test_cli_code_writes_one_record_per_document(tmp_path):
    out = tmp_path / "out" / "examples.jsonl"
    result = runner.invoke(app, ["code", str(EXAMPLES), "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(list(EXAMPLES.glob("*.txt")))
    for r in records:
        assert {"id", "published", "dateline", "language", "flags", "people", "events", "partnerships"} <= set(r)


def test_cli_code_bad_items_are_reported_and_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("الرياض 10 أغسطس 2015 (واس)\nاستقبل وزير الخارجية السعودي نظيره الروسي.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\xff" * 20)
    errors = tmp_path / "errors.jsonl"
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["code", str(tmp_path), "-o", str(out), "--errors", str(errors)])
    assert result.exit_code == 0
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["good"]
    problems = [json.loads(x) for x in errors.read_text().splitlines()]
    assert {p["code"] for p in problems} == {"R102", "R103"}
    assert all(p["item"].endswith(("empty.txt", "binary.txt")) for p in problems)


def test_cli_code_reads_stdin():
    line = json.dumps({"id": "s1", "text": "قال وزير الخارجية الصيني وانغ يي إن بلاده مستعدة."}, ensure_ascii=False)
    result = runner.invoke(app, ["code", "-", "-q"], input=line + "\n")
    assert result.exit_code == 0
    record = json.loads(result.stdout.splitlines()[0])
    assert record["id"] == "s1" and record["people"][0]["name"] == "Wang Yi"


def test_cli_code_only_bad_input_exits_1(tmp_path):
    result = runner.invoke(app, ["code", str(tmp_path / "missing.txt"), "-q"])
    assert result.exit_code == 1
    assert "R100" in result.output


def test_cli_eval_prints_scores_and_fails_under_floor():
    gold = Path(__file__).resolve().parent / "e2e" / "examples_gold.jsonl"
    result = runner.invoke(app, ["eval", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["people"]["f1"] > 0.5
    failing = runner.invoke(app, ["eval", str(gold), "--min-typed-dyad", "1.01"])
    assert failing.exit_code == 1
