"""The pipeline: the size cap, and parallel coding that gives byte-identical output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rasd import pipeline
from rasd.cli.main import app
from rasd.pipeline import Coder, code_document, code_items, truncate
from rasd.records import Document
from rasd.resources import load_resources
from rasd.settings import settings_with

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
runner = CliRunner()


@pytest.mark.parametrize(
    ("text", "cap", "kept"),
    [
        ("قال الرئيس. وأضاف الوزير. ثم غادر.", 100, "قال الرئيس. وأضاف الوزير. ثم غادر."),
        ("قال الرئيس. وأضاف الوزير. ثم غادر.", 30, "قال الرئيس. وأضاف الوزير."),
        ("قال الرئيس. وأضاف الوزير. ثم غادر.", 15, "قال الرئيس."),
        ("كلمة واحدة طويلة بلا نهاية", 10, "كلمة واحدة"),  # no sentence end within the cap: cut at the cap
    ],
)
def test_pipeline_truncate_cuts_at_a_sentence_end(text: str, cap: int, kept: str) -> None:
    doc = truncate(Document(id="d", text=text), cap)
    assert doc.text == kept
    assert ("truncated" in doc.flags) == (kept != text)
    assert text.startswith(doc.text)  # a prefix: offsets stay valid


def test_pipeline_long_document_is_flagged_truncated_once() -> None:
    text = (EXAMPLES / "01_xi_putin_beijing.txt").read_text(encoding="utf-8")
    res = load_resources(settings_with(max_chars=len(text) // 2))
    coded = code_document(Document(id="d", text=text, flags=("truncated",)), res)
    assert coded.flags.count("truncated") == 1
    assert all(e.sentence.end <= len(text) // 2 for e in coded.events)
    assert "truncated" not in code_document(Document(id="d", text=text), load_resources()).flags


def _code(inputs: list[str], out: Path, workers: int) -> bytes:
    result = runner.invoke(app, ["code", *inputs, "-o", str(out), "--workers", str(workers), "-q"])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def _bad_items(tmp_path: Path) -> list[str]:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": ""}\nnot json\n{"id": "y", "text": "قال الرئيس"}\n', encoding="utf-8")
    return [str(bad)]


def test_pipeline_two_workers_write_the_same_bytes_on_examples(tmp_path: Path) -> None:
    inputs = [str(EXAMPLES), *_bad_items(tmp_path)]
    one = _code(inputs, tmp_path / "one.jsonl", 1)
    two = _code(inputs, tmp_path / "two.jsonl", 2)
    assert one == two
    assert len(one.splitlines()) == len(list(EXAMPLES.glob("*.txt"))) + 1


def test_pipeline_two_workers_write_the_same_bytes_on_dev_docs(shared: Path, tmp_path: Path) -> None:
    inputs = [str(EXAMPLES), str(shared / "data" / "dev" / "docs.jsonl")]
    one = _code(inputs, tmp_path / "one.jsonl", 1)
    two = _code(inputs, tmp_path / "two.jsonl", 2)
    assert one == two
    assert [json.loads(line)["id"] for line in one.splitlines()][:2] == ["01_xi_putin_beijing", "02_xi_sisi_beijing"]


def _worker_loaded_own() -> bool:
    """In a worker: whether its resources are another object than this module's cached ones."""
    from rasd import pipeline

    return pipeline._worker_res is not load_resources()


@pytest.mark.skipif(not pipeline._can_fork(), reason="workers are forked on Linux only")
def test_pipeline_forked_workers_code_with_the_parents_resources() -> None:
    with Coder(code_items, load_resources(), workers=2) as coder:
        pool = coder._started()
        assert pool.apply(_worker_loaded_own) is False


def test_pipeline_spawned_workers_write_the_same_results(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where fork is not used (macOS, Windows) workers are spawned and load their own lexicons."""
    monkeypatch.setattr(pipeline, "_can_fork", lambda: False)
    docs = [Document(id=p.stem, text=p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.txt"))[:6]]
    res = load_resources()
    with Coder(code_items, res, workers=2, chunk=2, queue=4) as coder:
        assert coder._started().apply(_worker_loaded_own) is True
        two = list(coder.code(docs))
    assert [r.to_dict() for r in two] == [code_document(d, res).to_dict() for d in docs]


def test_pipeline_submitted_lists_come_back_in_order_whoever_codes_them() -> None:
    """With room for one chunk at the worker, this process codes the rest: what was not sent when a
    list is collected, and the newest chunks while it waits for a worker's."""
    docs = [Document(id=p.stem, text=p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.txt"))[:9]]
    res = load_resources()
    lists = [docs[:4], docs[4:5], docs[5:]]
    with Coder(code_items, res, workers=2, chunk=1, queue=1) as coder:
        for items in lists:
            coder.submit(items)
        assert len(coder._unsent) == len(docs) - 1  # one chunk out, the rest waiting
        got = [[r.to_dict() for r in coder.collect()] for _ in lists]
    assert got == [[code_document(d, res).to_dict() for d in items] for items in lists]
