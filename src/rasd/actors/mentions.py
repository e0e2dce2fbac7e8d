"""Who: actor mentions in a document, and people resolved to their office at the document's date.

Hits of the actor lexicon are grouped into mentions: a title with the country or organisation beside
it («وزير الخارجية الصيني», «الأمين العام للأمم المتحدة») is one mention resolved to the office holder at
the date; a full name is a person; a short name («شي», «علييف») counts only when the full name of that
person appears in the document; a counterpart («نظيره الأذربيجاني») takes the office of the person just
named.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from rasd.actors.fuzzy import with_skeleton_hits
from rasd.actors.lexicon import Office, PersonEntry, groups
from rasd.actors.officials import unknown_people
from rasd.actors.types import ActorMention
from rasd.normalise.match import Hit
from rasd.normalise.text import NormText, fold
from rasd.records import Person, Span
from rasd.resources import ActorKey, Resources

COUNTERPART = "@counterpart"
_MAX_GAP = 2  # characters allowed between a title and its country («وزير الخارجية الصيني»)


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
        key
        for key, offices in _holders(res.people).get((office, country), ())
        if any(o.overlaps(window.lo, window.hi) for o in offices)
    ]
    return found[0] if len(found) == 1 else None


_Holders = dict[tuple[str, str], list[tuple[str, tuple[Office, ...]]]]
_HOLDERS: dict[int, tuple[dict[str, PersonEntry], _Holders]] = {}


def _holders(people: dict[str, PersonEntry]) -> _Holders:
    """(office, state) → each person who held it, in lexicon order, with those terms: built once per people
    table (kept with it, so its id stays its own), so that a title looks at its few holders, not everyone."""
    cached = _HOLDERS.get(id(people))
    if cached is not None and cached[0] is people:
        return cached[1]
    index: _Holders = {}
    for p in people.values():
        terms: dict[tuple[str, str], list[Office]] = {}
        for o in p.offices:
            terms.setdefault((o.office, o.country), []).append(o)
        for post, offices in terms.items():
            index.setdefault(post, []).append((p.key, tuple(offices)))
    if len(_HOLDERS) >= 4:
        _HOLDERS.clear()
    _HOLDERS[id(people)] = (people, index)
    return index


def _code_of(res: Resources, key: ActorKey) -> str | None:
    if key.kind in ("country", "adj"):
        return key.key
    if key.kind in ("org", "org_adj"):
        return res.organisations[int(key.key)].code
    return None


def _pick(hit: Hit[ActorKey] | None, kinds: tuple[str, ...]) -> ActorKey | None:
    if hit is None:
        return None
    if len(hit.payloads) == 1:  # the common case: one reading
        p = hit.payloads[0]
        return p if p.kind in kinds else None
    for kind in kinds:
        for p in hit.payloads:
            if p.kind == kind:
                return p
    return None


def _readings(hit: Hit[ActorKey]) -> tuple[ActorKey | None, ActorKey | None, ActorKey | None]:
    """The hit's person, short-name and title readings (most hits have one reading of one kind)."""
    if len(hit.payloads) == 1:
        p = hit.payloads[0]
        kind = p.kind
        return (p if kind == "person" else None), (p if kind == "short" else None), (p if kind == "title" else None)
    return _pick(hit, ("person",)), _pick(hit, ("short",)), _pick(hit, ("title",))


HEADS_OF_STATE = ("President", "King", "Emir", "Sultan")
HEADS = "@heads"  # «رئيسا البلدين»: the heads of state of the two parties just named
_NAME_GOES_ON = re.compile(r"\s+ال\w+")


