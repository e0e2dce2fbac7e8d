"""Sources to Documents: text, HTML, RSS/Atom, WARC/ARC, JSONL, JSON, gzip and zip, from files,
folders, glob patterns and stdin (docs/inputs.md).

Nothing here is Arabic-specific. Each input yields ``Document`` or ``Problem`` items in a stable
order; a broken item becomes a Problem naming it and the batch goes on. The format comes from the
content first (magic bytes, markup) and the file name second, since saved pages and dumps are often
misnamed.
"""

from __future__ import annotations

import glob
import io
import json
import sys
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from rasd.errors import ArchiveError, EmptyError, InputError, ItemError, RasdError
from rasd.read.common import problem, text_id
from rasd.read.decode import REPAIRED, decode, repair_mojibake
from rasd.read.feeds import read_feed
from rasd.read.html import html_document
from rasd.read.warc import ARCHIVE_MAGIC, is_archive, read_warc
from rasd.records import Document, Problem

TEXT_SUFFIXES = (".txt", ".text")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
JSON_SUFFIXES = (".json",)
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
WARC_SUFFIXES = (".warc", ".arc")
GZIP_MAGIC = b"\x1f\x8b"
ZIP_MAGIC = b"PK\x03\x04"
GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Which JSON fields hold the text, the id and the metadata of a document."""

    text: str = "text"
    id: str = "id"
    url: str = "url"
    title: str = "title"
    published: str = "published"
    source: str = "source"


def _as_str(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return str(value)


def document_from_obj(obj: Any, fields: FieldMap, origin: str) -> Document:
    """Build a Document from one JSON object, or raise ItemError naming what is wrong."""
    if not isinstance(obj, dict):
        raise ItemError(f"expected a JSON object, got {type(obj).__name__}", item=origin)
    text = obj.get(fields.text)
    if not isinstance(text, str):
        raise ItemError(f"no string field {fields.text!r}; use --text-field to name it", item=origin)
    if not text.strip():
        raise EmptyError("the document text is empty", item=origin)
    repaired = repair_mojibake(text)  # JSON escapes (\u00d8) hide mojibake from the byte decoder
    flags: tuple[str, ...] = ()
    if repaired is not None:
        text, flags = repaired, (REPAIRED,)
    doc_id = _as_str(obj.get(fields.id)) or text_id(text)
    return Document(
        id=doc_id,
        text=text,
        url=_as_str(obj.get(fields.url)),
        title=_as_str(obj.get(fields.title)),
        published=_as_str(obj.get(fields.published)),
        source=_as_str(obj.get(fields.source)),
        origin=origin,
        flags=flags,
    )


def _read_text(data: bytes, name: str, source: str, doc_id: str) -> Iterator[Document | Problem]:
    try:
        decoded = decode(data, name)
        if not decoded.text.strip():
            raise EmptyError("the file is empty", item=name)
    except RasdError as exc:
        yield problem(source, exc)
        return
    yield Document(id=doc_id, text=decoded.text, origin=name, flags=decoded.flags)


def _read_html(data: bytes, name: str, source: str, doc_id: str) -> Iterator[Document | Problem]:
    try:
        yield html_document(data, name, doc_id)
    except RasdError as exc:
        yield problem(source, exc)


def _read_jsonl(data: bytes, name: str, source: str, fields: FieldMap) -> Iterator[Document | Problem]:
    try:
        text = decode(data, name).text
    except RasdError as exc:
        yield problem(source, exc)
        return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        origin = f"{name}:{n}"
        try:
            obj = json.loads(line)
            yield document_from_obj(obj, fields, origin)
        except json.JSONDecodeError as exc:
            yield Problem(source, origin, ItemError.code, f"not JSON: {exc.msg} at column {exc.colno}")
        except RecursionError:
            yield Problem(source, origin, ItemError.code, "JSON nested too deeply to read; flatten the record")
        except RasdError as exc:
            yield problem(source, exc)


def _read_json(data: bytes, name: str, source: str, fields: FieldMap) -> Iterator[Document | Problem]:
    try:
        payload = json.loads(decode(data, name).text)
    except RasdError as exc:
        yield problem(source, exc)
        return
    except RecursionError:
        yield Problem(source, name, ItemError.code, "JSON nested too deeply to read; flatten the file")
        return
    except json.JSONDecodeError as exc:
        yield Problem(source, name, ItemError.code, f"not JSON: {exc.msg} at line {exc.lineno}")
        return
    items = payload if isinstance(payload, list) else [payload]
    for n, obj in enumerate(items):
        try:
            yield document_from_obj(obj, fields, f"{name}[{n}]")
        except RasdError as exc:
            yield problem(source, exc)


def _markup_kind(head: bytes) -> str | None:
    """html or feed when the first bytes are markup that says which, else None."""
    if not head.startswith(b"<"):
        return None
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head or b"<body" in head:
        return "html"
    return None


def _by_name(lower: str) -> str | None:
    for kind, suffixes in (
        ("jsonl", JSONL_SUFFIXES),
        ("json", JSON_SUFFIXES),
        ("html", HTML_SUFFIXES),
        ("feed", FEED_SUFFIXES),
        ("warc", WARC_SUFFIXES),
        ("zip", (".zip",)),
        ("text", TEXT_SUFFIXES),
    ):
        if lower.endswith(suffixes):
            return kind
    return None


def _sniff(data: bytes, name: str) -> str:
    """Format from the content when it says (magic bytes, WARC header, markup), else from the name,
    else from the first character (JSON), else text."""
    if data.startswith(GZIP_MAGIC):
        return "gzip"
    if data.startswith(ZIP_MAGIC):
        return "zip"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(ARCHIVE_MAGIC):
        return "warc"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16: sniff the markup without its NULs
        head = head.replace(b"\x00", b"").lstrip(b"\xff\xfe \t\r\n")
    markup = _markup_kind(head.lower())
    if markup:
        return markup
    named = _by_name(name.lower())
    if named:
        return named
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"{"):
        first = head.split(b"\n", 1)[0].strip()
        return "jsonl" if first.endswith(b"}") else "json"
    return "text"


def _inner_name(name: str) -> str:
    """The name of what a gzip file holds: ``day.jsonl.gz`` holds ``day.jsonl``."""
    return name[:-3] if name.lower().endswith(".gz") else name


def _inner_id(doc_id: str | None) -> str | None:
    """``a.txt.gz`` in a folder has the id ``a.txt`` from its path; the id is ``a``, as for ``a.txt``."""
    if doc_id and doc_id.lower().endswith(TEXT_SUFFIXES + HTML_SUFFIXES):
        return str(Path(doc_id).with_suffix(""))
    return doc_id


def _read_gzip(
    data: bytes, name: str, source: str, fields: FieldMap, doc_id: str | None
) -> Iterator[Document | Problem]:
    if is_archive(data):  # read record by record (each is its own gzip member), not gunzipped whole
        yield from read_warc(data, name, source)
        return
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        inner = inflater.decompress(data)
        while inflater.unused_data.startswith(GZIP_MAGIC):  # concatenated members, as gzip -c a b > c
            rest = inflater.unused_data
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            inner += inflater.decompress(rest)
    except zlib.error as exc:
        yield problem(source, ArchiveError(f"broken gzip data ({exc}); fetch the file again", item=name))
        return
    if not inflater.eof:
        yield problem(
            source,
            ArchiveError(
                f"gzip file truncated after {len(inner)} uncompressed bytes; fetch the file again or "
                "gunzip what is there (zcat) and pass the result",
                item=name,
            ),
        )
        return
    yield from read_bytes(inner, _inner_name(name), source, fields, _inner_id(doc_id))


def read_bytes(
    data: bytes, name: str, source: str, fields: FieldMap, doc_id: str | None = None
) -> Iterator[Document | Problem]:
    """Documents in one blob of bytes called ``name`` (a file or an archive member); ``doc_id`` is the
    id a plain-text file gets (its path without suffix), else its name's stem."""
    if not data.strip():
        # An empty JSONL file is a valid stream of no documents (a day without news); anything else
        # empty is a file that was meant to hold one and does not.
        if not name.lower().endswith(JSONL_SUFFIXES):
            yield problem(source, EmptyError("the file is empty", item=name))
        return
    kind = _sniff(data, name)
    stem = doc_id or Path(name.split("!")[-1]).stem or text_id(name)
    if kind == "gzip":
        yield from _read_gzip(data, name, source, fields, doc_id)
    elif kind == "warc":
        yield from read_warc(data, name, source)
    elif kind == "feed":
        yield from read_feed(data, name, source)
    elif kind == "html":
        yield from _read_html(data, name, source, stem)
    elif kind == "jsonl":
        yield from _read_jsonl(data, name, source, fields)
    elif kind == "json":
        yield from _read_json(data, name, source, fields)
    elif kind == "zip":
        yield from _read_zip(data, name, source, fields)
    else:
        yield from _read_text(data, name, source, stem)


