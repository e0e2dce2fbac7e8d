"""The month lexicon (lexicons/months.tsv) and its loader in dates/months.py."""

from __future__ import annotations

import pytest

from rasd.dates.folding import fold_word
from rasd.dates.months import load_months, month_number, parse_months

HEADER = "calendar\tsystem\tnumber\tnames_ar\n"


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("يناير", 1),
        ("ابريل", 4),
        ("أبريل", 4),
        ("يونيه", 6),
        ("يوليه", 7),
        ("اغسطس", 8),
        ("ديسمبر", 12),
        ("كانون الثاني", 1),
        ("شباط", 2),
        ("آذار", 3),
        ("نيسان", 4),
        ("أيار", 5),
        ("حزيران", 6),
        ("تموز", 7),
        ("آب", 8),
        ("أيلول", 9),
        ("تشرين الأول", 10),
        ("تشرين الثاني", 11),
        ("كانون الأول", 12),
        ("جانفي", 1),
        ("فيفري", 2),
        ("أفريل", 4),
        ("ماي", 5),
        ("جوان", 6),
        ("جويلية", 7),
        ("أوت", 8),
        ("يوليوز", 7),
        ("غشت", 8),
        ("شتنبر", 9),
        ("نونبر", 11),
        ("دجنبر", 12),
    ],
)
def test_month_names_gregorian_forms(name: str, number: int) -> None:
    assert month_number(fold_word(name), "gregorian") == number


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("محرم", 1),
        ("صفر", 2),
        ("ربيع الأول", 3),
        ("ربيع الآخر", 4),
        ("ربيع الثاني", 4),
        ("جمادى الأولى", 5),
        ("جمادى الآخرة", 6),
        ("جمادى الثانية", 6),
        ("رجب", 7),
        ("شعبان", 8),
        ("رمضان", 9),
        ("شوال", 10),
        ("ذو القعدة", 11),
        ("ذي القعدة", 11),
        ("ذو الحجة", 12),
        ("ذي الحجة", 12),
    ],
)
def test_month_names_hijri_forms(name: str, number: int) -> None:
    assert month_number(fold_word(name), "hijri") == number


@pytest.mark.parametrize("system", ["egyptian", "levantine", "maghrebi", "hijri"])
def test_month_names_every_system_has_twelve_months(system: str) -> None:
    assert sorted(m.number for m in load_months() if m.system == system) == list(range(1, 13))


@pytest.mark.parametrize("calendar", ["gregorian", "hijri"])
def test_month_names_no_conflicting_duplicates_after_folding(calendar: str) -> None:
    seen: dict[str, int] = {}
    for month in load_months():
        if month.calendar == calendar:
            for name in month.names_ar:
                assert seen.setdefault(fold_word(name), month.number) == month.number, name


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("gregorian\tegyptian\t13\tيناير\n", "months.tsv:2:number: not a month number 1-12: '13'"),
        ("gregorian\tegyptian\tone\tيناير\n", "months.tsv:2:number: not a month number 1-12: 'one'"),
        ("julian\tegyptian\t1\tيناير\n", "months.tsv:2:calendar: unknown calendar 'julian'"),
        ("hijri\tegyptian\t1\tمحرم\n", "months.tsv:2:system: 'egyptian' is not a hijri system"),
        (
            "gregorian\tegyptian\t1\tJanuary\n",
            "months.tsv:2:names_ar: not Arabic names separated by '|': 'January'",
        ),
        (
            "gregorian\tegyptian\t1\tيناير||\n",
            "months.tsv:2:names_ar: not Arabic names separated by '|': 'يناير||'",
        ),
        ("# comment\n\ngregorian\tegyptian\t1\n", "months.tsv:4:row: 3 cells, expected 4"),
    ],
)
def test_month_names_malformed_rows_name_the_cell(rows: str, message: str) -> None:
    with pytest.raises(ValueError) as raised:
        parse_months(HEADER + rows)
    assert str(raised.value) == message


def test_month_names_header_is_checked() -> None:
    with pytest.raises(ValueError, match=r"^months\.tsv:1:header: expected"):
        parse_months("calendar\tnumber\n")
    with pytest.raises(ValueError, match=r"^months\.tsv:1:header: missing"):
        parse_months("# only a comment\n")
