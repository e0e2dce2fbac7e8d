"""The coder's output, byte for byte, on examples/ and the dev docs: speed and memory work must not
change it.

tests/e2e/output_digests.json holds the sha256 of each document's output line as ``rasd code`` writes
it. When a change to the output is intended (the coder, the lexicons), regenerate the digests with
``python scripts/update_output_digests.py`` and commit them with that change; the diff of the digests
then shows which documents it touched.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
DIGESTS = json.loads((REPO / "tests" / "e2e" / "output_digests.json").read_text(encoding="utf-8"))


def _digests(inputs: list[str]) -> dict[str, str]:
    script = REPO / "scripts" / "update_output_digests.py"
    spec = importlib.util.spec_from_file_location("update_output_digests", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.digests(inputs)


def _changed(expected: dict[str, str], found: dict[str, str]) -> list[str]:
    return sorted(k for k in expected.keys() | found.keys() if expected.get(k) != found.get(k))


def test_examples_output_is_unchanged() -> None:
    assert not _changed(DIGESTS["examples"], _digests([str(EXAMPLES)]))


def test_dev_docs_output_is_unchanged(shared: Path) -> None:
    docs = shared / "data" / "dev" / "docs.jsonl"
    if not docs.exists():
        pytest.skip("no dev docs in ../shared")
    assert not _changed(DIGESTS["dev"], _digests([str(docs)]))
