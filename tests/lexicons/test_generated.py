"""countries.generated.tsv is exactly what scripts/build_lexicons.py writes (rerun it when this fails)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "build_lexicons.py"
GENERATED = REPO / "src" / "rasd" / "lexicons" / "countries.generated.tsv"


def _load_script() -> ModuleType:
    pytest.importorskip("babel")
    pytest.importorskip("pycountry")
    spec = importlib.util.spec_from_file_location("build_lexicons", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_file_is_up_to_date() -> None:
    build = _load_script().build
    assert build() == GENERATED.read_text(encoding="utf-8"), (
        "countries.generated.tsv is stale: run `python scripts/build_lexicons.py`"
    )


def test_generated_file_has_every_iso_code_once() -> None:
    codes = [
        line.split("\t", 1)[0]
        for line in GENERATED.read_text(encoding="utf-8").splitlines()[2:]
        if line and not line.startswith("#")
    ]
    assert len(codes) == 249
    assert len(set(codes)) == len(codes)
    assert codes == sorted(codes)
