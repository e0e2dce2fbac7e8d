"""Regex building blocks shared by the dateline and expression patterns.

All patterns run on the folded text (see folding.py): alef/hamza, ى/ي and ة/ه are
already one letter, digits are ASCII, diacritics, tatweel and bidi marks are gone
and every blank is a plain space. So a pattern spells each word once («الي» covers
«إلى» and «الى»), and ``[ ]`` is the only blank it needs inside a line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rasd.dates.months import month_alternation, month_number, month_numbers

SP = r"[ ]*"
SP1 = r"[ ]+"
END = r"(?!\w)"
# A word start, also right after a one-letter proclitic (و ف ب ل) or two (وب, فل...).
WORD = r"(?:(?<!\w)|(?<=(?<!\w)[وفبل])|(?<=(?<!\w)[وف][بل]))"
DAY_NUM = r"(?:3[01]|[12][0-9]|0?[1-9])"
YEAR = r"[12][0-9]{3}(?![0-9])"
GREG_SUFFIX = r"(?:" + SP + r"(?:ميلاديه|ميلادي|م)" + END + r"\.?)?"
HIJRI_SUFFIX = r"(?:" + SP + r"(?:هجريه|هجري|ه)(?:" + END + r"|(?=ا?لموافق))\.?)"
YEAR_WORD = r"(?:(?:العام|عام|السنه|سنه)" + SP1 + r")"

WEEKDAYS = {
    "الاثنين": 0,
    "الاتنين": 0,
    "الثلاثاء": 1,
    "الثلاثا": 1,
    "الاربعاء": 2,
    "الاربعا": 2,
    "الخميس": 3,
    "الجمعه": 4,
    "السبت": 5,
    "الاحد": 6,
}
WEEKDAY = "(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + ")" + END

_ORDINAL_UNITS = ("الحادي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع")


def _ordinal_table() -> dict[str, int]:
    """Ordinal day words («الخامس عشر», «الحادي والعشرين») to numbers, 1-31."""
    table = {"الاول": 1, "اول": 1, "العاشر": 10, "العشرين": 20, "الثلاثين": 30}
    for n, unit in enumerate(_ORDINAL_UNITS, 1):
        if n > 1:
            table[unit] = n
        table[f"{unit} عشر"] = 10 + n
        table[f"{unit} والعشرين"] = 20 + n
    table["الحادي والثلاثين"] = 31
    return table


ORDINALS = _ordinal_table()
# Ordinals other than «أول» need «من» after them («الخامس من يوليو»), and none may end
# a month name («كانون الثاني», «ربيع الأول») or a period («الأسبوع الأول من ديسمبر»).
_NOT_AFTER = "".join(
    f"(?<!{word} )" for word in ("كانون", "تشرين", "ربيع", "جمادي", "الاسبوع", "الشهر", "العام", "النصف", "الربع")
)
_LONG_ORDINALS = "|".join(
    re.escape(w).replace(r"\ ", SP1) for w in sorted(ORDINALS, key=len, reverse=True) if w not in ("اول",)
)
DAY = (
    r"(?:(?<![0-9])(?:ال" + SP + r")?(?P<{g}n>" + DAY_NUM + r")(?![0-9])"
    r"|" + _NOT_AFTER + r"(?<!\w)(?P<{g}o>" + _LONG_ORDINALS + r")(?=" + SP1 + r"من" + SP1 + r")"
    r"|" + _NOT_AFTER + r"(?<!\w)(?P<{g}f>اول|الاول)" + SP1 + r")"
)


def day(group: str) -> str:
    """A day of the month (digits, ordinal word or «أول») with groups ``<group>n/o/f``."""
    return DAY.replace("{g}", group)


def day_value(match: re.Match[str], group: str) -> int | None:
    """The day number a ``day(group)`` pattern matched, or None when that alternative was absent."""
    if match.group(group + "n"):
        return int(match.group(group + "n"))
    for suffix in ("o", "f"):
        word = match.group(group + suffix)
        if word:
            return ORDINALS.get(" ".join(word.split()))
    return None


@lru_cache(maxsize=1)
def gregorian_month_alt() -> str:
    return "(?:" + month_alternation("gregorian") + ")" + END


@lru_cache(maxsize=1)
def hijri_month_alt() -> str:
    return "(?:" + month_alternation("hijri") + ")" + END


# What may stand before a month name in every pattern: a blank, «/», «(», the figures of a day, or
# WORD's proclitics; never the letters of a word. Checked after the name's first letter (so the
# engine can skip to first letters), hence the extra character in each lookbehind.
_NAME_START = r"(?:(?<![^\W\d].)|(?<=(?<!\w)[وفبل].)|(?<=(?<!\w)[وف][بل].))"


@lru_cache(maxsize=2)
def month_gate(calendar: str) -> str:
    """A month name of ``calendar`` that starts a word (or follows a day's figures) and ends one.

    Short names occur inside many words («اب» in «الابن»), so the bare names would let nearly every
    window through expressions.py's gate; a form whose month name is placed by ``gregorian_month`` or
    ``hijri_month`` after WORD, a day, «من» or «شهر» has every match hold a hit of this."""
    return "(?:" + literal_alternation(month_numbers(calendar), blank=SP1, after_first=_NAME_START) + ")" + END


def literal_alternation(words: Iterable[str], blank: str = r"\ ", after_first: str = "") -> str:
    """A regex for the longest of ``words`` at a position, written as a trie («ا(?:ب(?:ريل)?|…)|…»).

    The engine tries a flat alternation word by word at every position; the trie reads each letter
    once. It matches what a longest-first alternation matches: the branches of a node differ in
    their next letter, so at most one can go on, and ending at the node is tried last. ``blank``
    stands for a space inside a word; ``after_first`` is put after the first letter of each word."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    branches = [re.escape(c) + after_first + _trie_regex(child, blank) for c, child in sorted(trie.items()) if c]
    return "|".join(branches)


def _trie_regex(node: dict[str, dict], blank: str) -> str:
    branches = [
        (blank if c == " " else re.escape(c)) + _trie_regex(child, blank) for c, child in sorted(node.items()) if c
    ]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")


def gregorian_month(group: str) -> str:
    """A Gregorian month name, doubled forms included: «كانون الثاني / يناير», «فبراير (شباط)».

    The first name is captured as ``group``; the second only confirms it.
    """
    alt = gregorian_month_alt()
    doubled = r"(?:" + SP + r"(?:[/-]" + SP + alt + r"|\(" + SP + alt + SP + r"\)))?"
    return r"(?:شهر" + SP1 + r")?(?P<" + group + r">" + alt + r")" + doubled


def hijri_month(group: str) -> str:
    return r"(?:شهر" + SP1 + r")?(?P<" + group + r">" + hijri_month_alt() + r")"


def gregorian_number(match: re.Match[str], group: str) -> int | None:
    name = match.group(group)
    return month_number(name, "gregorian") if name else None


def hijri_number(match: re.Match[str], group: str) -> int | None:
    name = match.group(group)
    return month_number(name, "hijri") if name else None


PAST = ("الماضيه", "الماضي", "المنصرمه", "المنصرم", "الفائته", "الفائت", "السابقه", "السابق")
NEXT = ("المقبله", "المقبل", "القادمه", "القادم")
CURRENT = ("الجاريه", "الجاري", "الحاليه", "الحالي")
RELATIVE_WORD = "(?:" + "|".join(PAST + NEXT + CURRENT) + ")" + END
CURRENT_WORD = "(?:" + "|".join(CURRENT) + ")" + END
VAGUE_WORD = "(?:" + "|".join(PAST + NEXT) + ")" + END


def direction(word: str) -> int:
    """-1 for «الماضي» and its kin, +1 for «المقبل», 0 for «الجاري»."""
    if word in PAST:
        return -1
    return 1 if word in NEXT else 0
