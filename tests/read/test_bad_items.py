"""Each bad item yields one Problem naming it, and the good items beside it are still read."""

import gzip
import io
import zipfile

import pytest

from rasd.read import FieldMap, read_bytes, read_inputs

GOOD = "وزير الخارجية يلتقي نظيره."


def _zip_with_bad_member() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("good.txt", GOOD)
        archive.writestr("bad.txt", "نص سيتلف " * 50)
    data = bytearray(buf.getvalue())
    at = data.index(b"bad.txt") + len(b"bad.txt") + 5  # inside the member's compressed bytes
    data[at : at + 8] = b"\xff" * 8
    return bytes(data)


HOSTILE = [
    ("empty.txt", b"", "R103", None),
    ("blank.html", b"  \n\t ", "R103", None),
    ("binary.bin", bytes(range(256)) * 4, "R102", None),
    ("nul.txt", "نص".encode() + b"\x00\x00" + "آخر".encode(), "R102", None),
    ("broken.html", b"<html><body><div><</>><p></p></span></body", "R103", None),
    ("deep.html", b"<html><body>" + b"<div>" * 100_000 + "نص".encode() + b"</body></html>", "R105", None),
    ("cut.txt.gz", gzip.compress(GOOD.encode() * 20)[:-30], "R104", None),
    ("cut.warc.gz", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 900\r\n\r\nHTTP/1.1 200", "R104", None),
    ("not-a-feed.rss", b'<rss version="2.0"><channel>', "R105", None),
    ("bad.zip", _zip_with_bad_member(), "R104", "bad.zip!bad.txt"),
]


@pytest.mark.parametrize(("name", "data", "code", "item"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_bad_items_item_is_one_problem_and_the_batch_goes_on(tmp_path, split, name, data, code, item):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "zz-good.txt").write_text(GOOD, encoding="utf-8")
    docs, problems = split(read_inputs([str(tmp_path / name), str(tmp_path / "zz-good.txt")]))
    assert [(p.code, p.item) for p in problems] == [(code, str(tmp_path / (item or name)))]
    assert docs[-1].text == GOOD and docs[-1].id == "zz-good"


def test_bad_items_broken_html_with_text_is_read_leniently():
    data = "<html><body><p>نص <b>مكسور</p></div></table".encode()
    (doc,) = read_bytes(data, "x.html", "x.html", FieldMap())
    assert doc.text == "نص مكسور"


def test_bad_items_glob_patterns_and_gzip(tmp_path, split):
    (tmp_path / "dumps" / "2024").mkdir(parents=True)
    (tmp_path / "a.txt").write_text("نص أ", encoding="utf-8")
    (tmp_path / "b.txt").write_text("نص ب", encoding="utf-8")
    (tmp_path / "dumps" / "2024" / "c.jsonl.gz").write_bytes(gzip.compress('{"id": "c", "text": "نص ج"}\n'.encode()))
    docs, problems = split(
        read_inputs([str(tmp_path / "*.txt"), str(tmp_path / "dumps" / "**" / "*.gz"), str(tmp_path / "*.none")])
    )
    assert [d.id for d in docs] == ["a", "b", "c"]
    assert [(p.code, p.reason) for p in problems] == [
        ("R100", "no file matches this pattern; check the path and quoting")
    ]


def test_bad_items_folder_reads_every_format(tmp_path, split, markup):
    (tmp_path / "page.html").write_text(markup.page("عنوان\nنص الصفحة."), encoding="utf-8")
    (tmp_path / "feed.rss").write_text(markup.rss([("r1", "عنوان\nنص الخبر.", "")]), encoding="utf-8")
    (tmp_path / "crawl.warc.gz").write_bytes(markup.warc([("https://x.example/", "<p>نص الأرشيف</p>".encode())]))
    (tmp_path / "story.txt.gz").write_bytes(gzip.compress("نص مضغوط".encode()))
    (tmp_path / "README.md").write_text("not news", encoding="utf-8")
    docs, problems = split(read_inputs([str(tmp_path)]))
    assert not problems
    assert sorted(d.text for d in docs) == sorted(["عنوان\nنص الصفحة.", "عنوان\nنص الخبر.", "نص الأرشيف", "نص مضغوط"])
    assert {d.id for d in docs} >= {"page", "r1", "story"}
