"""Verb conjugations generated from a past/present pair, so the lexicon lists a verb once.

«أدان يدين» gives أدان، أدانت، أدانا، أدانتا، أدانوا and يدين، تدين، يدينان، تدينان، يدينون، ندين: the third
persons that news reports use, and the first plural of statements («ندين»). Verbs ending in a long vowel
(«دعا يدعو», «نفى ينفي», «التقى يلتقي») drop it before the endings, as Arabic spelling does.
"""

from __future__ import annotations


def past_forms(past: str) -> list[str]:
    if past.endswith("ى"):  # نفى → نفت، نفيا، نفتا، نفوا
        stem = past[:-1]
        return [past, stem + "ت", stem + "يا", stem + "تا", stem + "وا"]
    if past.endswith("ا"):  # دعا → دعت، دعوا، دعتا
        stem = past[:-1]
        return [past, stem + "ت", stem + "وا", stem + "تا"]
    return [past, past + "ت", past + "ا", past + "تا", past + "وا"]


def present_forms(present: str) -> list[str]:
    if not present.startswith("ي") or len(present) < 3:
        return [present]
    stem = present[1:]
    plural = present[:-1] + "ون" if present.endswith(("ي", "و")) else present + "ون"
    return [present, "ت" + stem, present + "ان", "ت" + stem + "ان", plural, "ن" + stem]


def conjugations(pair: str) -> list[str]:
    """All forms of a «past present» pair (the present may be left out)."""
    words = pair.split()
    forms = past_forms(words[0])
    if len(words) > 1:
        forms += present_forms(words[1])
    return forms
