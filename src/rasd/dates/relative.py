"""Expression forms that need an anchor: «اليوم», «أمس», «غداً», weekdays, «الأسبوع/الشهر/العام الماضي».

Without an anchor they are still found (their span is evidence) but stay unresolved.
A relative word followed by a weekday («اليوم (الأربعاء)», «أمس الاثنين») is one
expression, and the relative word wins over the weekday when the two disagree,
because wire copy gets weekdays wrong more often than «اليوم».
"""

from __future__ import annotations

import datetime as dt
import re

from rasd.dates.forms import Form, Resolved, Resolver, in_month, in_year, on_day, previous_word, unresolved
from rasd.dates.hijri import shift_days, shift_month
from rasd.dates.patterns import END, RELATIVE_WORD, SP, SP1, WEEKDAY, WEEKDAYS, WORD, direction, starting_word

_WEEKDAY = rf"{SP}[,،]?{SP}\(?{SP}(?P<wd>{WEEKDAY})(?:{SP}\))?"
_WEEKDAY_TAIL = rf"(?:{_WEEKDAY})?"
# «اليوم» as an adjective phrase head («اليوم الوطني», «اليوم نفسه») or inside a paper's name is no date.
_NOT_TODAY = rf"(?!{SP1}(?:ال\w|نفسه|ذاته))"
# Looked for after «اليوم» is read (so that the pattern opens with it), hence «اليوم» in each.
_PAPERS = "".join(f"(?<!{name} اليوم)" for name in ("عين", "صحيفه", "جريده", "مجله"))
_PAST_WEEKDAY = ("الماضي", "المنصرم", "الفائت", "السابق")
_NEXT_WEEKDAY = ("المقبل", "القادم")
# Nouns before «العام» that make it "general", not "year" («الأمين العام الحالي»).
_OFFICE_HEADS = ("امين", "مدير", "مدعي", "نائب", "مراقب", "مفتش", "منسق", "مشرف", "مرشد", "قائد")
_GENERAL_HEADS = (*_OFFICE_HEADS, "راي", "امن", "قطاع", "مؤتمر", "نفع")


def _today(match: re.Match[str], anchor: dt.date | None) -> Resolved:
    if anchor is None:
        return unresolved("relative")
    return on_day(shift_days(anchor, 0), "relative")


def _yesterday(match: re.Match[str], anchor: dt.date | None) -> Resolved:
    if anchor is None:
        return unresolved("relative")
    back = 2 if match.group("two") or match.group("two2") or match.group("two3") else 1
    return on_day(shift_days(anchor, -back), "relative")


def _tomorrow(match: re.Match[str], anchor: dt.date | None) -> Resolved:
    if anchor is None:
        return unresolved("relative")
    return on_day(shift_days(anchor, 2 if match.group("after") else 1), "relative")


def _last_night(match: re.Match[str], anchor: dt.date | None) -> Resolved:
    if anchor is None:
        return unresolved("relative")
    return on_day(shift_days(anchor, -1), "relative")


def _weekday(match: re.Match[str], anchor: dt.date | None) -> Resolved:
    """Nearest such weekday: back for a bare or «الماضي» weekday, forward for «المقبل»."""
    if anchor is None:
        return unresolved("weekday")
    target = WEEKDAYS[match.group("wd")]
    word = match.group("dir") or ""
    if word in _NEXT_WEEKDAY:
        ahead = (target - anchor.weekday()) % 7 or 7
        return on_day(shift_days(anchor, ahead), "weekday")
    back = (anchor.weekday() - target) % 7
    if word in _PAST_WEEKDAY and back == 0:
        back = 7
    return on_day(shift_days(anchor, -back), "weekday")


def _period(match: re.Match[str], anchor: dt.date | None) -> Resolved | None:
    """«الأسبوع الماضي» → month of anchor−7 days (dev README §3); «الشهر/العام ...» → that month/year."""
    unit = match.group("u1") or match.group("u2")
    if unit == "العام" and previous_word(match).endswith(_GENERAL_HEADS):
        return None
    if anchor is None:
        return unresolved("relative")
    step = direction(match.group("dir")) if match.group("dir") else 0
    if unit == "الاسبوع":
        day = shift_days(anchor, 7 * step)
        return in_month(day.year, day.month, "relative") if day else unresolved("relative")
    if unit == "الشهر":
        return in_month(*shift_month(anchor.year, anchor.month, step), "relative")
    return in_year(anchor.year + step, "relative")


def relative_forms() -> tuple[Form, ...]:
    """The anchor-relative forms; longest match wins against the calendar forms in expressions.py."""
    units = r"(?:الاسبوع|الشهر|العام|السنه)"
    weekday_dir = "|".join(_PAST_WEEKDAY + _NEXT_WEEKDAY)
    patterns: tuple[tuple[str, str, Resolver], ...] = (
        ("today", rf"{starting_word(['اليوم'])}{_PAPERS}{END}(?:{_WEEKDAY}|{_NOT_TODAY})", _today),
        (
            "yesterday",
            rf"{WORD}(?:(?P<two>(?:اول|قبل){SP1}(?:من{SP1})?)(?:ال)?امس"
            rf"|(?:يوم{SP1})?(?:(?<=ب)ال)?امس(?P<two2>{SP1}الاول)?"
            rf"|البارحه(?P<two3>{SP1}الاولي)?){END}{_WEEKDAY_TAIL}",
            _yesterday,
        ),
        (
            "tomorrow",
            rf"{WORD}(?:(?P<after>بعد){SP1}(?:ال)?غد|يوم{SP1}(?:ال)?غد|غدا|غد){END}{_WEEKDAY_TAIL}",
            _tomorrow,
        ),
        ("last-night", rf"{starting_word(['الليله'])}{SP1}(?:الماضيه|الفائته|المنصرمه){END}", _last_night),
        ("weekday", rf"{WORD}(?:يوم{SP1})?(?P<wd>{WEEKDAY})(?:{SP1}(?P<dir>{weekday_dir}){END})?", _weekday),
        (
            "period",
            rf"{WORD}(?:(?:هذا|هذه){SP1}(?P<u1>{units}){END}|(?P<u2>{units}){SP1}(?P<dir>{RELATIVE_WORD}))",
            _period,
        ),
    )
    return tuple(Form(name, re.compile(pattern), resolve) for name, pattern, resolve in patterns)
