"""Helpers shared by the serve tests (kept out of conftest so that test modules can import them)."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

from rasd.settings import DEFAULT_SETTINGS

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
REPO = Path(__file__).resolve().parents[2]
# The tests make many requests from one address in a few seconds; the rate limit has its own tests.
RELAXED = dataclasses.replace(DEFAULT_SETTINGS, serve_rate_per_s=10_000.0, serve_rate_burst=100_000)


def file_sha1(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()
