"""Bytes to text. Ordered fallbacks, each saying who answered:
BOM → UTF-16 → UTF-8 → declared charset, CP-1256 / ISO-8859-6 → mojibake repair → a DecodeError.

Mojibake is Arabic that was saved as UTF-8, read back as CP-1256 or Latin-1/CP-1252 and saved again
(«Ø§Ù„», «ط§ظ„» for «ال»). It is repaired word by word, so a page that mixes clean text and mojibake
is still repaired, and the document is flagged ``encoding-repaired`` so users can see it happened.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import cache, partial
from itertools import islice

from rasd.errors import DecodeError

REPAIRED = "encoding-repaired"

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SINGLE_BYTE = ("cp1256", "iso8859-6")  # on a tie the first wins: CP-1256 is far more common
_MOJIBAKE_CODECS = ("cp1252", "cp1256")  # cp1252 falls back to Latin-1 for its five undefined bytes


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text, the encoding that answered and the reader flags it earned."""

    text: str
    encoding: str
    flags: tuple[str, ...] = ()


def _is_arabic_letter(char: str) -> bool:
    return "\u0621" <= char <= "\u064a" or "\u0671" <= char <= "\u06d3"


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


def _single_byte_score(text: str) -> int:
    """How Arabic a single-byte decoding looks. The wrong one of CP-1256 and ISO-8859-6 turns common
    letters into accented Latin (ISO «و» is CP-1256 «è») or into stray harakat, so both cost."""
    arabic = sum(1 for c in text if _is_arabic_letter(c))
    latin = sum(1 for c in text if "\u00c0" <= c <= "\u00ff")
    harakat = sum(1 for c in text if "\u064b" <= c <= "\u0652")
    return arabic - 2 * latin - harakat


def _codec(name: str | None) -> str | None:
    try:
        return codecs.lookup(name).name if name else None
    except LookupError:
        return None


def _single_byte(data: bytes, item: str, declared: str | None) -> Decoded:
    """The best of the declared charset, CP-1256 and ISO-8859-6; a guess must give mostly Arabic.

    A declared charset is only a candidate: pages often declare Latin-1 while holding CP-1256."""
    best: tuple[int, str, str] | None = None
    for enc in dict.fromkeys(c for c in (_codec(declared), *_SINGLE_BYTE) if c):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _single_byte_score(text)
        if best is None or score > best[0]:
            best = (score, text, enc)
    if best is None:
        raise DecodeError(
            "not UTF-8, UTF-16, CP-1256 or ISO-8859-6 text; convert the file to UTF-8 (iconv -f ENCODING -t UTF-8)",
            item=item,
        )
    _score, text, enc = best
    if enc == _codec(declared):
        return Decoded(text, enc)
    # ASCII reads the same in every candidate (and markup is full of it): judge the rest only.
    arabic = sum(1 for c in text if _is_arabic_letter(c))
    letters = sum(1 for c in text if c.isalpha() and not c.isascii()) or 1
    if arabic / letters < 0.5:
        raise DecodeError(
            "not UTF-8, and as CP-1256 or ISO-8859-6 it is not Arabic text; convert the file to UTF-8",
            item=item,
        )
    return Decoded(text, enc)


@cache
def _probe(codec: str) -> re.Pattern[str]:
    """UTF-8 Arabic opens every letter with a byte D8–DB followed by one of 80–BF: read in ``codec``,
    that pair (with a non-Arabic second character, as «ط§» for ا) is a telltale clean text lacks, so texts
    without it are not looked at further."""
    table, _runs = _mojibake_table(codec)
    char_of = {byte: chr(code) for code, byte in table.items()}
    leads = "".join(re.escape(char_of[b]) for b in range(0xD8, 0xDC) if b in char_of)
    follow = "".join(
        re.escape(char_of[b])
        for b in range(0x80, 0xC0)
        # Arabic letters and punctuation among them («ط،» ends a clean word) would probe clean text
        if b in char_of and not "\u0600" <= char_of[b] <= "\u06ff" and char_of[b] not in "\u00a0\u200c\u200d"
    )
    # Look for the second character and check the one before it: the engine skips to the followers
    # faster than to the leads, whether these are Arabic letters common in clean text (CP-1256: ط ظ ع
    # غ) or rare ones (CP-1252: Ø Ù Ú Û; 9.6 → 5.3 µs a document on news text).
    return re.compile(f"[{follow}](?<=[{leads}][{follow}])")


@cache
def _mojibake_table(codec: str) -> tuple[dict[int, int], re.Pattern[str]]:
    """Character → byte for ``codec`` (undefined bytes map as Latin-1, as Windows tools do), and a
    pattern for runs of its non-ASCII characters: the words that may be mojibake."""
    table: dict[int, int] = {byte: byte for byte in range(0x80, 0xA0)}  # C1 controls: Latin-1's reading
    for byte in range(0x80, 0x100):
        char = bytes([byte]).decode(codec, errors="ignore") or chr(byte)
        table[ord(char)] = byte
    chars = "".join(re.escape(chr(c)) for c in sorted(table))
    return table, re.compile(f"[{chars}]{{2,}}")


