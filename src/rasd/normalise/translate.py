"""str.translate for mostly unchanged text, at C speed.

``str.translate`` looks every character up in its table, one dict lookup per character: on Arabic text
that is most of a fold's cost. A fold changes few distinct characters per document (hamza forms, ة,
ى, harakat), so finding which of them occur (one regex pass) and replacing each with ``str.replace``
is several times faster and gives the same string, as long as no replacement holds a character the
table itself replaces (checked when the translator is built).
"""

from __future__ import annotations

import re
from collections.abc import Mapping


class Translator:
    """``Translator(table)(text) == text.translate(table)`` for a table of characters to strings or None."""

    def __init__(self, table: Mapping[int, str | None]) -> None:
        self._table = {chr(k): (v or "") for k, v in table.items()}
        clash = sorted({c for v in self._table.values() for c in v} & self._table.keys())
        if clash:
            raise ValueError(f"replacements hold characters the table replaces ({clash}): order would matter")
        self._keys = re.compile("[" + "".join(re.escape(c) for c in sorted(self._table)) + "]")

    def __call__(self, text: str) -> str:
        for char in set(self._keys.findall(text)):
            text = text.replace(char, self._table[char])
        return text
