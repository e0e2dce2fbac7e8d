"""Settings shared by every stage; one frozen object passed around, no module globals."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Settings:
    min_arabic_share: float = 0.30  # below this share of letters a document is "not-arabic"


DEFAULT_SETTINGS = Settings()
