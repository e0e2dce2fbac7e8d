"""Arbitrary bytes never crash the readers: every item is a Document or a Problem."""

import gzip
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasd.read import FieldMap, read_bytes
from rasd.records import Document, Problem

NAMES = ["x", "a.txt", "a.html", "a.warc.gz", "a.warc", "a.json", "a.jsonl", "a.rss", "a.zip", "a.txt.gz"]
# Prefixes that steer the sniffer into each reader, so the bytes after them reach its parser.
PREFIXES = [
    b"",
    b"<html>",
    b"<rss>",
    b"<feed>",
    b"WARC/1.0\r\n",
    b"filedesc://",
    b"\x1f\x8b",
    b"PK\x03\x04",
    b"{",
    b"[",
]


def _all_items(data: bytes, name: str) -> None:
    items = list(read_bytes(data, name, "src", FieldMap()))
    assert all(isinstance(i, Document | Problem) for i in items)
    assert all(i.text.strip() for i in items if isinstance(i, Document))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=st.sampled_from(PREFIXES), data=st.binary(max_size=600), name=st.sampled_from(NAMES))
def test_properties_arbitrary_bytes_never_raise(prefix, data, name):
    _all_items(prefix + data, name)


@settings(max_examples=40, deadline=None)
@given(data=st.binary(max_size=400), name=st.sampled_from(NAMES))
def test_properties_arbitrary_bytes_inside_gzip_never_raise(data, name):
    _all_items(gzip.compress(data), name)


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=300), name=st.sampled_from(NAMES))
def test_properties_arbitrary_text_never_raises(text, name):
    _all_items(text.encode("utf-8", errors="surrogatepass"), name)


def test_properties_zip_member_names_are_kept(tmp_path):
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("x.warc.gz", b"\x1f\x8bnot gzip")
    (problem,) = read_bytes(path.read_bytes(), "a.zip", "a.zip", FieldMap())
    assert isinstance(problem, Problem) and problem.item == "a.zip!x.warc.gz"
