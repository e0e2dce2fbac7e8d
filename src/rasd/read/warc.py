"""WARC and ARC archives (Common Crawl, Internet Archive), gzipped or not, to Documents via warcio.

Only HTTP responses (and stored resources) holding HTML are news pages; requests, metadata, images
and revisits are skipped without a Problem, as they are not documents. Each page goes through the
HTML reader with the HTTP header's charset; its id is the WARC-Record-ID (an ARC page's, which has
none, is its URI), its URL the target URI unless the page names a canonical one. A truncated or
corrupt archive keeps the pages read before the break and adds one Problem naming the byte offset
and how many records were read.
"""

from __future__ import annotations

import contextlib
import io
import logging
import zlib
from collections.abc import Iterator
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from rasd.errors import ArchiveError, RasdError
from rasd.read.common import problem
from rasd.read.html import html_document
from rasd.records import Document, Problem

log = logging.getLogger(__name__)

ARCHIVE_MAGIC = (b"WARC/1.", b"WARC/0.", b"filedesc://")
PAGE_RECORDS = ("response", "resource")
HTML_TYPES = ("text/html", "application/xhtml+xml")
# What warcio raises on malformed archives: its own errors, and plain ones from its parsers
# (a garbled header line gives AttributeError or IndexError; a broken gzip member zlib.error).
_ARCHIVE_FAULTS = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    UnicodeError,
    AttributeError,
    IndexError,
    KeyError,
    TypeError,
)


def _content_type(record: Any) -> str:
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    if headers is None:
        return ""
    return str(headers.get_header("Content-Type") or "").lower()


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _is_page(record: Any) -> bool:
    return record.rec_type in PAGE_RECORDS and _content_type(record).startswith(HTML_TYPES)


def _page(record: Any, name: str, source: str, body: bytes, arc: bool) -> Document | Problem:
    """The page in one record. ARC records have no id, and warcio's arc2warc invents a random one;
    ids must be stable, so an ARC page's id is its URI."""
    uri = record.rec_headers.get_header("WARC-Target-URI")
    record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>") if not arc else ""
    item = f"{name}!{record_id or uri}"
    try:
        return html_document(body, item, record_id or uri or item, url=uri, declared=_charset(_content_type(record)))
    except RasdError as exc:
        return problem(source, exc)


def archive_head(data: bytes) -> bytes:
    """The first bytes of an archive, gunzipped when it is gzipped (each record its own member)."""
    if not data.startswith(b"\x1f\x8b"):
        return data[:64]
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:65536], 64)
    except zlib.error:
        return b""


def is_archive(data: bytes) -> bool:
    """A WARC or ARC archive, gzipped or not, by its first record's header."""
    return archive_head(data).lstrip(b"\r\n").startswith(ARCHIVE_MAGIC)


def _records(data: bytes, name: str, source: str) -> Iterator[Document | Problem]:
    arc = archive_head(data).lstrip(b"\r\n").startswith(b"filedesc://")
    stream = io.BytesIO(data)
    archive = ArchiveIterator(stream, arc2warc=True)
    read = 0
    offset = 0
    try:
        for record in archive:
            body = record.content_stream().read() if _is_page(record) else b""
            offset = archive.get_record_offset()  # reads the record to its end: after the body, never before
            truncated = bool(record.raw_stream.limit)  # the record promised more bytes than the file holds
            if truncated:
                break
            read += 1
            if body:
                yield _page(record, name, source, body, arc)
        else:
            offset = archive.offset
            if offset >= len(data):
                return
    except _ARCHIVE_FAULTS as exc:
        log.debug("%s: archive fault at %d: %r", name, offset, exc)
    if read == 0 and offset == 0:
        reason = "not a readable WARC/ARC archive (no valid record at byte 0); check that the download is complete"
    else:
        reason = (
            f"WARC/ARC archive truncated or corrupt at byte {offset} after {read} records; "
            "the pages before it were read; fetch the file again or check it with `warcio check`"
        )
    yield problem(source, ArchiveError(reason, item=name))


def read_warc(data: bytes, name: str, source: str) -> Iterator[Document | Problem]:
    """Every HTML page in a WARC or ARC archive; a break in the archive is one Problem at the end."""
    # warcio writes warnings about malformed records to stderr; the library never prints, so log them.
    noise = io.StringIO()
    with contextlib.redirect_stderr(noise):
        items = list(_records(data, name, source))
    if noise.getvalue():
        log.info("%s: %s", name, noise.getvalue().strip())
    yield from items
