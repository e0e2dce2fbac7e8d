"""Event lexicons as typed records and automata: triggers, cues, CAMEO weights, PLOVER scores,
partnership words and the partnership ladder."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rasd.errors import LexiconError
from rasd.events.morphology import conjugations
from rasd.lexicons.load import rows
from rasd.normalise.match import Lexicon
from rasd.normalise.text import fold

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
ROLES = ("svo", "joint", "visit", "noun", "onechina", "of")


@dataclass(frozen=True, slots=True)
class Trigger:
    rule: str
    type: str
    mode: str
    cameo: str
    role: str
    form: str
    needs: tuple[str, ...] = ()  # folded words one of which must follow in the clause


@dataclass(frozen=True, slots=True)
class Cameo:
    code: str
    label: str
    goldstein: float

    @property
    def quad_class(self) -> int:
        """GDELT's quad class from the CAMEO root: 01–04 verbal coop, 05–08 material coop,
        09–13 verbal conflict, 14–20 material conflict."""
        root = int(self.code[:2])
        return 1 if root <= 4 else 2 if root <= 8 else 3 if root <= 13 else 4


@dataclass(frozen=True, slots=True)
class Rung:
    level: str
    rank: int
    features: frozenset[str]


@dataclass(frozen=True)
class EventLexicons:
    triggers: Lexicon[Trigger]
    cues: Lexicon[str]
    blockers: Lexicon[str]
    cameo: dict[str, Cameo]
    plover: dict[str, tuple[float, tuple[str, ...]]]
    partnership_words: Lexicon[str]
    ladder: tuple[Rung, ...]


def _triggers() -> list[tuple[str, Trigger]]:
    """Every trigger form of every row; forms generated from verbs_ar never override a form some row
    lists itself («دعم» the masdar stays a noun trigger)."""
    listed = {fold(f) for row in rows("triggers.tsv") for f in row.arabic_list("forms_ar")}
    out: list[tuple[str, Trigger]] = []
    for row in rows("triggers.tsv"):
        etype, role = row.required("type"), row.get("role") or "svo"
        if etype not in PLOVER_TYPES:
            raise LexiconError(f"{row.where('type')}: not a PLOVER type: {etype!r}")
        if role not in ROLES:
            raise LexiconError(f"{row.where('role')}: unknown role {role!r}; one of {', '.join(ROLES)}")
        needs = tuple(fold(w) for w in row.arabic_list("needs_ar"))
        forms = list(row.arabic_list("forms_ar", required=True))
        for pair in row.arabic_list("verbs_ar"):
            forms += [f for f in conjugations(pair) if fold(f) not in listed and f not in forms]
        for form in forms:
            out.append(
                (
                    form,
                    Trigger(
                        row.required("rule"), etype, row.required("mode"), row.required("cameo"), role, form, needs
                    ),
                )
            )
    return out


@lru_cache(maxsize=1)
def first_person_forms() -> frozenset[str]:
    """Folded verb forms in the first person plural («نأمل», «ندعو», «ندين»): their subject is the speaker.
    A form counts when the same rule also has its third-person twin («يأمل», «يدعو»)."""
    by_rule: dict[str, set[str]] = {}
    for form, t in _triggers():
        by_rule.setdefault(t.rule, set()).add(fold(form))
    out = set()
    for forms in by_rule.values():
        for f in forms:
            if f.startswith("ن") and " " not in f and ("ي" + f[1:] in forms or "ت" + f[1:] in forms):
                out.add(f)
    return frozenset(out)


@lru_cache(maxsize=1)
def event_lexicons() -> EventLexicons:
    cameo = {
        r.required("cameo"): Cameo(r.required("cameo"), r.required("label"), r.number("goldstein") or 0.0)
        for r in rows("cameo.tsv")
    }
    triggers = _triggers()
    for _form, t in triggers:
        if t.cameo not in cameo:
            raise LexiconError(f"triggers.tsv: rule {t.rule}: CAMEO code {t.cameo} is not in cameo.tsv")
    plover = {
        r.required("type"): (r.number("score") or 0.0, tuple(r.get("contexts").split("|"))) for r in rows("plover.tsv")
    }
    all_cues = [(f, r.required("kind")) for r in rows("cues.tsv") for f in r.arabic_list("forms_ar", required=True)]
    cues = [c for c in all_cues if c[1] != "blocker"]
    blockers = [c for c in all_cues if c[1] == "blocker"]
    words = [
        (f, r.required("feature"))
        for r in rows("partnership_words.tsv")
        for f in r.arabic_list("forms_ar", required=True)
    ]
    ladder = tuple(
        Rung(r.required("level"), int(r.number("rank") or 0), frozenset(r.get("features").split()))
        for r in rows("partnership_ladder.tsv")
    )
    return EventLexicons(
        triggers=Lexicon(triggers, suffixes=True),
        cues=Lexicon(cues),
        blockers=Lexicon(blockers, suffixes=True),
        cameo=cameo,
        plover=plover,
        partnership_words=Lexicon(words, suffixes=False),
        ladder=ladder,
    )
