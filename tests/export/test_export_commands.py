"""`rasd export`: reads the store read-only, writes the file, and refuses bad requests with exit 1."""

from __future__ import annotations

import typer
from typer.testing import CliRunner

from rasd.cli.export_commands import register

runner = CliRunner()


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """Test CLI."""

    register(app)
    return app


def _run(*args: str):
    return runner.invoke(_app(), ["export", *args])


def test_export_commands_writes_gdelt(store, tmp_path):
    out = tmp_path / "out" / "events.tsv"
    result = _run("--db", str(store), "--format", "gdelt", "--table", "events", "-o", str(out))
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4 and all(len(line.split("\t")) == 61 for line in lines)
    assert "wrote 4 events rows as gdelt" in result.output


def test_export_commands_stdout(store):
    result = _run("--db", str(store), "--format", "plover", "--table", "stories", "-o", "-")
    assert result.exit_code == 0, result.output
    assert result.output.count('"event_ids"') == 2


def test_export_commands_leaves_the_store_unchanged(store, tmp_path):
    before = store.read_bytes()
    assert _run("--db", str(store), "-f", "parquet", "-t", "people", "-o", str(tmp_path / "p.parquet")).exit_code == 0
    assert store.read_bytes() == before


def test_export_commands_help_ends_with_an_example():
    result = _run("--help")
    assert result.exit_code == 0
    assert "Example: rasd export --db" in result.output


def test_export_commands_gdelt_refuses_a_table_without_events(store, tmp_path):
    result = _run("--db", str(store), "--format", "gdelt", "--table", "documents", "-o", str(tmp_path / "x"))
    assert result.exit_code == 1
    assert "Error: X600 [--table]: the gdelt layout has one row per event" in result.output
    assert not (tmp_path / "x").exists()


def test_export_commands_plover_refuses_people(store, tmp_path):
    result = _run("--db", str(store), "--format", "plover", "--table", "people", "-o", str(tmp_path / "x"))
    assert result.exit_code == 1
    assert "use --table events or --table stories" in result.output


def test_export_commands_unknown_format(store, tmp_path):
    result = _run("--db", str(store), "--format", "xml", "-o", str(tmp_path / "x"))
    assert result.exit_code == 1
    assert "Error: X600 [--format]: unknown format 'xml'; choose one of jsonl, csv, parquet, gdelt, plover" in (
        result.output
    )


def test_export_commands_unknown_table(store, tmp_path):
    result = _run("--db", str(store), "--table", "actors", "-o", str(tmp_path / "x"))
    assert result.exit_code == 1
    assert "unknown table 'actors'" in result.output


def test_export_commands_parquet_needs_a_file(store):
    result = _run("--db", str(store), "--format", "parquet", "-o", "-")
    assert result.exit_code == 1
    assert "Parquet is binary" in result.output


def test_export_commands_needs_an_output(store):
    result = _run("--db", str(store))
    assert result.exit_code == 1
    assert "-o FILE" in result.output


def test_export_commands_missing_store(tmp_path):
    result = _run("--db", str(tmp_path / "nope.duckdb"), "-o", str(tmp_path / "x.jsonl"))
    assert result.exit_code == 1
    assert "Error: S500" in result.output
    assert not (tmp_path / "nope.duckdb").exists()
