"""When a document was published: its page stamp, else its dateline, else a date in its URL.

Dev README §1: the crawl date is never used. The order lives in one tuple so the
chosen step can be reported as the date's source.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from rasd.dates.folding import fold
from rasd.dates.hijri import iso_day, make_date
from rasd.dates.records import Dateline

PUBLISHED_SOURCES = ("stamp", "dateline", "url")
URL_YEARS = range(1990, 2101)
_URL_DROPPED = frozenset("\t\r\n")  # a wider range mostly catches article ids that look like dates

# «2024:12:02.10:20» (People's Daily): colons alone mark a stamp; with - / . a time must follow,
# so a date written in the body is not taken for one. The lookbehind comes after the first figure,
# so that the engine can skip to it instead of trying every position; there is one pattern per first
# figure, as the engine skips to one character far faster than to either of two.
_STAMP_FORM = (
    r"(?P<y>{first}(?<![0-9].)[0-9]{{3}})(?P<sep>[:/.-])(?P<m>[0-9]{{1,2}})(?P=sep)(?P<d>[0-9]{{1,2}})"
    r"(?P<time>[ .T]+[0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?)?(?![0-9])"
)
_STAMPS = tuple(re.compile(_STAMP_FORM.format(first=first)) for first in "12")
_URL_PATTERNS = (
    # /2015/08/04/ or /2015-08-04
    re.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})[/_-](?P<m>[01]?[0-9])[/_-](?P<d>[0-3]?[0-9])(?![0-9])"),
    # /2024/0721/
    re.compile(r"/(?P<y>(?:19|20)[0-9]{2})/(?P<m>[01][0-9])(?P<d>[0-3][0-9])(?![0-9])"),
    # /20150721/ or Issues/20150808/
    re.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})(?P<m>[01][0-9])(?P<d>[0-3][0-9])(?![0-9])"),
)


def find_stamp(text: str) -> tuple[str, int, int] | None:
    """The first page stamp such as ``2024:12:02.10:20`` as (ISO date, start, end), or None."""
    if not text:
        return None
    folded = fold(text)
    for match in _stamps(folded.text):
        if match.group("sep") != ":" and not match.group("time"):
            continue
        date = iso_day(make_date(int(match.group("y")), int(match.group("m")), int(match.group("d"))))
        if date is not None:
            start, end = folded.span(match.start(), match.end())
            return date, start, end
    return None


def _stamps(text: str) -> list[re.Match[str]]:
    """Every match of the stamp pattern with either first figure, in text order. They cannot overlap:
    a year is the only run of four figures in a stamp, and one starts after no figure."""
    found = [match for pattern in _STAMPS for match in pattern.finditer(text)]
    return sorted(found, key=re.Match.start) if found else found


def date_from_url(url: str | None) -> str | None:
    """A date written in a URL path (``/2015/20150721/du13.htm`` → ``2015-07-21``), or None.

    Only the path is read: query strings carry ids (``?id=1386862``) that can look like dates.
    Impossible dates (month 13, 30 February) are rejected, and the next pattern is tried.
    """
    if not url or ("19" not in url and "20" not in url and not _URL_DROPPED.intersection(url)):
        return None  # every pattern needs a year's «19» or «20» (urlsplit drops tabs and line breaks)
    try:
        path = urlsplit(url).path
    except ValueError:
        path = url.split("?", 1)[0]
    for pattern in _URL_PATTERNS:
        for match in pattern.finditer(path):
            year = int(match.group("y"))
            if year not in URL_YEARS:
                continue
            date = iso_day(make_date(year, int(match.group("m")), int(match.group("d"))))
            if date is not None:
                return date
    return None


def published_date(text: str, url: str | None, dateline: Dateline | None) -> tuple[str | None, str | None]:
    """(date, source) from the first of stamp, dateline and URL that gives a date; (None, None) if none."""
    stamp = find_stamp(text)
    if stamp is not None:
        return stamp[0], "stamp"
    if dateline is not None and dateline.date is not None:
        return dateline.date, "dateline"
    from_url = date_from_url(url)
    if from_url is not None:
        return from_url, "url"
    return None, None