def _read_zip(data: bytes, name: str, source: str, fields: FieldMap) -> Iterator[Document | Problem]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = sorted(i.filename for i in archive.infolist() if not i.is_dir())
    except (zipfile.BadZipFile, OSError) as exc:
        yield Problem(source, name, ArchiveError.code, f"broken zip archive: {exc}; fetch the file again")
        return
    for member in members:
        try:
            blob = archive.read(member)
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError, RuntimeError) as exc:
            # RuntimeError: encrypted member; NotImplementedError: compression method zipfile lacks
            yield Problem(source, f"{name}!{member}", ArchiveError.code, f"cannot read archive member: {exc}")
            continue
        yield from read_bytes(blob, f"{name}!{member}", source, fields)


DOCUMENT_SUFFIXES = (
    TEXT_SUFFIXES + JSONL_SUFFIXES + JSON_SUFFIXES + HTML_SUFFIXES + FEED_SUFFIXES + WARC_SUFFIXES + (".zip", ".gz")
)


def _files_under(path: Path) -> list[Path]:
    """Documents in a folder, recursively: files with a document suffix (READMEs and the like are
    not news); a file named on the command line is read whatever its name."""
    return sorted(
        p
        for p in path.rglob("*")
        if p.is_file() and not p.name.startswith(".") and p.name.lower().endswith(DOCUMENT_SUFFIXES)
    )


