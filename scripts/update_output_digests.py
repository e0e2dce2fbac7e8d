"""Regenerate tests/e2e/output_digests.json: the sha256 of every output line of ``rasd code`` on
examples/ and on the dev docs (../shared/data/dev/docs.jsonl).

tests/e2e/test_output_stable.py compares the coder's output against these digests, so that speed work
cannot change a single byte unnoticed. Run this only when a change to the output is intended (a coder
or lexicon change), and commit the new digests with that change:

    .venv/bin/python scripts/update_output_digests.py
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DIGESTS = REPO / "tests" / "e2e" / "output_digests.json"
EXAMPLES = REPO / "examples"
DEV_DOCS = REPO.parent / "shared" / "data" / "dev" / "docs.jsonl"


def output_lines(inputs: list[str]) -> dict[str, str]:
    """Document id → its output line, exactly as ``rasd code`` writes it (problems are left out)."""
    from rasd.pipeline import code_many
    from rasd.read import FieldMap, read_inputs
    from rasd.records import CodedDocument
    from rasd.resources import load_resources

    out: dict[str, str] = {}
    for result in code_many(read_inputs(inputs, FieldMap()), load_resources()):
        if isinstance(result, CodedDocument):
            out[result.id] = json.dumps(result.to_dict(), ensure_ascii=False) + "\n"
    return out


def digests(inputs: list[str]) -> dict[str, str]:
    """Document id → sha256 of its output line."""
    return {key: hashlib.sha256(line.encode("utf-8")).hexdigest() for key, line in output_lines(inputs).items()}


def main() -> None:
    if not DEV_DOCS.exists():
        sys.exit(f"{DEV_DOCS} is missing: the digests need ../shared beside the checkout")
    data = {"examples": digests([str(EXAMPLES)]), "dev": digests([str(DEV_DOCS)])}
    DIGESTS.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {DIGESTS}: {len(data['examples'])} examples, {len(data['dev'])} dev docs")


if __name__ == "__main__":
    main()
