"""Fuzzing the date layer: on arbitrary and on date-like text nothing raises, every date is a real
calendar date and every span slices the text (the dateline and expression finders have their own
never-raise tests; these add the published date, page stamps, URL dates and date validity)."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.dates import date_from_url, find_dateline, find_expressions, find_stamp, published_date

_PIECES = st.sampled_from(
    [
        "الرياض",
        "بكين",
        " ",
        "\n",
        "-",
        "/",
        ":",
        ".",
        "(واس)",
        "(شينخوا)",
        "0",
        "29",
        "31",
        "٣١",
        "02",
        "13",
        "2015",
        "1436",
        "9999",
        "0000",
        "فبراير",
        "شباط",
        "يوليو",
        "رمضان",
        "شوال",
        "هـ",
        "م",
        "أمس",
        "الأسبوع الماضي",
        "يوم الخميس",
        "2024:12:02.10:20",
        "http://example.com/2015/20150231/x.htm",
    ]
)
_TEXT = (
    st.text(max_size=200) | st.lists(_PIECES, max_size=30).map("".join) | st.lists(_PIECES, max_size=30).map(" ".join)
)
_URL = st.none() | st.text(max_size=80) | st.lists(_PIECES, max_size=12).map("/".join).map(lambda p: "http://x.sa/" + p)
_ANCHORS = st.none() | st.dates()
_VALUE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _valid(value: str) -> None:
    """A full ISO date that exists, or a year / year-month."""
    assert _VALUE.fullmatch(value), value
    parts = [int(p) for p in value.split("-")]
    dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


@settings(max_examples=100)
@given(_TEXT)
def test_fuzz_dates_dateline_dates_are_real_dates(text: str) -> None:
    found = find_dateline(text)
    if found is not None:
        assert 0 <= found.start <= found.end <= len(text)
        if found.date is not None:
            dt.date.fromisoformat(found.date)


@settings(max_examples=100)
@given(_TEXT, _ANCHORS)
def test_fuzz_dates_expression_values_are_real_dates(text: str, anchor: dt.date | None) -> None:
    for e in find_expressions(text, anchor):
        assert text[e.start : e.end] == e.text
        for value in (e.value, e.end_value):
            if value is not None:
                _valid(value)


@settings(max_examples=100)
@given(_TEXT)
def test_fuzz_dates_stamp_is_a_real_date_and_slices(text: str) -> None:
    found = find_stamp(text)
    if found is not None:
        date, start, end = found
        dt.date.fromisoformat(date)
        assert 0 <= start < end <= len(text)


@settings(max_examples=100)
@given(_URL)
def test_fuzz_dates_url_date_is_a_real_date(url: str | None) -> None:
    found = date_from_url(url)
    if found is not None:
        dt.date.fromisoformat(found)


@settings(max_examples=100)
@given(_TEXT, _URL)
def test_fuzz_dates_published_date_never_raises(text: str, url: str | None) -> None:
    date, source = published_date(text, url, find_dateline(text))
    assert (date is None) == (source is None)
    if date is not None:
        dt.date.fromisoformat(date)