def read_path(path: str, fields: FieldMap, stdin: BinaryIO | None = None) -> Iterator[Document | Problem]:
    """Every document under ``path`` ('-' is standard input), in a stable order."""
    if path == "-":
        stream = stdin or sys.stdin.buffer
        yield from read_bytes(stream.read(), "<stdin>", "<stdin>", fields)
        return
    p = Path(path)
    if not p.exists():
        yield Problem(path, None, InputError.code, "no such file or folder")
        return
    files = _files_under(p) if p.is_dir() else [p]
    for f in files:
        try:
            data = f.read_bytes()
        except OSError as exc:
            yield Problem(path, str(f), InputError.code, f"cannot read: {exc.strerror}")
            continue
        doc_id = str(f.relative_to(p).with_suffix("")) if p.is_dir() else f.stem
        yield from read_bytes(data, str(f), path, fields, doc_id)


def _expand(path: str) -> list[str] | None:
    """The files a glob pattern (``examples/*.txt``, ``dumps/**/*.warc.gz``) matches, sorted; None when
    ``path`` is not a pattern or names an existing file whose name merely contains ``*?[``."""
    if not GLOB_CHARS & set(path) or Path(path).exists():
        return None
    return sorted(p for p in glob.glob(path, recursive=True) if Path(p).is_file())


def read_inputs(paths: list[str], fields: FieldMap | None = None) -> Iterator[Document | Problem]:
    """Every document in ``paths``: files, folders, glob patterns or '-' for standard input."""
    fields = fields or FieldMap()
    for path in paths:
        matches = _expand(path)
        if matches is None:
            yield from read_path(path, fields)
        elif not matches:
            yield Problem(path, None, InputError.code, "no file matches this pattern; check the path and quoting")
        else:
            for match in matches:
                yield from read_path(match, fields)