class _Builder:
    """Collects mentions and people while walking the hits of one document in order."""

    def __init__(
        self, res: Resources, norm: NormText, text: str, window: DateWindow | None, agency: str | None
    ) -> None:
        self.res, self.norm, self.text, self.window, self.agency = res, norm, text, window, agency
        self.mentions: list[ActorMention] = []
        self.people: dict[str, Person] = {}
        self.recent: list[str] = []  # person keys, most recent last
        self.subjects: list[str] = []  # the first person named in each sentence
        self._last_person_end = 0
        self.states: list[str] = []  # state codes in order of mention
        self.home: str | None = None  # the state of the dateline's place: officials named bare are its own

    def span(self, start: int, end: int) -> Span:
        return self.norm.to_original(start, end)

    def add_mention(self, m: ActorMention) -> None:
        self.mentions.append(m)
        state = m.code.split("-", 1)[0]
        if state in self.res.countries:
            self.states.append(state)

    def add_person(self, key: str, start: int, end: int, office: str | None = None, *, mention: bool = True) -> None:
        entry = self.res.people[key]
        lo, hi = (self.window.lo, self.window.hi) if self.window else (None, None)
        held = entry.office_at(lo, hi)
        role = office or (held.office if held else None)
        country = held.country if held else entry.country
        span = self.span(start, end)
        person = self.people.get(key)
        if person is None:
            name_ar = span.slice(self.text) if office is None else entry.names_ar[0]
            person = Person(entry.name_en, name_ar, country, role, entry.wikidata, [])
            self.people[key] = person
        if office is None and len(span.slice(self.text)) > len(person.name_ar) and key in self.res.people:
            surface = span.slice(self.text)
            if any(fold(n) == fold(surface) for n in entry.names_ar):
                person.name_ar = surface  # the fullest spelling seen names the person
        if span not in person.mentions:
            person.mentions.append(span)
        if not self.recent or any(c in self.norm.text[self._last_person_end : start] for c in ".!?\n"):
            self.subjects.append(key)
        self._last_person_end = end
        self.recent.append(key)
        if mention:
            self.add_mention(ActorMention(start, end, span, person.country, "person", key, role))

    def last_person(self, offices: frozenset[str] | None = None) -> str | None:
        """Whom an honorific or a bare title means: the latest sentence subject (first person named in
        a sentence) holding one of the offices, else the latest such person named."""
        for pool in (self.subjects, self.recent):
            for key in reversed(pool):
                if offices is None or (self.people[key].role in offices):
                    return key
        return None

    def styled(self, kind: str) -> str | None:
        """«المملكة»: the first kingdom named, else Saudi Arabia in a Saudi Press Agency item;
        «السلطنة»: the first sultanate named."""
        prefix = _STYLES.get(kind)
        if prefix is None:
            return None
        for code in self.states:
            if any(n.startswith(prefix) for n in self.res.countries[code].names_ar):
                return code
        return "SAU" if kind == "kingdom" and self.agency == "SPA" else None


_STYLES = {"kingdom": "المملكة", "sultanate": "سلطنة"}  # aliases.tsv kinds: a state's style, as its names begin


_NOT_A_NAME = frozenset(
    {
        "اليوم",
        "الذي",
        "التي",
        "الذين",
        "الي",
        "الاول",
        "الثاني",
        "الملك",
        "الرييس",
        "النايب",
        "الامير",
        "السابق",
        "الحالي",
        "العام",
        "المكلف",
    }
)


def _continues(norm: str, term: str, end: int) -> bool:
    """Does an Arab name go on after the match? «عبدالله بن عبدالعزيز الربيعة» is not the king: a match
    that stops at a father's name («… بن عبدالعزيز») followed by a family name («الربيعة»)."""
    parts = term.split()
    if len(parts) < 2 or parts[-2] != "بن":
        return False
    m = _NAME_GOES_ON.match(norm, end)
    return m is not None and m.group().strip() not in _NOT_A_NAME


def find_actors(
    text: str,
    norm: NormText,
    res: Resources,
    date: str | None,
    agency: str | None = None,
    home: str | None = None,
) -> tuple[list[Person], list[ActorMention]]:
    """People (with mentions) and every actor mention in the document, in text order."""
    hits = res.actors.find(norm.text)
    hits = with_skeleton_hits(hits, norm.text, res)
    named = {p.key for h in hits for p in h.payloads if p.kind == "person"}
    window = window_from(date) or _named_window(res, named)
    b = _Builder(res, norm, text, window, agency)
    b.home = home
    doc_codes = _doc_codes(res, hits)
    arab = groups().get("ARL", frozenset())
    i = 0
    while i < len(hits):
        h, nxt = hits[i], hits[i + 1] if i + 1 < len(hits) else None
        person, short, title = _readings(h)
        if person:
            entry = res.people[person.key]
            arab_name = entry.country in arab or any(o.country in arab for o in entry.offices)
            if not (arab_name and _continues(norm.text, h.term, h.end) and not (nxt and nxt.start == h.end + 1)):
                b.add_person(person.key, h.start, h.end)
        elif short and (
            short.key in named or _alone(res, short.key, norm.text[h.start : h.end], doc_codes, arab, window)
        ):
            b.add_person(short.key, h.start, h.end)
        elif title:
            i = _title(b, hits, i, named)
        elif (hon := _pick(h, ("honorific",))) is not None:
            key = b.last_person(res.honorifics[int(hon.key)].offices) or b.last_person()
            if key:
                b.add_person(key, h.start, h.end)
        elif (alias := _pick(h, ("alias",))) is not None:
            code = b.styled(alias.key)
            if code:
                b.add_mention(ActorMention(h.start, h.end, b.span(h.start, h.end), code, "country"))
        else:
            _plain(b, h, doc_codes)
        i += 1
    unknown_people(b, hits)
    b.mentions.sort(key=lambda m: m.norm_start)
    return list(b.people.values()), b.mentions


