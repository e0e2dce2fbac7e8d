"""Datelines: the forms of wire copy at the head of a story (dev README §1-3, §13)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.dates import Dateline, find_dateline
from rasd.dates.dateline import _dated, _undated
from rasd.dates.folding import fold

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def _seed(prefix: str) -> str:
    matches = sorted((SHARED / "seeds").glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"seed {prefix} not available under {SHARED}")
    return matches[0].read_text(encoding="utf-8")


def _summary(found: Dateline | None) -> tuple[str | None, str | None, str | None] | None:
    return None if found is None else (found.place_ar, found.date, found.agency)


def test_dateline_reads_xinhua_form() -> None:
    text = "الصين وكازاخستان توقعان اتفاقا\nبكين 3 يوليو 2024 (شينخوا) وقع البلدان اتفاقا اليوم."
    found = find_dateline(text)
    assert found is not None
    assert (found.place_ar, found.date, found.agency, found.hijri) == ("بكين", "2024-07-03", "Xinhua", None)
    assert text[found.start : found.end] == "بكين 3 يوليو 2024 (شينخوا)"


def test_dateline_reads_spa_hijri_and_gregorian() -> None:
    text = " بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\n افتتح الأمير المعرض اليوم."
    found = find_dateline(text)
    assert found is not None
    assert (found.place_ar, found.date, found.agency, found.hijri) == (
        "بريدة",
        "2015-08-10",
        "SPA",
        "1436-10-25",
    )
    assert text[found.start : found.end] == "بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أستانا 3 يوليو 2024 (شينخوا) قال الرئيس", ("أستانا", "2024-07-03", "Xinhua")),
        ("تشنغدو أول ديسمبر 2024 (شينخوا) التقى الوزير", ("تشنغدو", "2024-12-01", "Xinhua")),
        ("موسكو الأول من مارس 2023 (شينخوا) قال", ("موسكو", "2023-03-01", "Xinhua")),
        ("القاهرة في 5 مايو 2024 - أعلنت الوزارة", ("القاهرة", "2024-05-05", None)),
        ("بيروت 12 حزيران / يونيو 2024 (سانا) قال", ("بيروت", "2024-06-12", "SANA")),
        ("دمشق 2 آب 2023 (سانا) أكد", ("دمشق", "2023-08-02", "SANA")),
        ("تونس 4 جويلية 2022 (وات) أعلن", ("تونس", "2022-07-04", "TAP")),
        ("الرباط 9 يوليوز 2021 (ومع) قال", ("الرباط", "2021-07-09", "MAP")),
        ("الدوحة 14 يناير 2024 (قنا) بحث", ("الدوحة", "2024-01-14", "QNA")),
        ("باريس 3 مارس 2024 (أ ف ب) قال", ("باريس", "2024-03-03", "AFP")),
        ("بكين 3 يوليو (شينخوا) قال", ("بكين", None, "Xinhua")),
        ("في 28 كانون الثاني / يناير 2026 ، أجرى الوزير محادثات", (None, "2026-01-28", None)),
        ("٢٥ شوال ١٤٣٦ هـ الموافق ١٠ اغسطس ٢٠١٥ م واس", (None, "2015-08-10", "SPA")),
        (
            "\u00a0\u00a0مكة المكرمة 25 شوال 1436هـ الموافق 10 أغسطس 2015م واس\nنص",
            ("مكة المكرمة", "2015-08-10", "SPA"),
        ),
        ("نجران 26 شوال 1436 هـالموافق 11 اغسطس 2015 م واس", ("نجران", "2015-08-11", "SPA")),
        ("جدة 26 شوال 1436ه لموافق 11 اغسطس 2015م .واس", ("جدة", "2015-08-11", "SPA")),
        ("جدة 25 شوال 1436 هـ. الموافق 10 أغسطس 2015 مواس", ("جدة", "2015-08-10", "SPA")),
        ("الرياض 10 أغسطس 2015 م واس", ("الرياض", "2015-08-10", "SPA")),
        ("الرياض 25 شوال 1436 هـ واس", ("الرياض", "2015-08-10", "SPA")),
        ("تبليسي (جورجيا) 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس", ("تبليسي", "2015-08-11", "SPA")),
        ("الثلاثاء 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس", (None, "2015-08-11", "SPA")),
        ("القاهرة - أ ش أ: أعلنت الوزارة", ("القاهرة", None, "MENA")),
        ("الرياض - واس\nأصدر المجلس قرارا", ("الرياض", None, "SPA")),
        ("واس - جدة: افتتح الأمير المعرض", ("جدة", None, "SPA")),
        ("باريس - أ.ف.ب: قال الرئيس", ("باريس", None, "AFP")),
    ],
)
def test_dateline_reads_forms(text: str, expected: tuple[str | None, str | None, str | None]) -> None:
    assert _summary(find_dateline(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "أكد الرئيس أن البلدين مستعدان للعمل معا.",
        "إضافة أولى وأخيرة\nمن جانبه عبر الوزير عن حرص حكومته على العلاقات.",
        "واعتقل الصحفي في 22 يوليو 2014 في طهران، وهو منذ ذلك الحين في السجن.",
        "تأسست المدرسة في 29 أغسطس 1987، بموجب قانون.",
        "وفي 3 يوليو 2024 قال الوزير إن المحادثات مثمرة.",
        "وأوضحت وكالة أنباء (الأناضول) أن الشرطة شاركت في العملية",
        "العملية وقعت ظهيرة الخميس السادس من أغسطس آب الجاري",
        "الرياض 31 فبراير 2015 (واس) خبر",
    ],
)
def test_dateline_rejects_sentences(text: str) -> None:
    found = find_dateline(text)
    assert found is None or found.date is None


def test_dateline_ignores_a_date_deep_in_the_body() -> None:
    body = "قال الوزير إن البلدين يعملان معا في مجالات كثيرة. " * 6
    assert find_dateline(body + "\nبكين 3 يوليو 2024 (شينخوا) قال") is None


def test_dateline_impossible_date_keeps_place_and_agency() -> None:
    found = find_dateline("الرياض 31 فبراير 2015 (واس) خبر")
    assert found is not None
    assert (found.place_ar, found.date, found.agency) == ("الرياض", None, "SPA")


def test_dateline_span_covers_diacritics_and_bidi_marks() -> None:
    text = "\u200fبَغدادُ 3 تمّوز 2024 (واع) قال"
    found = find_dateline(text)
    assert found is not None
    assert (found.place_ar, found.date, found.agency) == ("بَغدادُ", "2024-07-03", "INA")
    assert text[found.start : found.end] == "بَغدادُ 3 تمّوز 2024 (واع)"


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("000", ("أستانا", "2024-07-03", "Xinhua")),
        ("001", None),
        ("002", None),
        ("003", (None, "2026-01-28", None)),
        ("004", ("تشنغدو", "2024-12-01", "Xinhua")),
    ],
)
def test_dateline_reads_seeds(prefix: str, expected: tuple[str | None, str | None, str | None] | None) -> None:
    assert _summary(find_dateline(_seed(prefix))) == expected


@given(st.text(max_size=300))
def test_dateline_never_raises_and_spans_slice_the_text(text: str) -> None:
    found = find_dateline(text)
    if found is not None:
        assert 0 <= found.start < found.end <= len(text)
        if found.date is not None:
            dt.date.fromisoformat(found.date)
        if found.place_ar is not None:
            assert found.place_ar in text[found.start : found.end]


_PIECES = st.sampled_from(
    [
        "بكين",
        "الرياض",
        " ",
        "\n",
        "3",
        "25",
        "٣",
        "يوليو",
        "شوال",
        "1436",
        "2024",
        "هـ",
        "الموافق",
        "م",
        "واس",
        "(شينخوا)",
        "في",
        "كانون الثاني",
        "/",
        "-",
        "أ ف ب",
        ":",
        "\u00a0",
        "\u200f",
        "ـ",
        "َ",
    ]
)


@given(st.lists(_PIECES, max_size=25).map("".join))
def test_dateline_never_raises_on_dateline_like_text(text: str) -> None:
    found = find_dateline(text)
    if found is not None:
        assert 0 <= found.start < found.end <= len(text)
        if found.date is not None:
            dt.date.fromisoformat(found.date)


_PIECES = st.sampled_from(
    [
        *("بكين", "الشمال", "عرفي", "مصرفي", "في", "وفي", "الخميس", "الاحدث", "ال", "اول", "الاول", "من"),
        *("3", "25", "2015", "1436", "يوليو", "شوال", "كانون الثاني", "ه", "م", "الموافق", "(", ")", "-", "،", ":"),
        *("شينخوا", "واس", "ا ف ب", "x", "پ", "/"),
    ]
)
_LINE = st.lists(st.tuples(_PIECES, st.sampled_from(["", " "])), max_size=14).map(
    lambda parts: "".join(p + b for p, b in parts)
)


@settings(max_examples=400, deadline=None)
@given(_LINE)
def test_dateline_place_words_read_whole_match_as_words_cut_anywhere(line: str) -> None:
    """Possessive place words give the matches of the patterns that may cut a word."""
    text = fold(line).text
    for pattern in (_dated(), _undated()):
        cutting = re.compile(pattern.pattern.replace("\\u0621-\\u064a]++", "\\u0621-\\u064a]+"))
        assert "++" in pattern.pattern
        found, reference = pattern.match(text), cutting.match(text)
        assert (found and (found.span(), found.groupdict())) == (
            reference and (reference.span(), reference.groupdict())
        )
