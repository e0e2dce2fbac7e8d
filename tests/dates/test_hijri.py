"""Calendar helpers: Umm al-Qura conversion and ISO strings only for real dates."""

from __future__ import annotations

import datetime as dt

import pytest

from rasd.dates.hijri import hijri_iso, hijri_to_gregorian, iso_month, make_date, shift_days, shift_month


@pytest.mark.parametrize(
    ("hijri", "expected"),
    [
        ((1436, 10, 25), dt.date(2015, 8, 10)),
        ((1436, 10, 26), dt.date(2015, 8, 11)),
        ((1437, 1, 1), dt.date(2015, 10, 14)),
        ((1436, 13, 1), None),
        ((1436, 10, 31), None),
        ((1200, 1, 1), None),
        ((9999, 1, 1), None),
    ],
)
def test_hijri_converts_umm_al_qura_dates(hijri: tuple[int, int, int], expected: dt.date | None) -> None:
    assert hijri_to_gregorian(*hijri) == expected
    assert (hijri_iso(*hijri) is None) == (expected is None)


@pytest.mark.parametrize(
    ("parts", "expected"),
    [((2015, 2, 29), None), ((2016, 2, 29), dt.date(2016, 2, 29)), ((999, 1, 1), None), ((2015, 0, 1), None)],
)
def test_hijri_make_date_refuses_impossible_dates(parts: tuple[int, int, int], expected: dt.date | None) -> None:
    assert make_date(*parts) == expected


def test_hijri_shifts_stay_inside_the_calendar() -> None:
    assert shift_days(dt.date.min, -1) is None
    assert shift_days(dt.date(2015, 8, 10), -7) == dt.date(2015, 8, 3)
    assert shift_month(2015, 1, -1) == (2014, 12)
    assert shift_month(2015, 12, 1) == (2016, 1)
    assert iso_month(2015, 13) is None
