"""``rasd spark`` on the command line: a clear message without pyspark, a run with it, and a refusal to
write over an earlier run."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from rasd.cli.main import app

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "04_lavrov_choe_wonsan.txt"


def test_spark_command_without_pyspark_names_the_extra(monkeypatch, tmp_path):
    real = importlib.util.find_spec

    def find_spec(name: str, *args: Any) -> Any:
        return None if name == "pyspark" else real(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    result = CliRunner().invoke(app, ["spark", str(EXAMPLE), "--output", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "pip install 'rasd[spark]'" in " ".join(result.output.split())
    assert not (tmp_path / "out").exists()


def test_spark_command_writes_the_tables_and_keeps_an_earlier_run(spark, tmp_path):
    out = tmp_path / "out"
    args = ["spark", str(EXAMPLE), "--output", str(out), "--master", "local[2]", "--partitions", "2"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "read 1 from 1 files, coded 1" in result.output
    for table in ("documents", "people", "mentions", "events", "partnerships", "stories", "runs"):
        assert (out / table / "_SUCCESS").exists(), table  # a table without rows has no part files
    for table in ("documents", "events", "stories", "runs"):
        assert list((out / table).glob("year=*/month=*/*.parquet")), table
    assert not spark.sparkContext._jsc.sc().isStopped()  # a session the command did not start stays up
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 1
    assert "K700" in again.output and "--overwrite" in again.output
