"""A store built from the bundled examples by the real ingest code, and a test client over it."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed")

from fastapi.testclient import TestClient  # noqa: E402
from serve_support import EXAMPLES, RELAXED  # noqa: E402

from rasd.serve import create_app  # noqa: E402
from rasd.store.ingest import ingest_paths  # noqa: E402


@pytest.fixture(scope="session")
def serve_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("serve") / "examples.duckdb"
    ingest_paths([str(EXAMPLES)], db)
    return db


@pytest.fixture(scope="session")
def client(serve_db: Path) -> TestClient:
    return TestClient(create_app(serve_db, RELAXED))
