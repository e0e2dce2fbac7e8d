"""The event stage over an analysed document: events, partnerships and flags, merged per fact."""

from __future__ import annotations

import bisect
import datetime as dt

from rasd import dates
from rasd.analysis import Analysis
from rasd.events.coder import EventCoder
from rasd.events.coherence import incoherent
from rasd.events.lexicon import event_lexicons
from rasd.merge.facts import merge_events, merge_partnerships
from rasd.records import Event, Partnership, Place, Span
from rasd.resources import Resources

_DEFAULT_KINDS = ("absolute", "hijri", "range")
_LEAD = 3  # sentences searched for a date even without events, when there is no dateline


def _anchor_date(anchor: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(anchor) if anchor and len(anchor) == 10 else None
    except ValueError:
        return None


def default_date(exprs: list[dates.TimeExpr], dateline: tuple[str, str] | None) -> tuple[str, str, str] | None:
    """What a sentence without its own date is dated by: the dateline, else the first full date the
    text states (a visit's range gives its month)."""
    if dateline is not None:
        return dateline[0], "day", dateline[1]
    for e in exprs:
        if e.kind in _DEFAULT_KINDS and e.value and e.precision == "day":
            if e.kind == "range" and e.end_value and e.end_value[:7] == e.value[:7]:
                return e.value[:7], "month", e.text
            return e.value, "day", e.text
    return None


def _hot(sentences: list[tuple[Span, int, int]], starts: list[int], lead: int) -> list[Span]:
    """The sentences that hold a trigger or a partnership word, and the first ``lead`` sentences."""
    out = []
    for i, (s, n0, n1) in enumerate(sentences):
        j = bisect.bisect_left(starts, n0)
        if i < lead or (j < len(starts) and starts[j] < n1):
            out.append(s)
    return out


_CODERS: dict[int, tuple[Resources, EventCoder]] = {}


def _coder(res: Resources) -> EventCoder:
    """The event coder of these resources, built once (it keeps nothing between documents)."""
    if id(res) not in _CODERS:
        if len(_CODERS) >= 4:
            _CODERS.clear()
        _CODERS[id(res)] = (res, EventCoder(res, event_lexicons()))  # res is kept, so its id stays its own
    return _CODERS[id(res)][1]


def run(a: Analysis, res: Resources) -> tuple[list[Event], list[Partnership], list[str]]:
    lex = event_lexicons()
    text = a.doc.text
    dl = a.dateline
    event_anchor = dl.date if dl and dl.date else None
    bounds = a.norm.folded_offsets([x for s in a.sentences for x in (s.start, s.end)])
    sentences = [(s, bounds[2 * i], bounds[2 * i + 1]) for i, s in enumerate(a.sentences)]
    coder = _coder(res)
    found = coder.find(a.norm.text)
    # dates are read only where events or partnerships are stated, and in the lead when there is
    # no dateline (a text's first full date may date everything); a text that states neither has
    # nothing to date
    starts = found.starts()
    hot = _hot(sentences, starts, 0 if dl else _LEAD) if starts else []
    exprs = dates.find_expressions(text, _anchor_date(event_anchor), [(s.start, s.end) for s in hot])
    dateline_date = (dl.date, text[dl.start : dl.end]) if dl and dl.date else None
    place = None
    if dl and dl.place:
        entry = res.place_named(dl.place)
        if entry:
            place = Place(entry.name_en, entry.country, entry.lat, entry.lon)
    # the dateline's place says where the story was filed, not who acted
    mentions = [m for m in a.mentions if not (dl and dl.start <= m.span.start < dl.end)]
    raw, raw_partnerships = coder.code(
        text,
        a.norm.text,
        a.norm.to_original,
        sentences,
        mentions,
        exprs,
        default_date(exprs, dateline_date),
        event_anchor,
        place,
        found,
    )
    flags = ["incoherent-actors"] if incoherent(a.norm.text, a.mentions, raw) else []
    return merge_events(a.doc.id, text, raw, res, lex), merge_partnerships(text, raw_partnerships), flags
