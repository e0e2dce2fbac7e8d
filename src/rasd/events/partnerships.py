"""Partnership levels: «شراكة استراتيجية شاملة» and kin, placed on the ladder with their modifiers.

A phrase opens with a head noun (شراكة، شريك، and علاقات for «العلاقات الاستراتيجية») followed by
qualifying words in any order; the set of features picks the rung of partnership_ladder.tsv (the
largest feature set contained wins); «دائمة» and «في العصر الجديد» stay in the label.
"""

from __future__ import annotations

from dataclasses import dataclass

from rasd.events.lexicon import EventLexicons, Rung
from rasd.normalise.match import Hit

_GAP = 3  # characters allowed between words of one phrase (space, comma)
_CORE = {"strategic", "comprehensive", "cooperative", "coordination", "friendly", "all-weather", "all-round"}
_LOOKBACK = 60
_TAIL = 20  # how far after the phrase a modifier may stand


@dataclass(frozen=True, slots=True)
class Phrase:
    start: int  # folded offsets
    end: int
    level: str
    rank: int
    change: str


def _rung(features: set[str], ladder: tuple[Rung, ...]) -> Rung | None:
    fitting = [r for r in ladder if r.features and r.features <= features]
    return max(fitting, key=lambda r: (len(r.features), r.rank)) if fitting else None


def _label(rung: Rung, features: set[str]) -> str:
    label = rung.level
    if "permanent" in features:
        label = "permanent " + label
    if "new-era" in features:
        label += " in the new era"
    return label


def _change(norm: str, start: int, cues: list[Hit[str]]) -> str:
    if norm[max(0, start - 4) : start] in ("الى ", "الي "):
        return "upgraded"
    near = [c for c in cues if start - _LOOKBACK <= c.end <= start]
    if any("upgrade" in c.payloads for c in near):
        return "upgraded"
    if any("establish" in c.payloads for c in near):
        return "established"
    return "reaffirmed"


def find_phrases(
    norm: str, n0: int, n1: int, lex: EventLexicons, words: list[Hit[str]], cues: list[Hit[str]]
) -> list[Phrase]:
    """Partnership phrases inside the folded sentence [n0, n1)."""
    s_words = [w for w in words if n0 <= w.start < n1]
    out: list[Phrase] = []
    i = 0
    while i < len(s_words):
        head = s_words[i]
        kinds = set(head.payloads)
        if not kinds & {"head", "relations"}:
            i += 1
            continue
        features: set[str] = set()
        end = head.end
        j = i + 1
        while (
            j < len(s_words) and s_words[j].start - end <= _GAP and not set(s_words[j].payloads) & {"head", "relations"}
        ):
            kinds_j = set(s_words[j].payloads) - {"filler"}
            if "cooperation" in kinds_j:
                if j != i + 1:
                    break
                kinds_j = (kinds_j - {"cooperation"}) | {"cooperative"}
            features |= kinds_j
            end = s_words[j].end
            j += 1
        # «… في جميع الأحوال مع الصين في العصر الجديد»: a modifier may follow a short «مع X»
        later = [w for w in s_words[j:] if w.start - end <= _TAIL and "new-era" in w.payloads]
        if later and not any(set(w.payloads) & {"head", "relations"} for w in s_words[j:] if w.start < later[0].start):
            features.add("new-era")
        if "relations" in kinds and "head" not in kinds:
            features &= {"strategic"}  # «العلاقات الاستراتيجية» only; cooperation words are not levels
        rung = _rung(features & _CORE, lex.ladder)
        if rung is not None:
            out.append(Phrase(head.start, end, _label(rung, features), rung.rank, _change(norm, head.start, cues)))
        i = j
    return out
