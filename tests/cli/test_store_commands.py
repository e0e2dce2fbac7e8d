"""`rasd ingest`, `events`, `timeline`, `actors`, `sql`: thin commands over the store and the queries."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from rasd.cli.store_commands import COMMANDS, register

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
runner = CliRunner()


def make_app() -> typer.Typer:
    app = typer.Typer(add_completion=False)

    @app.callback()
    def _main() -> None:
        """rasd"""

    register(app)
    return app


APP = make_app()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("cli") / "t.duckdb"
    result = runner.invoke(APP, ["ingest", str(EXAMPLES), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return str(path)


def test_store_commands_ingest_twice_prints_the_same_counts(db):
    result = runner.invoke(APP, ["ingest", str(EXAMPLES), "--db", db])
    assert result.exit_code == 0, result.output
    assert "rasd ingest: read 15, coded 0, skipped 15 (not-arabic 0, unchanged 15, resumed 0), errors 0, events 0" in (
        result.stderr
    )
    assert "batch 1: read 15" in result.stderr  # plain progress lines when not on a terminal
    assert "documents 15" in result.stderr


def test_store_commands_ingest_reports_bad_items(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": ""}\nnot json\n', encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    result = runner.invoke(APP, ["ingest", str(src), "--db", str(tmp_path / "t.duckdb"), "--errors", str(errors)])
    assert result.exit_code == 1  # nothing could be stored
    assert "Error: R103" in result.stderr and "Error: R101" in result.stderr
    assert [json.loads(x)["code"] for x in errors.read_text().splitlines()] == ["R103", "R101"]


def test_store_commands_events_in_three_formats(db):
    args = ["events", "--db", db, "--pair", "CHN", "RUS", "--type", "AGREE"]
    table = runner.invoke(APP, args)
    assert table.exit_code == 0, table.output
    assert "rasd events" in table.stdout and "AGREE" in table.stdout
    rows = json.loads(runner.invoke(APP, [*args, "--format", "json"]).stdout)
    assert rows and all(r["type"] == "AGREE" for r in rows)
    parsed = list(csv.DictReader(io.StringIO(runner.invoke(APP, [*args, "-f", "csv"]).stdout)))
    assert [r["event_id"] for r in parsed] == [r["event_id"] for r in rows]


def test_store_commands_bad_filters_exit_1_with_a_clear_message(db):
    result = runner.invoke(APP, ["events", "--db", db, "--actor", "CHN' OR 1=1 --"])
    assert result.exit_code == 1
    assert 'Error: Q400: actor "CHN\' OR 1=1 --" is not an actor code' in result.stderr
    result = runner.invoke(APP, ["events", "--db", db, "--since", "last year"])
    assert result.exit_code == 1 and "since 'last year' is not a date" in result.stderr
    result = runner.invoke(APP, ["events", "--db", db + ".missing"])
    assert result.exit_code == 1 and "no database here; run `rasd ingest" in result.stderr


def test_store_commands_sql_is_read_only(db):
    refused = runner.invoke(APP, ["sql", "DELETE FROM events", "--db", db])
    assert refused.exit_code == 1
    assert "Error: Q400: rasd sql is read-only: only SELECT is allowed, not DELETE" in refused.stderr
    counted = runner.invoke(APP, ["sql", "SELECT count(*) AS n FROM events", "--db", db, "-f", "json"])
    assert json.loads(counted.stdout)[0]["n"] > 0


def test_store_commands_timeline_chart_json_and_png(db, tmp_path):
    png = tmp_path / "chn-rus.png"
    chart = runner.invoke(APP, ["timeline", "CHN", "RUS", "--db", db, "--png", str(png)])
    assert chart.exit_code == 0, chart.output
    assert "CHN–RUS: partnership" in chart.stdout and "events per month" in chart.stdout
    assert "comprehensive strategic partnership" in chart.stdout
    assert png.read_bytes()[:4] == b"\x89PNG"
    data = json.loads(runner.invoke(APP, ["timeline", "CHN", "RUS", "--db", db, "-f", "json"]).stdout)
    assert data["steps"] and data["months"] and data["a"] == "CHN"


def test_store_commands_actors_and_pairs(db):
    actors = json.loads(runner.invoke(APP, ["actors", "--db", db, "-f", "json", "--limit", "3"]).stdout)
    assert len(actors) == 3 and actors[0]["events"] >= actors[-1]["events"]
    pairs = runner.invoke(APP, ["actors", "--pairs", "--db", db])
    assert pairs.exit_code == 0 and "most active pairs" in pairs.stdout


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_store_commands_help_ends_with_an_example(name):
    result = runner.invoke(APP, [name, "--help"])
    assert result.exit_code == 0
    doc = COMMANDS[name].__doc__ or ""
    assert doc.strip().splitlines()[-1].strip().startswith(f"Example: rasd {name} ")
    assert "Example: rasd" in result.stdout
