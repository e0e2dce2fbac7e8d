"""Time expressions: calendar dates, Hijri dates, ranges and anchor-relative words (dev README §1, §3)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.dates import TimeExpr, find_dateline, find_expressions
from rasd.dates.folding import fold
from rasd.dates.patterns import DAY, WORD, starting_word

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
MONDAY = dt.date(2015, 8, 10)  # the SPA items of 10 Aug 2015; a Monday
Expected = tuple[str, str | None, str | None, str]


def _only(text: str, anchor: dt.date | None = MONDAY) -> Expected:
    found = find_expressions(text, anchor)
    assert len(found) == 1, found
    e = found[0]
    return (e.text, e.value, e.precision, e.kind)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقع الاتفاق في 3 يوليو 2024 في بكين", ("3 يوليو 2024", "2024-07-03", "day", "absolute")),
        ("التقيا في أول ديسمبر 2024 ببكين", ("أول ديسمبر 2024", "2024-12-01", "day", "absolute")),
        ("عقد الاجتماع الأول من ديسمبر 2024", ("الأول من ديسمبر 2024", "2024-12-01", "day", "absolute")),
        (
            "بدأ الإضراب في الخامس عشر من يوليو 2015",
            ("الخامس عشر من يوليو 2015", "2015-07-15", "day", "absolute"),
        ),
        ("صدر القرار في 10 اغسطس 2015 م بالرياض", ("10 اغسطس 2015 م", "2015-08-10", "day", "absolute")),
        ("صدر القرار في 10 أغسطس، 2015 بالرياض", ("10 أغسطس، 2015", "2015-08-10", "day", "absolute")),
        ("وصل الوفد في ٣ يوليو ٢٠٢٤ إلى المدينة", ("٣ يوليو ٢٠٢٤", "2024-07-03", "day", "absolute")),
        (
            "في 28 كانون الثاني / يناير 2026 التقى",
            ("28 كانون الثاني / يناير 2026", "2026-01-28", "day", "absolute"),
        ),
        ("منذ 24 فبراير (شباط) 2015 وهو محتجز", ("24 فبراير (شباط) 2015", "2015-02-24", "day", "absolute")),
        ("في 20 يوليو/تموز 2015 قال", ("20 يوليو/تموز 2015", "2015-07-20", "day", "absolute")),
        ("في 4 جوان 2022 قال", ("4 جوان 2022", "2022-06-04", "day", "absolute")),
        ("في 12 دجنبر 2021 قال", ("12 دجنبر 2021", "2021-12-12", "day", "absolute")),
        ("بدأ العمل في يوليو 2024 رسميا", ("يوليو 2024", "2024-07", "month", "absolute")),
        ("سجلت الأجور في حزيران (يونيو) 2015 هبوطا", ("حزيران (يونيو) 2015", "2015-06", "month", "absolute")),
        ("تنتهي الخطة عام 2030 كما قيل", ("عام 2030", "2030", "year", "absolute")),
        ("في العام 2015 زار الوزير البلاد", ("العام 2015", "2015", "year", "absolute")),
        ("وقعت الاتفاقية لعام 2014م بالرياض", ("عام 2014م", "2014", "year", "absolute")),
        ("المهرجان (2015م) يفتتح", ("2015م", "2015", "year", "absolute")),
        ("وقع الطرفان في 4 / 8 / 2015م محضرا", ("4 / 8 / 2015م", "2015-08-04", "day", "absolute")),
        ("وقع الطرفان في 2015-08-04 محضرا", ("2015-08-04", "2015-08-04", "day", "absolute")),
    ],
)
def test_expressions_reads_calendar_dates(text: str, expected: Expected) -> None:
    assert _only(text, None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("افتتح المعرض في 25 شوال 1436 هـ بحضور", ("25 شوال 1436 هـ", "2015-08-10", "day", "hijri")),
        ("افتتح المعرض في 25 شوال 1436هـ بحضور", ("25 شوال 1436هـ", "2015-08-10", "day", "hijri")),
        ("صدر الأمر في 1 محرم 1437 هـ", ("1 محرم 1437 هـ", "2015-10-14", "day", "hijri")),
        ("صدر الأمر في 10 ذي الحجة 1436 هـ", ("10 ذي الحجة 1436 هـ", "2015-09-23", "day", "hijri")),
        ("صدر الأمر في 19 / 10 / 1436هـ", ("19 / 10 / 1436هـ", "2015-08-04", "day", "hijri")),
        ("صدر الأمر بتاريخ 19/10/1436 بالرياض", ("19/10/1436", "2015-08-04", "day", "hijri")),
        ("تبدأ الدراسة في شوال 1436 هـ", ("شوال 1436 هـ", None, None, "hijri")),
        ("خطة العام 1437هـ جاهزة", ("العام 1437هـ", None, None, "hijri")),
        ("صدر في 5 رجب 1200 هـ", ("5 رجب 1200 هـ", None, None, "hijri")),
    ],
)
def test_expressions_reads_hijri_dates(text: str, expected: Expected) -> None:
    assert _only(text, None) == expected


def test_expressions_spa_dateline_gives_hijri_and_gregorian() -> None:
    text = "بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس"
    found = [(e.text, e.value, e.kind) for e in find_expressions(text, None)]
    assert found == [
        ("25 شوال 1436 هـ", "2015-08-10", "hijri"),
        ("10 اغسطس 2015 م", "2015-08-10", "absolute"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "تعقد القمة في الفترة من 22 إلى 24 أبريل 2025 في بكين",
            ("من 22 إلى 24 أبريل 2025", "2025-04-22", "2025-04-24"),
        ),
        ("تعقد القمة بين 22 و24 أبريل 2025 في بكين", ("بين 22 و24 أبريل 2025", "2025-04-22", "2025-04-24")),
        ("تعقد القمة 22-24 أبريل 2025 في بكين", ("22-24 أبريل 2025", "2025-04-22", "2025-04-24")),
        (
            "من 30 أبريل إلى 2 مايو 2025 تستمر الزيارة",
            ("من 30 أبريل إلى 2 مايو 2025", "2025-04-30", "2025-05-02"),
        ),
        ("من 30 ديسمبر حتى 2 يناير 2025 عطلة", ("من 30 ديسمبر حتى 2 يناير 2025", "2024-12-30", "2025-01-02")),
        ("من 24 إلى 22 أبريل 2025 خطأ", ("من 24 إلى 22 أبريل 2025", None, None)),
        ("من 22 إلى 24 أبريل تعقد القمة", ("من 22 إلى 24 أبريل", None, None)),
    ],
)
def test_expressions_reads_ranges(text: str, expected: tuple[str, str | None, str | None]) -> None:
    (e,) = find_expressions(text, None)
    assert (e.text, e.value, e.end_value, e.kind) == (*expected, "range")
    assert e.precision == ("day" if e.value else None)


def test_expressions_two_dates_joined_by_and_are_not_a_range() -> None:
    found = find_expressions("نشرت المقالات في 21 أكتوبر 1955 و6 نوفمبر 1955", None)
    assert [(e.text, e.value, e.kind) for e in found] == [
        ("21 أكتوبر 1955", "1955-10-21", "absolute"),
        ("6 نوفمبر 1955", "1955-11-06", "absolute"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال الوزير اليوم إن", ("اليوم", "2015-08-10", "day", "relative")),
        ("قال الوزير اليوم (الأربعاء) إن", ("اليوم (الأربعاء)", "2015-08-10", "day", "relative")),
        ("قال الوزير اليوم الاثنين إن", ("اليوم الاثنين", "2015-08-10", "day", "relative")),
        ("قال الوزير أمس إن", ("أمس", "2015-08-09", "day", "relative")),
        ("قال الوزير يوم أمس إن", ("يوم أمس", "2015-08-09", "day", "relative")),
        ("قال الوزير أمس الاثنين إن", ("أمس الاثنين", "2015-08-09", "day", "relative")),
        ("قال الوزير بالأمس إن", ("الأمس", "2015-08-09", "day", "relative")),
        ("قال الوزير أول أمس إن", ("أول أمس", "2015-08-08", "day", "relative")),
        ("قال الوزير أول من أمس إن", ("أول من أمس", "2015-08-08", "day", "relative")),
        ("قال الوزير أمس الأول إن", ("أمس الأول", "2015-08-08", "day", "relative")),
        ("قال الوزير البارحة إن", ("البارحة", "2015-08-09", "day", "relative")),
        ("يصل الوفد غدا إلى", ("غدا", "2015-08-11", "day", "relative")),
        ("يصل الوفد غداً الثلاثاء إلى", ("غداً الثلاثاء", "2015-08-11", "day", "relative")),
        ("يصل الوفد يوم غد إلى", ("يوم غد", "2015-08-11", "day", "relative")),
        ("يصل الوفد بعد غد إلى", ("بعد غد", "2015-08-12", "day", "relative")),
        ("جرى الاتصال الليلة الماضية بين", ("الليلة الماضية", "2015-08-09", "day", "relative")),
        ("أصيب جنديان الأسبوع الماضي في", ("الأسبوع الماضي", "2015-08", "month", "relative")),
        ("يزور الوفد البلاد الأسبوع المقبل", ("الأسبوع المقبل", "2015-08", "month", "relative")),
        ("زار الوفد البلاد الشهر الماضي", ("الشهر الماضي", "2015-07", "month", "relative")),
        ("يزور الوفد البلاد الشهر المقبل", ("الشهر المقبل", "2015-09", "month", "relative")),
        ("يزور الوفد البلاد خلال الشهر الجاري", ("الشهر الجاري", "2015-08", "month", "relative")),
        ("زار الوفد البلاد العام الماضي", ("العام الماضي", "2014", "year", "relative")),
        ("يزور الوفد البلاد العام المقبل", ("العام المقبل", "2016", "year", "relative")),
        ("يزور الوفد البلاد خلال العام الجاري", ("العام الجاري", "2015", "year", "relative")),
        ("زار الوفد البلاد هذا العام", ("هذا العام", "2015", "year", "relative")),
        ("زار الوفد البلاد في السنة الماضية", ("السنة الماضية", "2014", "year", "relative")),
        ("رفعت العلاقات في يوليو من العام الماضي", ("يوليو من العام الماضي", "2014-07", "month", "relative")),
        ("بدأ الإضراب منذ 5 أغسطس الجاري", ("5 أغسطس الجاري", "2015-08-05", "day", "relative")),
        (
            "يفتتح السوق في الـ 27 من الشهر الجاري",
            ("الـ 27 من الشهر الجاري", "2015-08-27", "day", "relative"),
        ),
    ],
)
def test_expressions_resolves_relative_words(text: str, expected: Expected) -> None:
    assert _only(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال الوزير يوم الثلاثاء إن", ("يوم الثلاثاء", "2015-08-04")),
        ("قال الوزير الثلاثاء إن", ("الثلاثاء", "2015-08-04")),
        ("قال الوزير الثلاثاء الماضي إن", ("الثلاثاء الماضي", "2015-08-04")),
        ("يصل الوزير الثلاثاء المقبل إلى", ("الثلاثاء المقبل", "2015-08-11")),
        ("قال الوزير يوم الاثنين إن", ("يوم الاثنين", "2015-08-10")),
        ("قال الوزير الاثنين الماضي إن", ("الاثنين الماضي", "2015-08-03")),
        ("يصل الوزير يوم الاثنين القادم إلى", ("يوم الاثنين القادم", "2015-08-17")),
        ("أدى الصلاة يوم الجمعة في", ("يوم الجمعة", "2015-08-07")),
    ],
)
def test_expressions_resolves_weekdays(text: str, expected: tuple[str, str]) -> None:
    assert _only(text) == (*expected, "day", "weekday")


def test_expressions_relative_word_wins_over_weekday() -> None:
    # 10 Aug 2015 was a Monday: «اليوم (الأربعاء)» is still the anchor day.
    assert _only("قال اليوم (الأربعاء) إن")[1] == "2015-08-10"
    assert _only("قال أمس السبت إن")[1] == "2015-08-09"


@pytest.mark.parametrize(
    "text",
    [
        "قال الوزير اليوم إن",
        "قال الوزير أمس الاثنين إن",
        "يصل الوفد غدا إلى",
        "قال الوزير يوم الثلاثاء إن",
        "زار الوفد البلاد العام الماضي",
        "أصيب جنديان الأسبوع الماضي في",
        "رفعت العلاقات في يوليو من العام الماضي",
        "بدأ الإضراب منذ 5 أغسطس الجاري",
        "جرى الاتصال الليلة الماضية بين",
    ],
)
def test_expressions_relative_without_anchor_is_unresolved(text: str) -> None:
    (e,) = find_expressions(text, None)
    assert (e.value, e.precision) == (None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال الإثنين 20 يوليو إن", "الإثنين 20 يوليو"),
        ("اجتمعوا في 14 يوليو في فيينا", "14 يوليو"),
        ("اختطفت منذ 24 فبراير الماضي", "24 فبراير الماضي"),
        ("وقعت في 26 مارس (آذار) الماضي", "26 مارس (آذار) الماضي"),
        ("يزور البلاد في سبتمبر المقبل", "سبتمبر المقبل"),
        ("صدر في 31 فبراير 2015", "31 فبراير 2015"),
    ],
)
def test_expressions_day_and_month_without_year_stay_unresolved(text: str, expected: str) -> None:
    (e,) = find_expressions(text, MONDAY)
    assert (e.text, e.value, e.precision) == (expected, None, None)


@pytest.mark.parametrize(
    "text",
    [
        "قال الأمين العام الحالي للجامعة إن",
        "رفع المدعي العام السابق دعوى",
        "احتفلت المدارس بذكرى اليوم الوطني",
        "في اليوم التالي عاد الوفد",
        "ذكرت صحيفة عين اليوم أن",
        "مارس الضغط على الحكومة",
        "انتهت المباراة بنتيجة 1 - صفر",
        "الفقرة 5 + 1 من القرار",
        "قضى أمسية هادئة",
        "قال في الأسبوع الأول من الاجتماع",
    ],
)
def test_expressions_ignores_lookalikes(text: str) -> None:
    assert find_expressions(text, MONDAY) == []


def test_expressions_week_month_year_period_of_seed_004() -> None:
    text = "رفعت العلاقات في يوليو من العام الماضي إلى شراكة"
    (e,) = find_expressions(text, dt.date(2024, 12, 1))
    assert (e.value, e.precision) == ("2023-07", "month")


def test_expressions_anchor_edges_do_not_overflow() -> None:
    assert _only("قال أمس", dt.date.min)[1:3] == (None, None)
    assert _only("العام المقبل", dt.date.max)[1:3] == (None, None)


def test_expressions_span_keeps_diacritics_tatweel_and_nbsp() -> None:
    text = "وصل غداً\u00a0الثلاثاء وقال اليـوم إن 25 شوّال 1436 هـ"
    found = find_expressions(text, MONDAY)
    assert [e.text for e in found] == ["غداً\u00a0الثلاثاء", "اليـوم", "25 شوّال 1436 هـ"]


def test_expressions_reads_seed_000_and_004() -> None:
    seeds = sorted((SHARED / "seeds").glob("00[04]_*.txt"))
    if len(seeds) != 2:
        pytest.skip(f"seeds not available under {SHARED}")
    values = []
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        dateline = find_dateline(text)
        assert dateline is not None and dateline.date is not None
        found = find_expressions(text, dt.date.fromisoformat(dateline.date))
        values.append([(e.text, e.value) for e in found if e.kind == "relative"])
    assert values == [
        [("اليوم (الأربعاء)", "2024-07-03")],
        [("اليوم (الأحد)", "2024-12-01"), ("يوليو من العام الماضي", "2023-07")],
    ]


def _check(text: str, found: list[TimeExpr]) -> None:
    previous_end = 0
    for e in found:
        assert text[e.start : e.end] == e.text
        assert previous_end <= e.start < e.end
        previous_end = e.end
        assert (e.value is None) == (e.precision is None)
        if e.value is not None:
            length = {"day": 10, "month": 7, "year": 4}[e.precision or ""]
            assert len(e.value) == length
            dt.date.fromisoformat((e.value + "-01-01")[:10])
        if e.end_value is not None:
            assert dt.date.fromisoformat(e.end_value) >= dt.date.fromisoformat(e.value or "")
        assert e.kind in {"absolute", "relative", "range", "weekday", "hijri"}


_PIECES = st.sampled_from(
    [
        "يوليو",
        "كانون الثاني",
        "/",
        "يناير",
        "شوال",
        "1436",
        "2015",
        "هـ",
        "م",
        "الموافق",
        "اليوم",
        "أمس",
        "غداً",
        "الأربعاء",
        "أول",
        "الأول",
        "من",
        "إلى",
        "بين",
        "و",
        "في",
        "الماضي",
        "المقبل",
        "الجاري",
        "العام",
        "الأسبوع",
        "الشهر",
        "هذا",
        "(",
        ")",
        " ",
        "\u00a0",
        "\u200f",
        "ـ",
        "ً",
        "3",
        "31",
        "29",
        "٢٥",
        "-",
        "فبراير",
        "ذو الحجة",
    ]
)
_ANCHORS = st.none() | st.dates()


@given(st.text(max_size=200), _ANCHORS)
def test_expressions_never_raise_on_arbitrary_text(text: str, anchor: dt.date | None) -> None:
    _check(text, find_expressions(text, anchor))


@given(st.lists(_PIECES, max_size=30).map(" ".join), _ANCHORS)
def test_expressions_never_raise_on_date_like_text(text: str, anchor: dt.date | None) -> None:
    _check(text, find_expressions(text, anchor))


@given(st.lists(_PIECES, max_size=30).map("".join), _ANCHORS)
def test_expressions_never_raise_on_glued_date_like_text(text: str, anchor: dt.date | None) -> None:
    _check(text, find_expressions(text, anchor))


def test_expressions_day_checks_its_assertions_in_a_cheaper_order() -> None:
    """DAY puts each ordinal branch's start and first letters before its lookbehinds: the same pattern."""
    plain = DAY.replace("(?<!\\w)(?=ال)", "").replace("(?<!\\w)(?=ا)", "")
    plain = plain.replace("(?P<{g}o>", "(?<!\\w)(?P<{g}o>").replace("(?P<{g}f>", "(?<!\\w)(?P<{g}f>")
    new, old = re.compile(DAY.replace("{g}", "d")), re.compile(plain.replace("{g}", "d"))
    texts = [
        "الخامس من يوليو",
        "كانون الثاني من",
        "في الحادي والعشرين من",
        "أول أمس",
        "بالاول من",
        "والعاشر من",
        "3 من",
    ]
    for text in texts:
        folded = fold(text).text
        assert [(m.span(), m.groupdict()) for m in new.finditer(folded)] == [
            (m.span(), m.groupdict()) for m in old.finditer(folded)
        ]


@given(
    st.lists(
        st.sampled_from(["العام", "عام", "اليوم", "و", "ف", "ب", "ل", "وب", "x", "3", " ", "\n", "-"]), max_size=12
    )
)
def test_expressions_starting_word_is_word_then_the_words(parts: list[str]) -> None:
    """WORD checked after the word is read finds what WORD before it finds."""
    text = "".join(parts)
    words = ("العام", "عام", "اليوم")
    before = re.compile(WORD + "(?:" + "|".join(words) + ")")
    after = re.compile(starting_word(words))
    assert [m.span() for m in after.finditer(text)] == [m.span() for m in before.finditer(text)]
    for start in range(len(text)):
        assert bool(after.match(text, start)) == bool(before.match(text, start))