def _plain(b: _Builder, h: Hit[ActorKey], doc_codes: Counter[str]) -> None:
    """A state, organisation, adjective or place. A capital stands for its state («أدانت الرياض»);
    a name that is both a state and another state's city («عمان»: Oman, Amman) goes to whichever
    state the rest of the document names more."""
    key = _pick(h, ("country", "org", "adj", "org_adj", "place"))
    if key is None:
        return
    code = _code_of(b.res, key)
    place = _pick(h, ("place",))
    place_idx = int(place.key) if place else None
    if code is not None and place_idx is not None and key.kind == "country":
        city_code = b.res.places[place_idx].country
        if city_code != code and doc_codes[city_code] > doc_codes[code]:
            code = None
    if code is None and place_idx is not None:
        entry = b.res.places[place_idx]
        kind = "capital" if entry.kind == "capital" else "place"
        b.add_mention(ActorMention(h.start, h.end, b.span(h.start, h.end), entry.country, kind, place=place_idx))
    elif code is not None:
        if key.kind == "adj" and _named_prince(b.norm.text, h.start):
            return  # «الأمير تركي بن سعود»: a given name, not a nationality
        b.add_mention(ActorMention(h.start, h.end, b.span(h.start, h.end), code, key.kind, place=place_idx))


_PRINCELY = frozenset({"الامير", "امير", "الاميره", "الشيخ", "شيخ", "الشيخه", "سمو", "الملك"})


def _named_prince(norm: str, start: int) -> bool:
    """Is the word after a princely title («الأمير تركي», «الشيخ سعودي»)? Then it is a name."""
    words = norm[max(0, start - 12) : start].split()
    return bool(words) and words[-1] in _PRINCELY


_ALONE_MIN = 4  # letters: «شي» or «ماي» alone are words, «بوتين» and «أوباما» are names


def _alone(
    res: Resources,
    key: str,
    form: str,
    doc_codes: Counter[str],
    arab: frozenset[str],
    window: DateWindow | None,
) -> bool:
    """May a short name stand without the full name («بوتين», «للأسد»)? When it is long enough to be no
    common word, the person held an office at the document's date, the person's state is named in the
    document too, and, for an Arab person, the short name is a family name with its article («الأسد», not
    «صالح», which is also a given name)."""
    entry = res.people[key]
    countries = {entry.country} | {o.country for o in entry.offices}
    if len(form.replace(" ", "")) < _ALONE_MIN or not any(doc_codes[c] for c in countries):
        return False
    if window is None or not any(o.overlaps(window.lo, window.hi) for o in entry.offices):
        return False
    if countries & arab:
        bare = form.removeprefix("و").removeprefix("ف")
        bare = "ال" + bare[2:] if bare.startswith("لل") else bare.removeprefix("ب").removeprefix("ك")
        return bare.startswith("ال") and len(bare) >= _ALONE_MIN + 1
    return True


def _doc_codes(res: Resources, hits: list[Hit[ActorKey]]) -> Counter[str]:
    """How often each state is named unambiguously (by name, adjective or person)."""
    counts: Counter[str] = Counter()
    for h in hits:
        kinds = {p.kind for p in h.payloads}
        if "place" in kinds and "country" in kinds:
            continue
        for p in h.payloads:
            if p.kind in ("country", "adj"):
                counts[p.key] += 1
            elif p.kind == "person":
                counts[res.people[p.key].country] += 1
    return counts


