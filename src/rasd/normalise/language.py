"""Which language is a document in, and is enough of it Arabic to code?

The common case costs nothing: a text whose letters are almost all Arabic script, without the letters
that only Persian and Urdu use, is Arabic. Anything else (Persian or Urdu in Arabic script, another
language, a mixed document) goes to lingua, restricted to the languages rasd meets in Middle Eastern
news and built once per process, only when first needed, with all its models (about 1.5 s and 240 MB).

A mixed document is measured by paragraph: its Arabic share is the share of its letters that are Arabic
letters of paragraphs not in Persian or Urdu. It is ``ar`` (and coded, over its whole text) when that
share reaches ``Settings.min_arabic_share``; otherwise it gets the language lingua names for the whole
text (and is kept, flagged not-arabic, without being coded).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any

# Arabic script, including the Persian and Urdu letters and the presentation forms.
_ARABIC = re.compile(r"[\u0621-\u064a\u066e-\u06d3\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]")
# Letters Arabic does not use but Persian, Urdu (and Pashto, Kurdish) do: پ چ ژ گ ک ی ۀ ے ٹ ڈ ڑ ں ھ ہ.
_NOT_ARABIC = re.compile(r"[\u067e\u0686\u0698\u06af\u06a9\u06cc\u06c0\u06d2\u0679\u0688\u0691\u06ba\u06be\u06c1]")
_LETTER = re.compile(r"[^\W\d_]")
# Runs of the same classes: counting characters as the summed length of runs costs one match per word,
# not one per character.
_ARABIC_RUN = re.compile(_ARABIC.pattern + "+")
_LETTER_RUN = re.compile(_LETTER.pattern + "+")


def _count(runs: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` the one-character class of ``runs`` matches."""
    return sum(map(len, runs.findall(text)))


SAMPLE = 20_000  # characters looked at: enough to tell
CLEARLY_ARABIC = 0.9  # share of Arabic-script letters above which no model is asked …
FOREIGN_LETTERS = 0.002  # … unless this share of them are Persian/Urdu-only letters

# lingua's names of the languages the detector may answer (the fewer, the faster and the surer).
LANGUAGES = (
    "ARABIC",
    "ENGLISH",
    "FRENCH",
    "PERSIAN",
    "URDU",
    "TURKISH",
    "HEBREW",
    "RUSSIAN",
    "SPANISH",
    "GERMAN",
    "CHINESE",
)


def arabic_share(text: str) -> float:
    """Share of Arabic-script letters among all letters (on the first 20,000 characters)."""
    sample = text[:SAMPLE]
    letters = _count(_LETTER_RUN, sample)
    return _count(_ARABIC_RUN, sample) / letters if letters else 0.0


# Counting letters as runs costs a match per word. Most letters of an Arabic text are in the block
# U+0600–U+06FF, which UTF-16 marks with a high byte of 6: count those in C, then correct the count
# with the few characters that are not both a letter and Arabic script inside the block (harakat,
# digits, ، ؛ ؟) or that are letters or script outside it (Latin words, « », presentation forms).
_BLOCK = range(0x0600, 0x0700)
_CORRECTIONS = re.compile(
    "[A-Za-z\u0080-\u05ff\u0700-\U0010ffff"
    + "".join(re.escape(chr(c)) for c in _BLOCK if not (_LETTER.match(chr(c)) and _ARABIC.match(chr(c))))
    + "]"
)


@lru_cache(maxsize=4096)
def _correction(c: str) -> tuple[int, int]:
    """What one character adds to the letter and script counts of its block's count."""
    letter, arabic = int(bool(_LETTER.match(c))), int(bool(_ARABIC.match(c)))
    return (letter - 1, arabic - 1) if ord(c) in _BLOCK else (letter, arabic)


def _letters_and_script(sample: str) -> tuple[int, int]:
    """How many letters (``_LETTER``) and Arabic-script characters (``_ARABIC``) ``sample`` holds."""
    letters = script = sample.encode("utf-16-le", "surrogatepass")[1::2].count(6)
    for c, n in Counter(_CORRECTIONS.findall(sample)).items():
        d_letter, d_script = _correction(c)
        letters += d_letter * n
        script += d_script * n
    return letters, script


def _clearly_arabic(sample: str) -> bool:
    letters, script = _letters_and_script(sample)
    if not letters or script < CLEARLY_ARABIC * letters:
        return False
    return len(_NOT_ARABIC.findall(sample)) <= FOREIGN_LETTERS * script


# One short text in each script of LANGUAGES (Latin, Arabic with the Persian and Urdu letters, Cyrillic,
# Hebrew, Han): each brings in the models of every language written in it.
_WARM_UP = (
    "the minister said on monday that the talks would go on",
    "قال وزير الخارجية إن المحادثات ستستمر",
    "وزیر امور خارجه گفت که گفتگوها ادامه پیدا می کند",
    "وزیر خارجہ نے کہا کہ بات چیت جاری رہے گی",
    "министр иностранных дел заявил что переговоры продолжатся",
    "שר החוץ אמר כי השיחות יימשכו",
    "外交部长说会谈将继续",
)


@lru_cache(maxsize=1)
def _detector() -> Any:
    """The lingua detector, built on first use and kept for the life of the process."""
    from lingua import Language, LanguageDetectorBuilder

    detector = LanguageDetectorBuilder.from_languages(*(getattr(Language, name) for name in LANGUAGES)).build()
    # lingua loads a language's models when a text first calls for it, so memory would grow as new
    # scripts turn up and a long run would end larger than a short one. One short text per script
    # loads them all now (lingua's own preloading does it in parallel threads, with a higher and
    # uneven peak); the answers do not depend on when the models were loaded.
    for sample in _WARM_UP:
        detector.detect_language_of(sample)
    return detector


def detect(text: str) -> str | None:
    """ISO 639-1 code of the language lingua finds in ``text``, or None when it cannot tell."""
    found = _detector().detect_language_of(text)
    return found.iso_code_639_1.name.lower() if found is not None else None


def _other_language_in_arabic_script(paragraph: str, script: int) -> bool:
    """Persian, Urdu and the like: Arabic script with letters Arabic does not use, and lingua agrees."""
    foreign = len(_NOT_ARABIC.findall(paragraph))
    return foreign > FOREIGN_LETTERS * script and detect(paragraph) != "ar"


def arabic_language_share(text: str) -> float:
    """Share of the letters (first 20,000 characters) that are Arabic letters of Arabic paragraphs
    (a paragraph in Persian or Urdu does not count, though it is written in Arabic script)."""
    total = arabic = 0
    for paragraph in text[:SAMPLE].split("\n"):
        letters = _count(_LETTER_RUN, paragraph)
        script = _count(_ARABIC_RUN, paragraph)
        total += letters
        if script and not _other_language_in_arabic_script(paragraph, script):
            arabic += script
    return arabic / total if total else 0.0


def language_of(text: str, min_share: float) -> str:
    """'ar' when the text is Arabic (or at least ``min_share`` of its letters stand in Arabic
    paragraphs); else the ISO 639-1 code lingua finds, or 'und' for a text without letters."""
    sample = text[:SAMPLE]
    if _clearly_arabic(sample):
        return "ar"
    if not _LETTER.search(sample):
        return "und"
    if arabic_language_share(sample) >= min_share:
        return "ar"
    found = detect(sample[:5000])
    if found is None or found == "ar":  # Arabic script but too little of it in Arabic paragraphs
        return "und"
    return found
