"""Sources to Documents: text files, folders, JSONL, JSON arrays, zip archives and stdin.

Nothing here is Arabic-specific. Each input yields ``Document`` or ``Problem`` items in a stable
order; a broken item becomes a Problem naming it and the batch goes on.
"""

from __future__ import annotations

import hashlib
import json
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from rasd.errors import EmptyError, InputError, ItemError, RasdError
from rasd.read.decode import decode_bytes
from rasd.records import Document, Problem

TEXT_SUFFIXES = (".txt", ".text")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
JSON_SUFFIXES = (".json",)


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Which JSON fields hold the text, the id and the metadata of a document."""

    text: str = "text"
    id: str = "id"
    url: str = "url"
    title: str = "title"
    published: str = "published"
    source: str = "source"


def text_id(text: str) -> str:
    """Stable id for a document without one: a hash of its text."""
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


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
    doc_id = _as_str(obj.get(fields.id)) or text_id(text)
    return Document(
        id=doc_id,
        text=text,
        url=_as_str(obj.get(fields.url)),
        title=_as_str(obj.get(fields.title)),
        published=_as_str(obj.get(fields.published)),
        source=_as_str(obj.get(fields.source)),
        origin=origin,
    )


def _problem(source: str, exc: RasdError) -> Problem:
    return Problem(source=source, item=exc.item, code=exc.code, reason=exc.message)


def _read_text(data: bytes, name: str, source: str, doc_id: str) -> Iterator[Document | Problem]:
    try:
        text, _enc = decode_bytes(data, name)
        if not text.strip():
            raise EmptyError("the file is empty", item=name)
    except RasdError as exc:
        yield _problem(source, exc)
        return
    yield Document(id=doc_id, text=text, origin=name)


def _read_jsonl(data: bytes, name: str, source: str, fields: FieldMap) -> Iterator[Document | Problem]:
    try:
        text, _enc = decode_bytes(data, name)
    except RasdError as exc:
        yield _problem(source, exc)
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
        except RasdError as exc:
            yield _problem(source, exc)


def _read_json(data: bytes, name: str, source: str, fields: FieldMap) -> Iterator[Document | Problem]:
    try:
        text, _enc = decode_bytes(data, name)
        payload = json.loads(text)
    except RasdError as exc:
        yield _problem(source, exc)
        return
    except json.JSONDecodeError as exc:
        yield Problem(source, name, ItemError.code, f"not JSON: {exc.msg} at line {exc.lineno}")
        return
    items = payload if isinstance(payload, list) else [payload]
    for n, obj in enumerate(items):
        try:
            yield document_from_obj(obj, fields, f"{name}[{n}]")
        except RasdError as exc:
            yield _problem(source, exc)


def _sniff(data: bytes, name: str) -> str:
    """Format from the name, else from the first bytes."""
    lower = name.lower()
    if lower.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if lower.endswith(JSON_SUFFIXES):
        return "json"
    if lower.endswith(".zip") or data[:4] == b"PK\x03\x04":
        return "zip"
    if lower.endswith(TEXT_SUFFIXES):
        return "text"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"{"):
        first = head.split(b"\n", 1)[0].strip()
        return "jsonl" if first.endswith(b"}") else "json"
    return "text"


def read_bytes(
    data: bytes, name: str, source: str, fields: FieldMap, doc_id: str | None = None
) -> Iterator[Document | Problem]:
    """Documents in one blob of bytes called ``name`` (a file or an archive member); ``doc_id`` is the
    id a plain-text file gets (its path without suffix), else its name's stem."""
    kind = _sniff(data, name)
    if kind == "jsonl":
        yield from _read_jsonl(data, name, source, fields)
    elif kind == "json":
        yield from _read_json(data, name, source, fields)
    elif kind == "zip":
        yield from _read_zip(data, name, source, fields)
    else:
        yield from _read_text(data, name, source, doc_id or Path(name.split("!")[-1]).stem or text_id(name))


def _read_zip(data: bytes, name: str, source: str, fields: FieldMap) -> Iterator[Document | Problem]:
    import io

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = sorted(i.filename for i in archive.infolist() if not i.is_dir())
    except (zipfile.BadZipFile, OSError) as exc:
        yield Problem(source, name, "R104", f"broken zip archive: {exc}")
        return
    for member in members:
        try:
            blob = archive.read(member)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            yield Problem(source, f"{name}!{member}", "R104", f"cannot read archive member: {exc}")
            continue
        yield from read_bytes(blob, f"{name}!{member}", source, fields)


DOCUMENT_SUFFIXES = TEXT_SUFFIXES + JSONL_SUFFIXES + JSON_SUFFIXES + (".zip",)


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


def read_inputs(paths: list[str], fields: FieldMap | None = None) -> Iterator[Document | Problem]:
    fields = fields or FieldMap()
    for path in paths:
        yield from read_path(path, fields)
