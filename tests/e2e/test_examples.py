"""End to end on the bundled examples: datelines, people and flags against the team's annotation."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.evaluate.metrics import score
from rasd.pipeline import code_many
from rasd.read import read_inputs
from rasd.records import CodedDocument

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parents[1] / "examples"


def _load():
    import json

    gold = {}
    for line in (HERE / "examples_gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            gold[obj["id"]] = obj
    return gold


GOLD = _load()


@pytest.fixture(scope="module")
def coded() -> dict[str, dict]:
    out = {}
    for r in code_many(read_inputs([str(EXAMPLES)])):
        assert isinstance(r, CodedDocument), r
        out[r.id] = r.to_dict()
    return out


def test_examples_every_file_is_coded(coded):
    assert set(coded) == set(GOLD) and len(coded) >= 11


def test_examples_text_matches_annotation():
    for doc_id, g in GOLD.items():
        assert (EXAMPLES / f"{doc_id}.txt").read_text(encoding="utf-8").rstrip("\n") == g["text"]


@pytest.mark.parametrize("doc_id", sorted(GOLD))
def test_examples_published_date(coded, doc_id):
    expected = GOLD[doc_id].get("published")
    if "not-arabic" in GOLD[doc_id].get("flags", []):
        pytest.skip("non-Arabic documents are not coded")
    assert coded[doc_id]["published"] == expected


def test_examples_non_arabic_is_kept_and_flagged(coded):
    english = [d for d in coded.values() if d["language"] != "ar"]
    assert len(english) == 1 and english[0]["flags"] == ["not-arabic"] and not english[0]["events"]


def test_examples_scores(coded):
    report = score(GOLD, coded)
    assert report.totals["people"].f1 >= 0.8
    assert report.totals["events.typed_dyad"].f1 >= 0.4
