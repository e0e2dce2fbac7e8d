"""The dateline: place, date and agency at the head of a wire story.

Forms seen in the seeds and the SaudiNewsNet corpus (dev README §1):
``أستانا 3 يوليو 2024 (شينخوا)``, ``تشنغدو أول ديسمبر 2024 (شينخوا)``,
``بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس``, an opening
``في 28 كانون الثاني / يناير 2026 ،`` with no place, and ``القاهرة - أ ش أ`` or
``وام - أبوظبي:`` with no date. Only the first few lines are searched (after a
headline, a breadcrumb or a page stamp), because a date at the start of a body
paragraph is narrative, not a dateline.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from rasd.dates.folding import Folded, fold
from rasd.dates.hijri import hijri_iso, hijri_to_gregorian, iso_day, make_date
from rasd.dates.patterns import (
    END,
    SP,
    SP1,
    WEEKDAY,
    YEAR,
    day,
    day_value,
    gregorian_month,
    gregorian_number,
    hijri_month,
    hijri_number,
)
from rasd.dates.records import Dateline

MAX_LINES = 6  # non-blank lines looked at
BODY_LINE = 200  # a longer line that is no dateline means the body has started

# Folded Arabic forms of agency names. Abbreviations are written letter by letter
# («ا ف ب») and match with or without spaces and dots between the letters.
AGENCIES: dict[str, tuple[str, ...]] = {
    "Xinhua": ("شينخوا",),
    "SPA": ("واس",),
    "WAM": ("وام",),
    "QNA": ("قنا",),
    "KUNA": ("كونا",),
    "Petra": ("بترا",),
    "AZERTAC": ("اذرتاج",),
    "TASS": ("تاس",),
    "Anadolu": ("الاناضول", "وكاله الاناضول"),
    "TAP": ("وات",),
    "APS": ("واج",),
    "MAP": ("ومع", "و م ع", "لاماب"),
    "MENA": ("ا ش ا",),
    "SANA": ("سانا",),
    "INA": ("واع",),
    "Reuters": ("رويترز",),
    "AFP": ("ا ف ب", "فرانس برس"),
    "AP": ("ا ب", "اسوشيتد برس", "اسوشيتيد برس"),
    "DPA": ("د ب ا",),
    "IRNA": ("ارنا",),
    "BNA": ("بنا",),
    "ONA": ("العمانيه",),
    "Saba": ("سبا",),
    "Sputnik": ("سبوتنيك",),
    "Yonhap": ("يونهاب",),
}
# Words that start a sentence, not a place («وفي 3 يوليو 2024 قال», «منذ 3 يوليو 2024»).
_STOP_PLACE = "في|وفي|منذ|بتاريخ|تاريخ|حتي|يوم|اليوم|امس|قبل|بعد|خلال|من"


def _agency_pattern(form: str) -> str:
    parts = form.split()
    if all(len(p) == 1 for p in parts):
        # Letters must be apart («أ ف ب», «أ.ف.ب»): glued, «اب» is the month «آب».
        return r"[ .]+".join(re.escape(p) for p in parts) + r"\.?"
    return SP1.join(re.escape(p) for p in parts)


def _compact(surface: str) -> str:
    return re.sub(r"[ .]", "", surface)


_AGENCY_BY_COMPACT = {_compact(form): name for name, forms in AGENCIES.items() for form in forms}
_AGENCY_FORMS = sorted((form for forms in AGENCIES.values() for form in forms), key=len, reverse=True)
AGENCY = "(?:" + "|".join(_agency_pattern(form) for form in _AGENCY_FORMS) + ")" + END
# A place word is read whole (possessive): the engine would otherwise try every shorter place before
# failing. A cut word could only go on as «في», a weekday or «الـ» before a day's figures, and then the
# whole word, tried first, goes on the same way; so no match is lost.
_PLACE_WORD = rf"(?!(?:{_STOP_PLACE}){END})(?!{WEEKDAY})[\u0621-\u064a]++"
_WORDS = rf"{_PLACE_WORD}(?:{SP1}{_PLACE_WORD}){{0,2}}"
# «تبليسي (جورجيا)»: the country in brackets stays in the span but out of the place.
PLACE = rf"(?P<place>{_WORDS})(?:{SP}\({SP}{_WORDS}{SP}\))?"
_AGENCY_TAIL = rf"(?:{SP}\.?{SP}[-:]?{SP}[(/]?{SP}(?P<agency>{AGENCY}){SP}[)/]?)?"
_GREG_MARK = rf"(?:{SP}م(?:{END}|(?=واس)))?"


@lru_cache(maxsize=1)
def _dated() -> re.Pattern[str]:
    """Place (optional), «في» (optional), weekday (optional), then a Hijri/Gregorian or Gregorian date."""
    hijri = (
        rf"{day('h')}{SP}{hijri_month('hm')}{SP}(?P<hy>{YEAR}){SP}(?:ه{SP}\.?)?{SP}"
        rf"(?:ا?لموافق{SP}{day('g')}{SP}{gregorian_month('gm')}{SP}[,،]?{SP}(?P<gy>{YEAR}){_GREG_MARK})?"
    )
    gregorian = rf"{day('d')}{SP}(?:من{SP1})?{gregorian_month('dm')}(?:{SP}[,،]?{SP}(?P<dy>{YEAR}){_GREG_MARK})?"
    # «الكويت - 2 - 11 - 2023 (كونا)»: day, month and year in figures
    numeric = rf"(?P<nd>\d{{1,2}}){SP}[-/]{SP}(?P<nm>\d{{1,2}}){SP}[-/]{SP}(?P<ny>{YEAR})"
    return re.compile(
        rf"[ ]*(?:{PLACE}{SP}[,،-]?{SP})?(?:(?P<fi>في){SP1})?(?:(?P<wd>{WEEKDAY}){SP}[,،]?{SP})?"
        rf"(?:{hijri}|{gregorian}|{numeric}){_AGENCY_TAIL}"
    )


@lru_cache(maxsize=1)
def _undated() -> re.Pattern[str]:
    """``PLACE - AGENCY`` / ``PLACE (AGENCY) -`` or ``AGENCY - PLACE:`` with no date."""
    place_first = (
        rf"[ ]*{PLACE}{SP}(?:-{SP}\(?{SP}(?P<agency>{AGENCY}){SP}\)?{SP}(?::|$|(?=\w))"
        rf"|\({SP}(?P<agency2>{AGENCY}){SP}\){SP}(?:[-:]|$))"
    )
    agency_first = rf"[ ]*(?P<agency3>{AGENCY}){SP}-{SP}(?P<place3>{_WORDS}){SP}(?::|$)"
    return re.compile(rf"(?:{place_first})|(?:{agency_first})")


def _lines(folded: Folded) -> Iterator[tuple[int, int]]:
    """(start, end) in folded text of the first non-blank lines."""
    seen = 0
    start = 0
    text = folded.text
    while start <= len(text) and seen < MAX_LINES:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if text[start:end].strip():
            seen += 1
            yield start, end
        start = end + 1


def _date_of(match: re.Match[str]) -> tuple[str | None, str | None]:
    """(Gregorian, Hijri) ISO dates of a dated match; the Gregorian side wins when both are written."""
    hijri: str | None = None
    gregorian: str | None = None
    if match.group("hy"):
        hy, hm, hd = int(match.group("hy")), hijri_number(match, "hm"), day_value(match, "h")
        if hm is not None and hd is not None:
            hijri = hijri_iso(hy, hm, hd)
            gregorian = iso_day(hijri_to_gregorian(hy, hm, hd)) if hijri else None
        if match.group("gy"):
            written = _gregorian(int(match.group("gy")), gregorian_number(match, "gm"), day_value(match, "g"))
            gregorian = written or gregorian
    elif match.group("dy"):
        gregorian = _gregorian(int(match.group("dy")), gregorian_number(match, "dm"), day_value(match, "d"))
    elif match.group("ny"):
        gregorian = _gregorian(int(match.group("ny")), int(match.group("nm")), int(match.group("nd")))
    return gregorian, hijri


def _ends_header(match: re.Match[str]) -> bool:
    """True when the date closes its line or is followed by a dash, colon or slash, as a dateline is."""
    rest = match.string[match.end() : match.endpos].lstrip(" ")
    return not rest or rest[0] in "-:/"


def _gregorian(year: int, month: int | None, dom: int | None) -> str | None:
    if month is None or dom is None:
        return None
    return iso_day(make_date(year, month, dom))


def _agency_name(surface: str | None) -> str | None:
    return _AGENCY_BY_COMPACT.get(_compact(surface)) if surface else None


def _from_dated(folded: Folded, match: re.Match[str]) -> Dateline | None:
    date, hijri = _date_of(match)
    agency = _agency_name(match.group("agency"))
    has_year = bool(match.group("hy") or match.group("dy") or match.group("ny"))
    if match.group("ny") and agency is None:
        return None  # figures alone are too weak a dateline without an agency
    place = match.group("place")
    # A date with no year is a dateline only when an agency vouches for it («بكين 3 يوليو (شينخوا)»);
    # a bare date with neither place nor «في» nor agency is just a sentence that starts with a date.
    if not has_year and agency is None:
        return None
    if place is None and match.group("fi") is None and agency is None and match.group("wd") is None:
        return None
    if place is not None and match.group("fi") and agency is None and not _ends_header(match):
        return None  # «واعتقل رضايان في 22 يوليو 2014 في طهران» is a sentence
    return _build(folded, match, "place", date, agency, hijri)


def _build(
    folded: Folded,
    match: re.Match[str],
    place_group: str,
    date: str | None,
    agency: str | None,
    hijri: str | None = None,
) -> Dateline:
    start, end = match.start(), match.end()
    while start < end and folded.text[start] == " ":
        start += 1
    while end > start and folded.text[end - 1] == " ":
        end -= 1
    place_ar = None
    if match.group(place_group):
        p_start, p_end = folded.span(match.start(place_group), match.end(place_group))
        place_ar = folded.original[p_start:p_end]
    o_start, o_end = folded.span(start, end)
    return Dateline(place_ar, date, agency, o_start, o_end, hijri)


def _from_undated(folded: Folded, match: re.Match[str]) -> Dateline:
    if match.group("agency3"):
        return _build(folded, match, "place3", None, _agency_name(match.group("agency3")))
    agency = _agency_name(match.group("agency") or match.group("agency2"))
    return _build(folded, match, "place", None, agency)


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the head of ``text``, or None; offsets index ``text``."""
    if not text:
        return None
    folded = fold(text)
    for start, end in _lines(folded):
        dated = _dated().match(folded.text, start, end)
        if dated is not None:
            found = _from_dated(folded, dated)
            if found is not None:
                return found
        undated = _undated().match(folded.text, start, end)
        if undated is not None:
            return _from_undated(folded, undated)
        if end - start > BODY_LINE:
            return None
    return None
