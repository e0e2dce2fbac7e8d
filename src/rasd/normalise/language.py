"""Is a document Arabic? The share of Arabic letters among all letters decides."""

from __future__ import annotations

import re

_ARABIC = re.compile(r"[\u0621-\u064a\u066e-\u06d3\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]")
_LETTER = re.compile(r"[^\W\d_]")


def arabic_share(text: str) -> float:
    """Share of Arabic letters among all letters (on the first 20,000 characters: enough to tell)."""
    sample = text[:20_000]
    letters = len(_LETTER.findall(sample))
    return len(_ARABIC.findall(sample)) / letters if letters else 0.0


_STOPWORDS = {
    "en": {"the", "and", "of", "to", "in", "said", "with", "on", "for", "is"},
    "fr": {"le", "la", "les", "et", "des", "du", "un", "une", "est", "dans"},
}


def language_of(text: str, min_share: float) -> str:
    """'ar' when Arabic letters dominate; else 'en'/'fr' by stop words, or 'und'."""
    if arabic_share(text) >= min_share:
        return "ar"
    words = [w.strip(".,;:!?\"'()").lower() for w in text[:5000].split()]
    counts = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] >= 3 else "und"
