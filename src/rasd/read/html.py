"""HTML pages to Documents: main text via trafilatura, paragraphs kept, metadata only from the page.

Paragraph breaks matter downstream: sentence splitting and dateline detection read lines, so the text
keeps one paragraph per line. The headline (``<h1>``, else ``<title>``) leads the text when the
extractor dropped it, as it leads a wire story. ``published`` comes only from publication meta tags or
a date in the URL: trafilatura's own date is a guess (with Arabic-only dates it answers 2024-01-01).
"""

from __future__ import annotations

import logging
import re
from configparser import ConfigParser
from functools import cache

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import use_config

from rasd.dates import date_from_url
from rasd.errors import EmptyError, MarkupError
from rasd.read.common import date_of_stamp
from rasd.read.decode import decode
from rasd.records import Document

log = logging.getLogger(__name__)

# Publication stamps, best first; matched against a meta tag's property, name or itemprop.
DATE_META = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "dc.date.issued",
    "dcterms.issued",
    "date",
    "dc.date",
)
URL_META = ("og:url",)
_BLOCKS = frozenset(
    ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "tr", "blockquote", "pre", "section")
    + ("article", "header", "footer", "aside", "figcaption", "table", "ul", "ol", "dl", "address", "main")
    + ("nav", "br", "hr")
)
_SKIP = ("script", "style", "noscript", "template", "head")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")


def declared_charset(data: bytes) -> str | None:
    """The charset a ``<meta>`` tag names in the first 4 KB, if any."""
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _clean_lines(text: str) -> str:
    """One paragraph per line, inner whitespace collapsed, blank lines dropped."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _plain_text(root: lxml.html.HtmlElement) -> str:
    """Every text node in document order, with a line break around each block element.

    The fallback when trafilatura finds no main text, and the reader for feed item bodies."""
    for bad in list(root.iter(*_SKIP)):
        if bad is not root and bad.getparent() is not None:
            bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
    return _clean_lines(root.text_content())


def fragment_text(markup: str) -> str:
    """Text of an HTML fragment (a feed item's body), paragraphs on their own lines."""
    if not markup.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(_XML_DECL.sub("", markup.replace("\x00", "")), create_parent="div")
    except (etree.ParserError, ValueError):
        return _clean_lines(markup)
    return _plain_text(root)


def _parse(markup: str, item: str) -> tuple[lxml.html.HtmlElement, bool]:
    """The page tree, and whether libxml2 stopped at its nesting limit (256 levels)."""
    parser = lxml.html.HTMLParser()
    try:
        root = lxml.html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise MarkupError(f"not readable as HTML ({exc}); check that the file is a web page", item=item) from exc
    too_deep = any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)
    return root, too_deep


def _meta(root: lxml.html.HtmlElement, keys: tuple[str, ...]) -> list[str]:
    """Values of the meta tags (or itemprop elements) named ``keys``, in the order of ``keys``."""
    found: dict[str, str] = {}
    for el in root.iter("meta", "time", "span", "link"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = el.get("content") or el.get("datetime")
        if key in keys and value and key not in found:
            found[key] = value.strip()
    return [found[k] for k in keys if k in found]


def _text_of(root: lxml.html.HtmlElement, path: str) -> str | None:
    for el in root.iter(path):
        text = _SPACES.sub(" ", el.text_content()).strip()
        if text:
            return text
    return None


def _canonical(root: lxml.html.HtmlElement) -> str | None:
    for el in root.iter("link"):
        if (el.get("rel") or "").strip().lower() == "canonical" and el.get("href"):
            return str(el.get("href")).strip()
    urls = _meta(root, URL_META)
    return urls[0] if urls else None


def _published(root: lxml.html.HtmlElement, url: str | None) -> str | None:
    """First valid publication stamp in the meta tags, else a date in the URL; never a guess."""
    for raw in _meta(root, DATE_META):
        date = date_of_stamp(raw)
        if date is not None:
            return date
    return date_from_url(url)


@cache
def _config() -> ConfigParser:
    """trafilatura's settings with its minimum sizes lowered: below 250 characters it falls back to
    a baseline that keeps the menus, and a two-line news brief is still a story."""
    config = use_config()
    for key in ("MIN_EXTRACTED_SIZE", "MIN_OUTPUT_SIZE", "MIN_EXTRACTED_COMM_SIZE", "MIN_OUTPUT_COMM_SIZE"):
        config.set("DEFAULT", key, "1")
    return config


def _main_text(markup: str, item: str) -> str:
    """trafilatura's main text with recall favoured, so no paragraph of the story is dropped."""
    try:
        text = trafilatura.extract(
            markup,
            config=_config(),
            favor_recall=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            deduplicate=False,
            with_metadata=False,
        )
    except RecursionError:
        log.info("%s: trafilatura hit the recursion limit; using the plain text", item)
        return ""
    return _clean_lines(text or "")


def _with_headline(text: str, headline: str | None) -> str:
    """Put the headline first when the extractor dropped it, as a wire story starts."""
    if not headline or not text:
        return text  # a headline alone is not a story
    head = " ".join(text.split("\n", 2)[:2])
    return text if headline in head else f"{headline}\n{text}"


def html_document(
    data: bytes, item: str, doc_id: str, *, url: str | None = None, declared: str | None = None
) -> Document:
    """One Document from one HTML page. ``url`` is where it was fetched (a WARC's target URI), used
    when the page names no canonical URL; ``declared`` is an HTTP header's charset.

    Raises DecodeError, MarkupError or EmptyError naming ``item``."""
    decoded = decode(data, item, declared or declared_charset(data))
    markup = _XML_DECL.sub("", decoded.text)
    try:
        root, too_deep = _parse(markup, item)
        page_url = _canonical(root) or url
        headline = _text_of(root, "h1") or _text_of(root, "title")
        published = _published(root, page_url) or date_from_url(url)
        text = _main_text(markup, item) or _plain_text(root)
    except RecursionError as exc:
        reason = "HTML nested too deeply to read; extract its text with another tool first"
        raise MarkupError(reason, item=item) from exc
    text = _with_headline(text, headline)
    if not any(c.isalpha() for c in text):  # «<>» left by broken markup is not a story
        if too_deep:
            raise MarkupError(
                "HTML nested deeper than 256 elements and no text was found above that depth; "
                "extract its text with another tool first",
                item=item,
            )
        raise EmptyError("the HTML page has no text", item=item)
    return Document(
        id=doc_id,
        text=text,
        url=page_url,
        title=headline,
        published=published,
        origin=item,
        flags=decoded.flags,
    )