def _title(b: _Builder, hits: list[Hit[ActorKey]], i: int, named: set[str]) -> int:
    """A title: with a country or organisation beside it, the holder at the date; followed by a
    name, that name (the short form too: «الرئيس السيسي»); alone, the person last named in that
    office. Returns the index of the last hit consumed."""
    res = b.res
    h = hits[i]
    t = res.titles[int(_pick(h, ("title",)).key)]  # type: ignore[union-attr]
    if t.office == HEADS:
        _heads(b, h)
        return i
    nxt = hits[i + 1] if i + 1 < len(hits) else None
    country_key = _pick(nxt, ("adj", "country", "org", "org_adj")) if nxt and nxt.start - h.end <= _MAX_GAP else None
    country = t.country or (_code_of(res, country_key) if country_key else None)
    alias = _pick(nxt, ("alias",)) if nxt and nxt.start - h.end <= _MAX_GAP and not country else None
    if alias is not None and (styled := b.styled(alias.key)) is not None:
        country, country_key = styled, alias  # «وزير خارجية المملكة»: the kingdom the document names
    office = (b.people[b.recent[-1]].role if b.recent else None) if t.office == COUNTERPART else t.office
    end, last = (nxt.end, i + 1) if country_key and nxt else (h.end, i)
    follow = hits[last + 1] if last + 1 < len(hits) else None
    if follow is not None and _name_follows(b.norm.text, end, follow.start):
        name = _pick(follow, ("person",))
        fitting = [p.key for p in follow.payloads if p.kind == "short" and _fits(res, p.key, office, country)]
        if name is None and len(fitting) == 1:
            b.add_person(fitting[0], follow.start, follow.end)
            return last + 1
        if name is not None:
            if country and _fits(res, name.key, office, country):
                b.add_person(name.key, h.start, end)  # «رئيس الصين، شي جين بينج»: the title names him too
            elif country:
                b.add_mention(ActorMention(h.start, end, b.span(h.start, end), country, "title", office=office))
            return last
    if country is None:
        key = b.last_person(frozenset({office})) if office and not _embedded(b.norm.text, h.start) else None
        if key is not None:
            b.add_person(key, h.start, h.end)
        return last
    who = None if office is None or _embedded(b.norm.text, h.start) else holder(res, office, country, b.window)
    if who:
        b.add_person(who, h.start, end, office)
    else:
        b.add_mention(ActorMention(h.start, end, b.span(h.start, end), country, "title", office=office))
    return last


_EPITHET_REACH = 12  # «الرئيس الشرعي عبدربه منصور هادي»: one epithet between a title and the name


def _name_follows(norm: str, end: int, start: int) -> bool:
    """Does a name follow the title, right after it or after one epithet («الشرعي», «السابق»)?"""
    return start - end <= _MAX_GAP or (start - end <= _EPITHET_REACH and len(norm[end:start].split()) == 1)


_EMBEDDING = ("مبعوث", "المبعوث", "ممثل", "سفير", "السفير", "مستشار", "مكتب", "باسم", "مساعد", "نايب")


def _embedded(norm: str, start: int) -> bool:
    """A title inside someone else's («مبعوث الأمين العام», «سفير خادم الحرمين الشريفين») names no one."""
    before = norm[max(0, start - 12) : start].split()
    return bool(before) and before[-1] in _EMBEDDING or norm[max(0, start - 2) : start] == "لل"


def _fits(res: Resources, key: str, office: str | None, country: str | None) -> bool:
    entry = res.people[key]
    return any(
        (office is None or o.office == office) and (country is None or o.country == country) for o in entry.offices
    )


def _heads(b: _Builder, h: Hit[ActorKey]) -> None:
    """«رئيسا البلدين»: the heads of state of the last two states named, listed as people."""
    distinct: list[str] = []
    for code in reversed(b.states):
        if code not in distinct:
            distinct.append(code)
        if len(distinct) == 2:
            break
    for code in distinct if len(distinct) == 2 else []:
        for office in HEADS_OF_STATE:
            who = holder(b.res, office, code, b.window)
            if who:
                b.add_person(who, h.start, h.end, office, mention=False)
                break
