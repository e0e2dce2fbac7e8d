"""Every bundled example, wrapped in a page, a feed item or a WARC record, codes to the events of its
plain text: the readers keep the headline, the dateline and the paragraphs the coder needs."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.pipeline import code_document
from rasd.read import FieldMap, read_bytes
from rasd.records import Document

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.txt"))


def _events(doc: Document) -> set[tuple[str, str, str]]:
    return {(e.type, e.source, e.target) for e in code_document(doc).events}


def _read_one(data: bytes, name: str) -> Document:
    (doc,) = read_bytes(data, name, name, FieldMap())
    assert isinstance(doc, Document), doc
    return doc


@pytest.fixture(scope="module")
def warc_docs(markup) -> dict[str, Document]:
    """One WARC holding every example, read once."""
    texts = [p.read_text(encoding="utf-8").rstrip("\n") for p in EXAMPLES]
    pages = [(f"https://news.example/{p.stem}", markup.page(t).encode()) for p, t in zip(EXAMPLES, texts, strict=True)]
    docs = list(read_bytes(markup.warc(pages), "examples.warc.gz", "examples.warc.gz", FieldMap()))
    assert all(isinstance(d, Document) for d in docs)
    return {str(d.url).rsplit("/", 1)[-1]: d for d in docs if isinstance(d, Document)}


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_equivalence_formats_code_like_plain_text(markup, warc_docs, path):
    text = path.read_text(encoding="utf-8").rstrip("\n")
    expected = _events(Document(id=path.stem, text=text))
    read = {
        "html": _read_one(markup.page(text).encode(), f"{path.stem}.html"),
        "rss": _read_one(markup.rss([(path.stem, text, "Thu, 16 May 2024 08:00:00 GMT")]).encode(), "f.rss"),
        "atom": _read_one(markup.atom([(path.stem, text, "2024-05-16T08:00:00Z")]).encode(), "f.atom"),
        "warc": warc_docs[path.stem],
    }
    for kind, doc in read.items():
        assert _events(doc) == expected, kind
