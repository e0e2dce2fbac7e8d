"""Who: actor mentions in a document, and people resolved to their office at the document's date.

Hits of the actor lexicon are grouped into mentions: a title with the country or organisation beside
it («وزير الخارجية الصيني», «الأمين العام للأمم المتحدة») is one mention resolved to the office holder at
the date; a full name is a person; a short name («شي», «علييف») counts only when the full name of that
person appears in the document; a counterpart («نظيره الأذربيجاني») takes the office of the person just
named.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rasd.normalise.match import Hit
from rasd.normalise.text import NormText
from rasd.records import Person, Span
from rasd.resources import ActorKey, Resources

COUNTERPART = "@counterpart"
_MAX_GAP = 2  # characters allowed between a title and its country («وزير الخارجية الصيني»)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """One reference to an actor, in folded (norm_*) and original (span) offsets."""

    norm_start: int
    norm_end: int
    span: Span
    code: str  # actor code: "CHN", "UN", "YEM-REB"
    kind: str  # country, adj, org, person, title, place
    person: str | None = None  # PersonEntry key when the mention is a person
    office: str | None = None
    place: int | None = None  # gazetteer index when the mention (also) names a place


@dataclass(frozen=True, slots=True)
class DateWindow:
    lo: dt.date
    hi: dt.date


def window_from(date: str | None) -> DateWindow | None:
    if not date:
        return None
    try:
        parts = [int(x) for x in date.split("-")]
        if len(parts) == 3:
            d = dt.date(*parts)
            return DateWindow(d, d)
        if len(parts) == 2:
            lo = dt.date(parts[0], parts[1], 1)
            hi = (lo + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
            return DateWindow(lo, hi)
        return DateWindow(dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31))
    except (ValueError, TypeError):
        return None


def _named_window(res: Resources, keys: set[str]) -> DateWindow | None:
    """When the text has no date: the span of time in which all named people were in office."""
    lo, hi = dt.date.min, dt.date.max
    for key in keys:
        offices = res.people[key].offices
        starts = [o.start or dt.date.min for o in offices]
        ends = [o.end or dt.date.max for o in offices]
        lo, hi = max(lo, min(starts)), min(hi, max(ends))
    if not keys or lo > hi or lo == dt.date.min:
        return None
    return DateWindow(lo, hi)


def holder(res: Resources, office: str, country: str, window: DateWindow | None) -> str | None:
    """The one person who held ``office`` for ``country`` in the window, else None."""
    if window is None:
        return None
    found = [
        p.key
        for p in res.people.values()
        if any(o.office == office and o.country == country and o.overlaps(window.lo, window.hi)
               for o in p.offices)
    ]
    return found[0] if len(found) == 1 else None


def _code_of(res: Resources, key: ActorKey) -> str | None:
    if key.kind in ("country", "adj"):
        return key.key
    if key.kind in ("org", "org_adj"):
        return res.organisations[int(key.key)].code
    if key.kind == "place":
        return None
    return None


def _pick(hit: Hit[ActorKey], kinds: tuple[str, ...]) -> ActorKey | None:
    for kind in kinds:
        for p in hit.payloads:
            if p.kind == kind:
                return p
    return None


class _Builder:
    def __init__(self, res: Resources, norm: NormText, window: DateWindow | None) -> None:
        self.res, self.norm, self.window = res, norm, window
        self.mentions: list[ActorMention] = []
        self.people: dict[str, Person] = {}

    def span(self, start: int, end: int) -> Span:
        return self.norm.to_original(start, end)

    def add_person(self, key: str, start: int, end: int, text: str, office: str | None = None) -> None:
        entry = self.res.people[key]
        held = entry.office_at(self.window.lo if self.window else None, self.window.hi if self.window else None)
        role = office or (held.office if held else None)
        country = held.country if held else entry.country
        span = self.span(start, end)
        person = self.people.get(key)
        if person is None:
            name_ar = span.slice(text) if office is None else entry.names_ar[0]
            person = Person(entry.name_en, name_ar, country, role, entry.wikidata, [])
            self.people[key] = person
        if span not in person.mentions:
            person.mentions.append(span)
        self.mentions.append(ActorMention(start, end, span, person.country, "person", key, role))


def find_actors(
    text: str, norm: NormText, res: Resources, date: str | None
) -> tuple[list[Person], list[ActorMention]]:
    """People (with mentions) and every actor mention in the document, in text order."""
    hits = res.actors.find(norm.text)
    named = {p.key for h in hits for p in h.payloads if p.kind == "person"}
    window = window_from(date) or _named_window(res, named)
    b = _Builder(res, norm, window)
    last_office: str | None = None
    i = 0
    while i < len(hits):
        h = hits[i]
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        adjacent = nxt is not None and nxt.start - h.end <= _MAX_GAP
        person = _pick(h, ("person",))
        short = _pick(h, ("short",))
        title = _pick(h, ("title",))
        if person:
            b.add_person(person.key, h.start, h.end, text)
            last_office = b.people[person.key].role
        elif short and short.key in named:
            b.add_person(short.key, h.start, h.end, text)
            last_office = b.people[short.key].role
        elif title:
            t = res.titles[int(title.key)]
            country_key = _pick(nxt, ("adj", "country", "org", "org_adj")) if nxt and adjacent else None
            country = t.country or (_code_of(res, country_key) if country_key else None)
            office = last_office if t.office == COUNTERPART else t.office
            end = nxt.end if country_key and nxt else h.end
            named_next = nxt is not None and country_key is None and adjacent and _pick(nxt, ("person",))
            if country and not named_next:
                after = hits[i + 2] if country_key and i + 2 < len(hits) else None
                names_follow = after is not None and after.start - end <= _MAX_GAP and _pick(after, ("person",))
                who = None if names_follow or office is None else holder(res, office, country, window)
                if who:
                    b.add_person(who, h.start, end, text, office)
                else:
                    b.mentions.append(ActorMention(h.start, end, b.span(h.start, end), country, "title",
                                                   office=office))
                if country_key:
                    i += 1
        else:
            key = _pick(h, ("country", "org", "adj", "org_adj", "place"))
            if key is not None:
                code = _code_of(res, key)
                place = _pick(h, ("place",))
                place_idx = int(place.key) if place else None
                if code is None and place_idx is not None:
                    code = res.places[place_idx].country
                    b.mentions.append(ActorMention(h.start, h.end, b.span(h.start, h.end), code, "place",
                                                   place=place_idx))
                elif code is not None:
                    b.mentions.append(ActorMention(h.start, h.end, b.span(h.start, h.end), code, key.kind,
                                                   place=place_idx))
        i += 1
    return list(b.people.values()), b.mentions
