"""Is a document Arabic? The share of Arabic letters among all letters decides."""

from __future__ import annotations


def arabic_share(text: str) -> float:
    letters = arabic = 0
    for c in text:
        if c.isalpha():
            letters += 1
            if "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f" or "\ufb50" <= c <= "\ufeff":
                arabic += 1
    return arabic / letters if letters else 0.0


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
