"""Coded errors: each names the item it concerns and says what to try next.

Codes: R1xx reading and decoding, L2xx lexicons, C3xx coding, Q4xx queries, S5xx the store. The batch
runner turns them into ``Problem`` records; the CLI prints ``Error: CODE message``.
"""

from __future__ import annotations


class RasdError(Exception):
    code = "E000"

    def __init__(self, message: str, *, item: str | None = None) -> None:
        super().__init__(message)
        self.item = item
        self.message = message

    def __str__(self) -> str:
        where = f" [{self.item}]" if self.item else ""
        return f"{self.code}{where}: {self.message}"


class InputError(RasdError):
    """The input path or stream itself is unusable (missing file, unknown format)."""

    code = "R100"


class ItemError(RasdError):
    """One record inside an input is malformed (bad JSON line, missing text field)."""

    code = "R101"


class DecodeError(RasdError):
    """Bytes that are not text in any encoding rasd knows."""

    code = "R102"


class EmptyError(RasdError):
    """A document with no text."""

    code = "R103"


class ArchiveError(RasdError):
    """A zip, gzip or WARC/ARC archive that is broken or cut short; items read before the break are kept."""

    code = "R104"


class MarkupError(RasdError):
    """An HTML page or a feed that yields no readable text (broken, nested too deep, not a feed)."""

    code = "R105"


class LexiconError(RasdError):
    """A malformed lexicon row, reported as ``file.tsv:LINE:column: reason``."""

    code = "L200"


class StoreError(RasdError):
    """The store cannot be opened or written (missing database, locked by another process)."""

    code = "S500"


class QueryError(RasdError):
    """A query parameter or a ``rasd sql`` statement that rasd refuses; the message says what is allowed."""

    code = "Q400"
