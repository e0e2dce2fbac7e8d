"""rasd: Arabic news to political event data."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rasd.api import Store
    from rasd.settings import Settings

__version__ = "0.1.0"


def open(path: str | os.PathLike[str], settings: Settings | None = None) -> Store:  # noqa: A001
    """Open a rasd store read-only: ``rasd.open("rasd.duckdb").events(pair=("CHN", "AZE"))``.

    Imported on first use, so that ``import rasd`` (and ``rasd code``) does not load DuckDB.
    """
    from rasd.api import open as open_store
    from rasd.settings import DEFAULT_SETTINGS

    return open_store(path, settings or DEFAULT_SETTINGS)
