"""English labels for codes, read from rasd's own lexicons, so that the API and the dashboard can put a
name beside every code they show (``CHN`` China, ``040`` Consult, rank 3 strategic partnership)."""

from __future__ import annotations

from functools import lru_cache

from rasd.lexicons.load import rows
from rasd.places.gazetteer import places
from rasd.query.filters import QUAD_CLASSES


@lru_cache(maxsize=1)
def actor_names() -> dict[str, str]:
    """Actor code → English name: states (hand-written rows win over generated ones), then organisations."""
    names: dict[str, str] = {}
    for name in ("countries.generated.tsv", "countries.tsv", "organisations.tsv"):
        for row in rows(name):
            names[row.required("code")] = row.required("name_en")
    return names


def actor_label(code: str | None) -> str:
    """``CHN-GOV`` → ``China (GOV)``; an unknown code is shown as it is."""
    if not code:
        return ""
    base, _, sector = code.partition("-")
    name = actor_names().get(base, base)
    return f"{name} ({sector})" if sector else name


@lru_cache(maxsize=1)
def cameo_labels() -> dict[str, str]:
    """CAMEO code → its codebook label (only the codes rasd assigns)."""
    return {row.required("cameo"): row.required("label") for row in rows("cameo.tsv")}


def quad_label(quad: int | None) -> str:
    return QUAD_CLASSES.get(quad, "") if quad is not None else ""


@lru_cache(maxsize=1)
def ladder() -> dict[int, list[str]]:
    """Partnership rank → the levels at that rung (partnership_ladder.tsv), for a chart's axis."""
    out: dict[int, list[str]] = {}
    for row in rows("partnership_ladder.tsv"):
        out.setdefault(int(row.required("rank")), []).append(row.required("level"))
    return dict(sorted(out.items()))


@lru_cache(maxsize=4096)
def place_names_ar(name_en: str, country: str | None) -> tuple[str, ...]:
    """The Arabic names of a gazetteer place, longest first (to find it in an evidence sentence)."""
    found = {
        n for p in places() if p.name_en == name_en and (country is None or p.country == country) for n in p.names_ar
    }
    return tuple(sorted(found, key=len, reverse=True))
