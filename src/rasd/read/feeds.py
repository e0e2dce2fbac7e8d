"""RSS 2.0, RSS 1.0 and Atom feeds to Documents, one per item, via feedparser.

An item's text is its full content when the feed carries it, else its summary, with the markup
removed and paragraphs kept; its title leads the text, as a wire story's headline does. The published
date comes from the item's own stamp only: feedparser's parse when it managed one, else rasd's date
layer on the raw string (Arabic pubDates such as «الخميس 16 مايو 2024»), else none.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import re
from collections.abc import Iterator
from typing import Any

import feedparser

from rasd.errors import EmptyError, MarkupError, RasdError
from rasd.read.common import date_of_stamp, problem
from rasd.read.decode import decode
from rasd.read.html import fragment_text
from rasd.records import Document, Problem

_XML_DECL = re.compile(rb"^\s*<\?xml[^>]*\?>")


def _utf8_feed(data: bytes, item: str) -> tuple[bytes, tuple[str, ...]]:
    """The feed re-encoded as UTF-8 with a matching declaration, so CP-1256 feeds that declare
    nothing (or the wrong thing) reach feedparser as the text rasd decoded."""
    decoded = decode(data, item)
    body = _XML_DECL.sub(b"", decoded.text.encode("utf-8"), count=1)
    return b'<?xml version="1.0" encoding="utf-8"?>' + body, decoded.flags


def _struct_date(value: Any) -> str | None:
    """ISO day of a feedparser time tuple (always UTC), or None."""
    try:
        return dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC).date().isoformat()
    except (TypeError, ValueError, OverflowError):
        return None


def _published(entry: Any) -> str | None:
    # dict.get, not entry.get: feedparser's own get maps keys to one another and warns about it.
    for parsed, raw in (("published_parsed", "published"), ("updated_parsed", "updated")):
        date = _struct_date(dict.get(entry, parsed)) or date_of_stamp(dict.get(entry, raw))
        if date is not None:
            return date
    return None


def _body(entry: Any) -> str:
    """Full content when present (the longest part), else the summary, as plain text."""
    parts = [c.get("value", "") for c in entry.get("content") or [] if isinstance(c, dict)]
    markup = max(parts, key=len) if parts and any(p.strip() for p in parts) else entry.get("summary", "")
    return fragment_text(markup or "")


def _entry_document(entry: Any, n: int, name: str, flags: tuple[str, ...]) -> Document:
    item_id = str(entry.get("id") or entry.get("link") or f"{name}#{n}")
    origin = f"{name}#{n}"
    title = fragment_text(entry.get("title") or "") or None
    body = _body(entry)
    if not body:
        raise EmptyError(f"feed item {item_id} has no content or summary", item=origin)
    text = body if not title or title in body.split("\n", 1)[0] else f"{title}\n{body}"
    return Document(
        id=item_id,
        text=text,
        url=entry.get("link") or None,
        title=title,
        published=_published(entry),
        origin=origin,
        flags=flags,
    )


def read_feed(data: bytes, name: str, source: str) -> Iterator[Document | Problem]:
    """One Document per feed item; a bad item is a Problem and the other items go on."""
    try:
        payload, flags = _utf8_feed(data, name)
    except RasdError as exc:
        yield problem(source, exc)
        return
    # A stream, never bytes or str: feedparser treats those as a URL or a path when they look like one.
    parsed = feedparser.parse(io.BytesIO(payload), sanitize_html=False, resolve_relative_uris=False)
    entries = list(parsed.get("entries") or [])
    if not entries:
        fault = parsed.get("bozo_exception")
        detail = f" ({fault})" if fault else ""
        reason = f"a feed with no readable items{detail}; check that the file is a whole RSS or Atom feed"
        yield problem(source, MarkupError(reason, item=name))
        return
    for n, entry in enumerate(entries):
        try:
            yield _entry_document(entry, n, name, flags)
        except EmptyError as exc:
            yield problem(source, exc)
