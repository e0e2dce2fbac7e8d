import re

import pytest

from rasd.read import FieldMap, read_bytes


def _page(n: int) -> bytes:
    return f"<html><head><title>عنوان {n}</title></head><body><p>نص الخبر رقم {n}.</p></body></html>".encode()


def _read(data: bytes, name: str):
    return list(read_bytes(data, name, name, FieldMap()))


@pytest.mark.parametrize(("gzip", "name"), [(True, "crawl.warc.gz"), (False, "crawl.warc"), (True, "no-suffix")])
def test_warc_responses_with_html_are_documents(markup, split, gzip, name):
    data = markup.warc([(f"https://news.example/2024/05/1{n}/a", _page(n)) for n in range(3)], gzip=gzip)
    docs, problems = split(_read(data, name))
    assert not problems
    assert [d.text for d in docs] == [f"عنوان {n}\nنص الخبر رقم {n}." for n in range(3)]
    assert [d.published for d in docs] == ["2024-05-10", "2024-05-11", "2024-05-12"]
    assert all(d.id.startswith("urn:uuid:") and d.origin == f"{name}!{d.id}" for d in docs)
    assert docs[0].url == "https://news.example/2024/05/10/a"


def test_warc_skips_records_that_are_not_html(markup):
    data = markup.warc([("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00")], content_type="image/png")
    assert _read(data, "images.warc.gz") == []


def test_warc_http_charset_is_used(markup):
    body = "<html><body><p>وزير الخارجية يلتقي نظيره</p></body></html>".encode("cp1256")
    data = markup.warc([("https://news.example/a", body)], content_type="text/html; charset=windows-1256")
    (doc,) = _read(data, "a.warc.gz")
    assert doc.text == "وزير الخارجية يلتقي نظيره"


@pytest.mark.parametrize("gzip", [True, False])
@pytest.mark.parametrize("keep", [0.45, 0.98])
def test_warc_truncated_keeps_pages_read_and_names_the_offset(markup, split, gzip, keep):
    data = markup.warc([(f"https://news.example/{n}", _page(n)) for n in range(3)], gzip=gzip)
    docs, problems = split(_read(data[: int(len(data) * keep)], "cut.warc.gz"))
    assert len(docs) in (1, 2) and len(problems) == 1
    assert problems[0].code == "R104" and problems[0].item == "cut.warc.gz"
    assert problems[0].reason.startswith("WARC/ARC archive truncated or corrupt at byte ")
    records = int(re.search(r"after (\d+) records", problems[0].reason).group(1))
    assert records in (2 * len(docs), 2 * len(docs) + 1)  # cut in the next request or the next response


def test_warc_arc_file_page_id_is_its_uri():
    http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + _page(1)
    desc = b"1 0 Example\nURL IP-address Archive-date Content-type Archive-length\n"
    arc = b"filedesc://x.arc 0.0.0.0 20240516000000 text/plain %d\n%s\n" % (
        len(desc),
        desc,
    ) + b"http://news.example/2024/05/16/a.html 1.2.3.4 20240516000000 text/html %d\n%s\n" % (len(http), http)
    (doc,) = _read(arc, "old.arc")
    assert (doc.id, doc.published, doc.text) == (
        "http://news.example/2024/05/16/a.html",
        "2024-05-16",
        "عنوان 1\nنص الخبر رقم 1.",
    )
