"""Published date: page stamp, then dateline, then URL; never the crawl date (dev README §1-2)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.dates import Dateline, date_from_url, find_dateline, find_stamp, published_date
from rasd.dates.hijri import iso_day, make_date
from rasd.dates.published import _URL_PATTERNS, URL_YEARS, _stamps

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
DATELINE = Dateline("بكين", "2024-12-01", "Xinhua", 0, 10)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/مصدر: شينخوا/\u00a0\u00a0\u00a02024:12:02.10:20\n\nبكين", ("2024-12-02", "2024:12:02.10:20")),
        ("آخر تحديث 2015-08-10 18:37 بتوقيت مكة", ("2015-08-10", "2015-08-10 18:37")),
        ("نشر ٢٠٢٤:١٢:٠٢.١٠:٢٠", ("2024-12-02", "٢٠٢٤:١٢:٠٢.١٠:٢٠")),
    ],
)
def test_published_finds_page_stamps(text: str, expected: tuple[str, str]) -> None:
    found = find_stamp(text)
    assert found is not None
    date, start, end = found
    assert (date, text[start:end]) == expected


@pytest.mark.parametrize(
    "text",
    ["", "وقع الطرفان في 2015-08-04 محضرا", "العدد 2024:13:02.10:20", "الساعة 10:20 صباحا"],
)
def test_published_rejects_dates_that_are_no_stamp(text: str) -> None:
    assert find_stamp(text) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://www.al-jazirah.com/2015/20150721/du13.htm", "2015-07-21"),
        ("http://www.okaz.com.sa/new/Issues/20150808/Con20150808788371.htm", "2015-08-08"),
        ("https://example.com/news/2024/0721/item.html", "2024-07-21"),
        ("https://example.com/2024/07/21/story", "2024-07-21"),
        ("https://example.com/story-2024-07-21.html", "2024-07-21"),
        ("https://example.com/2015/20150231/x.htm", None),
        ("https://example.com/2015/13/01/x.htm", None),
        ("http://www.spa.gov.sa/details.php?id=1386862", None),
        ("http://www.alwatan.com.sa/Politics/News_Detail.aspx?ArticleID=231268&CategoryID=1", None),
        ("http://aawsat.com/home/article/410441", None),
        ("http://[bad-url/2015/08/04/", "2015-08-04"),
        ("", None),
        (None, None),
    ],
)
def test_published_reads_dates_in_urls(url: str | None, expected: str | None) -> None:
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    ("text", "url", "dateline", "expected"),
    [
        ("2024:12:02.10:20 نص", "https://x.org/2020/01/01/a", DATELINE, ("2024-12-02", "stamp")),
        ("نص بلا ختم", "https://x.org/2020/01/01/a", DATELINE, ("2024-12-01", "dateline")),
        ("نص بلا ختم", "https://x.org/2020/01/01/a", None, ("2020-01-01", "url")),
        (
            "نص بلا ختم",
            "https://x.org/2020/01/01/a",
            Dateline("بكين", None, "Xinhua", 0, 4),
            ("2020-01-01", "url"),
        ),
        ("نص بلا ختم", None, None, (None, None)),
    ],
)
def test_published_takes_stamp_then_dateline_then_url(
    text: str, url: str | None, dateline: Dateline | None, expected: tuple[str | None, str | None]
) -> None:
    assert published_date(text, url, dateline) == expected


def test_published_seed_004_uses_its_stamp() -> None:
    seeds = sorted((SHARED / "seeds").glob("004_*.txt"))
    if not seeds:
        pytest.skip(f"seed 004 not available under {SHARED}")
    text = seeds[0].read_text(encoding="utf-8")
    dateline = find_dateline(text)
    assert dateline is not None and dateline.date == "2024-12-01"
    assert published_date(text, None, dateline) == ("2024-12-02", "stamp")


@given(st.text(max_size=200), st.none() | st.text(max_size=80))
def test_published_never_raises(text: str, url: str | None) -> None:
    stamp = find_stamp(text)
    if stamp is not None:
        assert 0 <= stamp[1] < stamp[2] <= len(text)
    date, source = published_date(text, url, find_dateline(text))
    assert (date is None) == (source is None)
    assert source in (None, "stamp", "dateline", "url")


_OLD_STAMP = re.compile(
    r"(?P<y>[12](?<![0-9].)[0-9]{3})(?P<sep>[:/.-])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})"
    r"(?P<time>[ .T]+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?(?![0-9])"
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(["1", "2", "0", "9", "12", "2015", "1436", ":", "/", ".", "-", " ", "T", "x"]), max_size=30
    )
)
def test_published_stamps_of_each_first_figure_are_those_of_one_pattern(parts: list[str]) -> None:
    text = "".join(parts)
    assert [m.span() for m in _stamps(text)] == [m.span() for m in _OLD_STAMP.finditer(text)]


def _reference_date_from_url(url: str) -> str | None:
    """date_from_url with no shortcut: every URL is split."""
    try:
        path = urlsplit(url).path
    except ValueError:
        path = url.split("?", 1)[0]
    for pattern in _URL_PATTERNS:
        for match in pattern.finditer(path):
            year = int(match.group("y"))
            date = iso_day(make_date(year, int(match.group("m")), int(match.group("d"))))
            if year in URL_YEARS and date is not None:
                return date
    return None


@given(
    st.lists(
        st.sampled_from(["http://a.b/", "2015", "20", "19", "1", "08", "/", "-", "_", "?", "\n", "\t", "x"]),
        max_size=12,
    )
)
def test_published_url_without_a_year_needs_no_split(parts: list[str]) -> None:
    url = "".join(parts)
    assert date_from_url(url) == (_reference_date_from_url(url) if url else None)
