import io
import json
import zipfile

from rasd.read import FieldMap, read_inputs, read_path
from rasd.records import Document, Problem


def _split(items):
    docs = [i for i in items if isinstance(i, Document)]
    problems = [i for i in items if isinstance(i, Problem)]
    return docs, problems


def test_sources_reads_text_files_and_folders(tmp_path):
    (tmp_path / "a.txt").write_text("نص أول", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("نص ثان", encoding="utf-8")
    docs, problems = _split(list(read_inputs([str(tmp_path)])))
    assert [d.id for d in docs] == ["a", "sub/b"] and not problems


def test_sources_jsonl_bad_line_is_a_problem_and_batch_goes_on(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "1", "text": "نص"}\nnot json\n{"id": "2"}\n{"id": "3", "text": "نص آخر"}\n', encoding="utf-8")
    docs, problems = _split(list(read_inputs([str(f)])))
    assert [d.id for d in docs] == ["1", "3"]
    assert [p.item for p in problems] == [f"{f}:2", f"{f}:3"]
    assert problems[0].code == "R101" and "not JSON" in problems[0].reason


def test_sources_json_array_in_zip_with_field_mapping(tmp_path):
    arr = [{"content": "خبر أول", "url": "http://x/1"}, {"content": "خبر ثان", "url": "http://x/2"}]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("day.json", json.dumps(arr, ensure_ascii=False))
    f = tmp_path / "day.zip"
    f.write_bytes(buf.getvalue())
    docs, problems = _split(list(read_inputs([str(f)], FieldMap(text="content", id="url"))))
    assert [d.id for d in docs] == ["http://x/1", "http://x/2"] and not problems


def test_sources_stable_hash_id_without_id_field(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text('{"text": "نص"}\n', encoding="utf-8")
    first = list(read_inputs([str(f)]))[0]
    second = list(read_inputs([str(f)]))[0]
    assert isinstance(first, Document) and first.id == second.id and first.id.startswith("sha1-")


def test_sources_stdin():
    stream = io.BytesIO('{"id": "s", "text": "نص"}\n'.encode())
    docs, _ = _split(list(read_path("-", FieldMap(), stdin=stream)))
    assert [d.id for d in docs] == ["s"]


def test_sources_cp1256_file_is_decoded(tmp_path):
    f = tmp_path / "old.txt"
    f.write_bytes("وزير الخارجية".encode("cp1256"))
    docs, _ = _split(list(read_inputs([str(f)])))
    assert docs[0].text == "وزير الخارجية"


def test_sources_bad_inputs_are_named(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 10)
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04garbage")
    docs, problems = _split(list(read_inputs([str(tmp_path), str(tmp_path / "missing.txt")])))
    assert not docs
    reasons = {p.item or p.source: p.code for p in problems}
    assert reasons[str(tmp_path / "empty.txt")] == "R103"
    assert reasons[str(tmp_path / "binary.txt")] == "R102"
    assert reasons[str(tmp_path / "broken.zip")] == "R104"
    assert reasons[str(tmp_path / "missing.txt")] == "R100"
