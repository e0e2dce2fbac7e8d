"""Stage 3a, dates: the dateline, the published date and the time expressions of a document.

Everything works on the original text and returns offsets into it; a private fold
(folding.py) absorbs spelling variants until the shared normaliser exists.
"""

from rasd.dates.dateline import find_dateline
from rasd.dates.expressions import find_expressions
from rasd.dates.months import Month, load_months
from rasd.dates.published import PUBLISHED_SOURCES, date_from_url, find_stamp, published_date
from rasd.dates.records import Dateline, TimeExpr

__all__ = [
    "PUBLISHED_SOURCES",
    "Dateline",
    "Month",
    "TimeExpr",
    "date_from_url",
    "find_dateline",
    "find_expressions",
    "find_stamp",
    "load_months",
    "published_date",
]
