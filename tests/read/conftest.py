"""Fixture builders for the reader tests: pages, feeds and archives written here, around given text."""

from __future__ import annotations

import html
import io
from collections.abc import Iterable

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rasd.records import Document, Problem


class Markup:
    """Builders that wrap a story (headline on the first line, one paragraph per line) in markup."""

    @staticmethod
    def split(text: str) -> tuple[str, list[str]]:
        headline, *rest = text.split("\n")
        return headline, [line for line in rest if line.strip()]

    @staticmethod
    def page(text: str, head: str = "", charset: str = "utf-8") -> str:
        headline, paragraphs = Markup.split(text)
        body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        return (
            f'<!DOCTYPE html>\n<html lang="ar" dir="rtl"><head><meta charset="{charset}">'
            f"<title>{html.escape(headline)} | وكالة الأنباء</title>{head}</head>"
            '<body><nav><a href="/">الرئيسية</a> <a href="/world">العالم</a></nav>'
            f"<article><h1>{html.escape(headline)}</h1>\n{body}</article>"
            "<footer>جميع الحقوق محفوظة</footer><script>var x = 1;</script></body></html>"
        )

    @staticmethod
    def rss(items: Iterable[tuple[str, str, str]]) -> str:
        """RSS 2.0 with content:encoded; items are (id, text, pubDate)."""
        out = []
        for item_id, text, pub in items:
            headline, paragraphs = Markup.split(text)
            body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
            out.append(
                f"<item><title>{html.escape(headline)}</title><link>https://news.example/{item_id}</link>"
                f"<guid>{item_id}</guid><pubDate>{pub}</pubDate>"
                f"<content:encoded><![CDATA[{body}]]></content:encoded></item>"
            )
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>أخبار</title>'
            f"<link>https://news.example/</link>{''.join(out)}</channel></rss>"
        )

    @staticmethod
    def atom(entries: Iterable[tuple[str, str, str]]) -> str:
        """Atom with escaped HTML content; entries are (id, text, updated)."""
        out = []
        for entry_id, text, updated in entries:
            headline, paragraphs = Markup.split(text)
            body = html.escape("".join(f"<p>{html.escape(p)}</p>" for p in paragraphs))
            out.append(
                f"<entry><title>{html.escape(headline)}</title><id>{entry_id}</id>"
                f'<link href="https://news.example/{entry_id}"/><updated>{updated}</updated>'
                f'<content type="html">{body}</content></entry>'
            )
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>أخبار</title><id>urn:news</id><updated>2024-05-16T00:00:00Z</updated>{''.join(out)}</feed>"
        )

    @staticmethod
    def warc(pages: Iterable[tuple[str, bytes]], gzip: bool = True, content_type: str = "text/html") -> bytes:
        """A WARC with a request and a response record per (url, body)."""
        buf = io.BytesIO()
        writer = WARCWriter(buf, gzip=gzip)
        for url, body in pages:
            request = b"GET / HTTP/1.1\r\nHost: news.example\r\n\r\n"
            writer.write_record(
                writer.create_warc_record(
                    url, "request", payload=io.BytesIO(request), warc_content_type="application/http; msgtype=request"
                )
            )
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            )
        return buf.getvalue()


@pytest.fixture(scope="session")
def markup() -> type[Markup]:
    return Markup


def split_items(items: Iterable[Document | Problem]) -> tuple[list[Document], list[Problem]]:
    items = list(items)
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Problem)]


@pytest.fixture
def split() -> object:
    return split_items
