"""Stores for the query tests, built once per session: the bundled examples, and the dev documents of
../shared (skipped when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.store import connect
from rasd.store.ingest import ingest_paths

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("store") / "examples.duckdb"
    ingest_paths([str(EXAMPLES)], db)
    return db


@pytest.fixture(scope="session")
def dev_db(shared, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("store") / "dev.duckdb"
    ingest_paths([str(shared / "data" / "dev" / "docs.jsonl")], db)
    return db


@pytest.fixture
def con(examples_db):
    c = connect(examples_db, read_only=True)
    yield c
    c.close()
