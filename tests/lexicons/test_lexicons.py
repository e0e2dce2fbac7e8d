"""Every lexicon file loads, and every row satisfies its file's rules (README.md beside the files)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest

from rasd.actors import lexicon as lx
from rasd.errors import LexiconError
from rasd.events.lexicon import PLOVER_TYPES, event_lexicons
from rasd.lexicons.load import list_files, parse_tsv, rows
from rasd.normalise.text import fold
from rasd.places.gazetteer import places

ORG_CODES = {o.code.split("-")[0] for o in lx.organisations()}


def known_code(code: str) -> bool:
    head = code.split("-")[0]
    return head in lx.countries() or head in ORG_CODES or head == "REG"


PEOPLE_ROWS = [r for name in list_files("people") for r in rows(name)]


@pytest.mark.parametrize("row", PEOPLE_ROWS, ids=lambda r: f"{r.get('name_en')}-{r.get('office')}")
def test_people_row_is_valid(row):
    assert row.get("name_en"), row.where("name_en")
    assert known_code(row.code("country")), row.where("country")
    names = row.arabic_list("names_ar", required=True)
    assert all(len(n.split()) >= 2 for n in names), row.where("names_ar")
    row.arabic_list("short_ar")
    start, end = row.date("start"), row.date("end")
    assert start is None or end is None or start <= end, row.where("end")
    assert end is None or end <= dt.date(2030, 1, 1), row.where("end")


def test_people_spellings_do_not_point_to_two_people_at_once():
    """A full Arabic name may name two people only if their offices never overlap in time."""
    by_name: dict[str, set[str]] = defaultdict(set)
    for p in lx.people().values():
        for n in p.names_ar:
            by_name[fold(n)].add(p.key)
    clashes = {n: keys for n, keys in by_name.items() if len(keys) > 1}
    assert not clashes, clashes


@pytest.mark.parametrize("country", sorted(lx.countries().values(), key=lambda c: c.code), ids=lambda c: c.code)
def test_countries_row_is_valid(country):
    assert country.names_ar
    assert len(country.code) == 3


def test_countries_cover_un_members_and_more():
    codes = set(lx.countries())
    assert len(codes) >= 195
    assert {"TWN", "XKX", "PSE", "VAT", "AZE", "CHN", "SAU"} <= codes


def test_countries_capitals_are_in_the_gazetteer():
    names = {p.name_en for p in places()}
    missing = [c.code for c in lx.countries().values() if c.capital_en and c.capital_en not in names]
    assert not missing


def test_country_adjectives_do_not_collide_with_other_countries():
    owner: dict[str, str] = {}
    for c in lx.countries().values():
        for form in c.names_ar + c.adjectives_ar:
            key = fold(form)
            assert owner.setdefault(key, c.code) == c.code, (form, owner[key], c.code)


@pytest.mark.parametrize("place", places(), ids=lambda p: p.name_en)
def test_places_row_is_valid(place):
    assert place.country in lx.countries()
    assert place.lat is not None and -90 <= place.lat <= 90
    assert place.lon is not None and -180 <= place.lon <= 180


def test_organisations_cover_the_spec_codes():
    spec = {
        "UN",
        "UNSC",
        "SCO",
        "CICA",
        "WTO",
        "EU",
        "AU",
        "ASEAN",
        "ARL",
        "GCC",
        "OIC",
        "BRICS",
        "NATO",
        "CIS",
        "EAEU",
        "CSTO",
        "IAEA",
        "WHO",
        "IMF",
        "WB",
        "OPEC",
        "ADB",
        "AIIB",
        "ICC",
        "ICJ",
        "UNFCCC",
    }
    assert spec <= ORG_CODES


def test_organisation_codes_are_known():
    for o in lx.organisations():
        assert known_code(o.code), o


def test_titles_offices_are_used_by_people():
    offices = {o.office for p in lx.people().values() for o in p.offices}
    for t in lx.titles():
        assert t.office.startswith("@") or t.office in offices, t.office


def test_triggers_cover_all_plover_types():
    types = {r.get("type") for r in rows("triggers.tsv")}
    assert types == set(PLOVER_TYPES)


def test_triggers_cameo_codes_have_goldstein_weights():
    lex = event_lexicons()
    for r in rows("triggers.tsv"):
        assert r.get("cameo") in lex.cameo, r.where("cameo")


def test_plover_scores_cover_every_type():
    assert set(event_lexicons().plover) == set(PLOVER_TYPES)


def test_ladder_ranks_follow_the_spec():
    ranks = {r.level: r.rank for r in event_lexicons().ladder}
    assert ranks["strategic partnership"] == 3
    assert ranks["comprehensive strategic partnership"] == 5
    assert ranks["comprehensive strategic cooperative partnership"] == 6
    assert ranks["all-weather comprehensive strategic partnership"] == 7


def test_loader_names_the_bad_cell():
    bad = "name_en\tnames_ar\tstart\nX\tشي جين\tnot-a-date\n"
    row = next(parse_tsv("people/bad.tsv", bad))
    with pytest.raises(LexiconError, match=r"people/bad.tsv:2:start: not a date"):
        row.date("start")
    with pytest.raises(LexiconError, match=r"people/bad.tsv:2:name_en: not Arabic"):
        row.arabic_list("name_en")
