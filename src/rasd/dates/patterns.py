"""Regex building blocks shared by the dateline and expression patterns.

All patterns run on the folded text (see folding.py): alef/hamza, ى/ي and ة/ه are
already one letter, digits are ASCII, diacritics, tatweel and bidi marks are gone
and every blank is a plain space. So a pattern spells each word once («الي» covers
«إلى» and «الى»), and ``[ ]`` is the only blank it needs inside a line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
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
YEAR_WORDS = ("العام", "عام", "السنه", "سنه")
YEAR_WORD = r"(?:(?:" + "|".join(YEAR_WORDS) + ")" + SP1 + r")"

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
# Each ordinal branch checks the word's start and first letters before its nine lookbehinds (the
# same assertions at one position, in a cheaper order), so that those run at few positions.
DAY = (
    r"(?:(?<![0-9])(?:ال" + SP + r")?(?P<{g}n>" + DAY_NUM + r")(?![0-9])"
    r"|(?<!\w)(?=ال)" + _NOT_AFTER + r"(?P<{g}o>" + _LONG_ORDINALS + r")(?=" + SP1 + r"من" + SP1 + r")"
    r"|(?<!\w)(?=ا)" + _NOT_AFTER + r"(?P<{g}f>اول|الاول)" + SP1 + r")"
)
if not all(word.startswith("ال") for word in ORDINALS if word != "اول"):
    raise ValueError("DAY looks for «ال» before the long ordinals: each must start with it")


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


def word_start_after(width: int) -> str:
    """WORD checked after the ``width`` letters of a word were read: a pattern that opens with those
    letters, not with WORD's lookbehinds, lets the engine skip to them instead of trying every position."""
    read = "." * width
    return rf"(?:(?<!\w{read})|(?<=(?<!\w)[وفبل]{read})|(?<=(?<!\w)[وف][بل]{read}))"


def starting_word(words: Iterable[str]) -> str:
    """WORD followed by one of ``words`` (in this order), with WORD checked after each word is read."""
    return "(?:" + "|".join(re.escape(word) + word_start_after(len(word)) for word in words) + ")"


def _name_start(width: int) -> str:
    """What may stand before a month name in every pattern: a blank, «/», «(», the figures of a day,
    or WORD's proclitics; never the letters of a word. A lookbehind over the ``width`` letters already
    read, so that the engine checks it only where a name's first word is found."""
    read = "." * width
    return rf"(?:(?<![^\W\d]{read})|(?<=(?<!\w)[وفبل]{read})|(?<=(?<!\w)[وف][بل]{read}))"


@lru_cache(maxsize=2)
def month_gate(calendar: str) -> str:
    """A month name of ``calendar`` that starts a word (or follows a day's figures) and ends one.

    Short names occur inside many words («اب» in «الابن»), so the bare names would let nearly every
    window through expressions.py's gate; a form whose month name is placed by ``gregorian_month`` or
    ``hijri_month`` after WORD, a day, «من» or «شهر» has every match hold a hit of this."""
    return "(?:" + literal_alternation(month_numbers(calendar), blank=SP1, first_word=_name_start) + ")" + END


@lru_cache(maxsize=2)
def month_gate_openers(calendar: str) -> frozenset[str]:
    """The first words of ``calendar``'s month names: every hit of ``month_gate(calendar)`` opens with
    one (the blanks inside a name follow its first word)."""
    return frozenset(name.split(" ")[0] for name in month_numbers(calendar))


def literal_alternation(
    words: Iterable[str], blank: str = r"\ ", first_word: Callable[[int], str] | None = None
) -> str:
    """A regex for the longest of ``words`` at a position, written as a trie («ا(?:ب(?:ريل)?|…)|…»).

    The engine tries a flat alternation word by word at every position; the trie reads each letter
    once. It matches what a longest-first alternation matches: the branches of a node differ in
    their next letter, so at most one can go on, and ending at the node is tried last. ``blank``
    stands for a space inside a word; ``first_word(n)``, when given, is a check put where the first
    ``n`` letters of a word are read and a blank or the word's end follows."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie, blank, first_word, 0, top=True)


def _trie_regex(
    node: dict[str, dict], blank: str, first_word: Callable[[int], str] | None, depth: int, top: bool = False
) -> str:
    """One trie node; ``first_word`` is None once a blank is passed."""
    check = first_word(depth) if first_word is not None and depth else ""
    branches = []
    for char, child in sorted(node.items()):
        if char == " ":
            branches.append(check + blank + _trie_regex(child, blank, None, depth + 1))
        elif char:
            branches.append(re.escape(char) + _trie_regex(child, blank, first_word, depth + 1))
    if top:
        return "|".join(branches)
    if "" in node and check:
        branches.append(check)  # ending here, tried last
    elif "" in node:
        return "(?:" + "|".join(branches) + ")?" if branches else ""
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


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
