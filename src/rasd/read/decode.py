"""Bytes to text. Ordered fallbacks, each saying who answered: BOM, UTF-8, UTF-16, CP-1256."""

from __future__ import annotations

import codecs

from rasd.errors import DecodeError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: every other byte is NUL for Latin text, or 0x06 for Arabic."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    if odd.count(0) + odd.count(6) > 0.6 * len(odd):
        return "utf-16-le"
    if even.count(0) + even.count(6) > 0.6 * len(even):
        return "utf-16-be"
    return None


def _readable(text: str) -> bool:
    """Text, not bytes that happen to decode: printable, with Arabic or Latin letters."""
    if not text:
        return False
    printable = sum(1 for c in text if c.isprintable() or c.isspace())
    letters = sum(1 for c in text if c.isascii() and c.isalpha() or "\u0600" <= c <= "\u06ff")
    return printable / len(text) > 0.95 and letters / len(text) > 0.3


def decode_bytes(data: bytes, item: str) -> tuple[str, str]:
    """Return (text, encoding used). Raises DecodeError naming ``item`` when nothing fits."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {enc} byte-order mark but does not decode: {exc}", item=item) from exc
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            text = data.decode(utf16)
            if _readable(text):
                return text, utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise DecodeError("binary data (NUL bytes), not a text document", item=item)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError as exc:
        raise DecodeError("not UTF-8, UTF-16 or CP-1256 text; pass the file as UTF-8", item=item) from exc
    arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff")
    letters = sum(1 for c in text if c.isalpha()) or 1
    if arabic / letters < 0.5:
        raise DecodeError("not UTF-8, and as CP-1256 it is not Arabic text; pass the file as UTF-8", item=item)
    return text, "cp1256"
