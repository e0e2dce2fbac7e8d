"""Everything a stage needs that is loaded once per process: settings, lexicons, automata."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rasd.actors import lexicon as lx
from rasd.actors.skeleton import MIN_SKELETON, skeleton
from rasd.normalise.match import Lexicon
from rasd.places.gazetteer import PlaceEntry, places
from rasd.settings import DEFAULT_SETTINGS, Settings


@dataclass(frozen=True, slots=True)
class ActorKey:
    """What a lexicon hit stands for: kind is country, adj, org, org_adj, person, short, title,
    honorific, alias or place."""

    kind: str
    key: str


@dataclass(frozen=True)
class Resources:
    settings: Settings
    countries: dict[str, lx.Country]
    organisations: tuple[lx.Organisation, ...]
    people: dict[str, lx.PersonEntry]
    titles: tuple[lx.Title, ...]
    honorifics: tuple[lx.Honorific, ...]
    places: tuple[PlaceEntry, ...]
    actors: Lexicon[ActorKey] = field(repr=False)
    skeletons: dict[str, set[str]] = field(repr=False, default_factory=dict)
    skeleton_firsts: frozenset[str] = field(repr=False, default_factory=frozenset)
    skeleton_pairs: frozenset[str] = field(repr=False, default_factory=frozenset)  # first two words of each key
    places_by_name: dict[str, PlaceEntry] = field(repr=False, default_factory=dict)

    def place_named(self, name: str | None) -> PlaceEntry | None:
        """The gazetteer entry with this English name (a dateline's place), if any."""
        return self.places_by_name.get(name) if name else None

    def actor_name(self, code: str) -> str | None:
        base = code.split("-")[0]
        if base in self.countries:
            return self.countries[base].name_en
        for org in self.organisations:
            if org.code in (code, base):
                return org.name_en
        return None


def _with_indefinite(adjectives: tuple[str, ...]) -> list[str]:
    """«القطريين» is also written «قطريين»: adjectives match with and without the article."""
    out = list(adjectives)
    out += [a[2:] for a in adjectives if a.startswith("ال") and len(a) > 5]
    return out


def _actor_entries(
    countries: dict[str, lx.Country],
    orgs: tuple[lx.Organisation, ...],
    people: dict[str, lx.PersonEntry],
    titles: tuple[lx.Title, ...],
    gazetteer: tuple[PlaceEntry, ...],
) -> list[tuple[str, ActorKey]]:
    entries: list[tuple[str, ActorKey]] = []
    for c in countries.values():
        entries += [(n, ActorKey("country", c.code)) for n in c.names_ar]
        entries += [(a, ActorKey("adj", c.code)) for a in _with_indefinite(c.adjectives_ar)]
    for i, o in enumerate(orgs):
        entries += [(n, ActorKey("org", str(i))) for n in o.names_ar]
        entries += [(a, ActorKey("org_adj", str(i))) for a in o.adjectives_ar]
    for p in people.values():
        entries += [(n, ActorKey("person", p.key)) for n in p.names_ar]
        entries += [(s, ActorKey("short", p.key)) for s in p.short_ar]
    for i, t in enumerate(titles):
        entries += [(s, ActorKey("title", str(i))) for s in t.titles_ar]
    for i, h in enumerate(lx.honorifics()):
        entries.append((h.form, ActorKey("honorific", str(i))))
    for form, kind in lx.aliases():
        entries.append((form, ActorKey("alias", kind)))
    for i, pl in enumerate(gazetteer):
        entries += [(n, ActorKey("place", str(i))) for n in pl.names_ar]
    return entries


def _skeletons(people: dict[str, lx.PersonEntry]) -> dict[str, set[str]]:
    """Spelling skeletons of the full names of people from outside the Arab world."""
    arab = lx.groups().get("ARL", frozenset())
    out: dict[str, set[str]] = {}
    for p in people.values():
        if any(o.country in arab for o in p.offices):
            continue
        for name in p.names_ar:
            key = skeleton(name)
            if len(key.replace(" ", "")) >= MIN_SKELETON and " " in key:
                out.setdefault(key, set()).add(p.key)
    return out


@lru_cache(maxsize=4)
def load_resources(settings: Settings = DEFAULT_SETTINGS) -> Resources:
    """Load every lexicon and build the automata (cached: once per process)."""
    countries = lx.countries()
    orgs = lx.organisations()
    people = lx.people()
    titles = lx.titles()
    gazetteer = places()
    skeletons = _skeletons(people)
    return Resources(
        settings=settings,
        countries=countries,
        organisations=orgs,
        people=people,
        titles=titles,
        honorifics=lx.honorifics(),
        places=gazetteer,
        actors=Lexicon(_actor_entries(countries, orgs, people, titles, gazetteer)),
        skeletons=skeletons,
        skeleton_firsts=frozenset(k.split(" ", 1)[0] for k in skeletons),
        skeleton_pairs=frozenset(" ".join(k.split(" ")[:2]) for k in skeletons),
        places_by_name={pl.name_en: pl for pl in reversed(gazetteer)},  # the first row of a name wins
    )