@cache
def _pairs(codec: str) -> re.Pattern[str]:
    """A UTF-8 lead byte of an Arabic letter (D8–DB) followed by any continuation byte (80–BF), as read in
    ``codec``. A run that repairs to Arabic holds at least one such pair, and the lead and continuation
    characters are disjoint, so the number of pairs bounds the number of runs that repair to Arabic."""
    table, _runs = _mojibake_table(codec)
    leads = "".join(re.escape(chr(c)) for c, b in table.items() if 0xD8 <= b <= 0xDB)
    follow = "".join(re.escape(chr(c)) for c, b in table.items() if 0x80 <= b <= 0xBF)
    if all("\u0600" <= chr(c) <= "\u06ff" for c, b in table.items() if 0xD8 <= b <= 0xDB):
        return re.compile(f"[{follow}](?<=[{leads}][{follow}])")  # as in _probe: the rarer class first
    return re.compile(f"[{leads}][{follow}]")


def _may_be_mojibake(text: str, codec: str) -> bool:
    """False when ``text`` cannot pass repair_mojibake's tenth-of-runs test in ``codec``, told at C speed:
    clean Arabic read in CP-1256 is all runs, but few of them hold a lead/continuation pair."""
    if not _probe(codec).search(text):
        return False
    _table, runs = _mojibake_table(codec)
    # runs <= 10 × pairs, told by counting the runs only as far as one past that bound: clean text
    # that passes the probe («ع»» ends a quoted word) has few pairs and a run per word
    bound = len(_pairs(codec).findall(text)) * 10 + 1
    return sum(1 for _ in islice(runs.finditer(text), bound)) < bound


def _repair_run(run: str, table: dict[int, int]) -> str | None:
    """The UTF-8 text behind one run of mojibake, or None when its bytes are not UTF-8."""
    try:
        return bytes(table[ord(c)] for c in run).decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return None


def _fixed(fixes: dict[str, str], match: re.Match[str]) -> str:
    return fixes.get(match.group(), match.group())


def repair_mojibake(text: str) -> str | None:
    """``text`` with Arabic mojibake undone, or None when there was none to undo.

    A text is mojibake in a codec when a tenth of its runs are, read back, UTF-8 holding Arabic letters;
    then every run whose bytes are valid UTF-8 is repaired, so «آ«» becomes «» too. Clean Arabic
    never qualifies: in CP-1256 two Arabic letters in a row are not a valid UTF-8 sequence.
    """
    changed = False
    for codec in _MOJIBAKE_CODECS:
        if not _may_be_mojibake(text, codec):
            continue
        table, runs = _mojibake_table(codec)
        found = [m.group() for m in runs.finditer(text)]
        fixes = {run: fixed for run in set(found) if (fixed := _repair_run(run, table)) is not None}
        arabic = sum(1 for run in found if any(_is_arabic_letter(c) for c in fixes.get(run, "")))
        # In CP-1256 clean Arabic words are runs too; one stray «ط،» among them is not mojibake.
        if not arabic or arabic * 10 < len(found):
            continue
        text = runs.sub(partial(_fixed, fixes), text)
        changed = True
    return text if changed else None


def with_repair(decoded: Decoded) -> Decoded:
    """``decoded`` with any mojibake repaired and flagged."""
    repaired = repair_mojibake(decoded.text)
    if repaired is None:
        return decoded
    return Decoded(repaired, decoded.encoding, (*decoded.flags, REPAIRED))


def decode(data: bytes, item: str, declared: str | None = None) -> Decoded:
    """Decode ``data`` and repair mojibake. Raises DecodeError naming ``item`` when nothing fits.

    ``declared`` is the charset a page or HTTP header names; valid UTF-8 still wins over it, because
    a stale declaration is common and bytes that happen to be valid UTF-8 are not."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return with_repair(Decoded(data.decode(enc), enc))
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"starts with a {enc} byte-order mark but does not decode ({exc.reason} at byte {exc.start}); "
                    "the file may be cut short or mislabelled",
                    item=item,
                ) from exc
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            text = data.decode(utf16)
            if _readable(text):
                return with_repair(Decoded(text, utf16))
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise DecodeError(
            "binary data (NUL bytes), not a text document; pass text, HTML, feeds, WARCs or JSON", item=item
        )
    try:
        return with_repair(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    return with_repair(_single_byte(data, item, declared))


def decode_bytes(data: bytes, item: str) -> tuple[str, str]:
    """Return (text, encoding used). Raises DecodeError naming ``item`` when nothing fits."""
    decoded = decode(data, item)
    return decoded.text, decoded.encoding
