"""Shared fixtures: paths to the repository, its examples and ../shared (beside the checkout)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "data" / "dev" / "gold.jsonl").exists():
        pytest.skip("../shared is not beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def dev_gold(shared: Path) -> list[dict]:
    return load_jsonl(shared / "data" / "dev" / "gold.jsonl")


@pytest.fixture(scope="session")
def dev_coded(dev_gold: list[dict]) -> dict[str, dict]:
    """The dev documents coded once per test session (gold published dates are not given)."""
    from rasd.pipeline import code_document
    from rasd.records import Document

    out = {}
    for g in dev_gold:
        doc = Document(id=g["id"], text=g["text"], url=g.get("url"), source=g.get("source"))
        out[g["id"]] = code_document(doc).to_dict()
    return out
