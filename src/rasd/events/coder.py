"""Stage 4: triggers to typed events with source, target, date and place.

A sentence is looked at closely only when a trigger matched in it. The scene's pair (for «الجانبان»)
starts as the document's two most-named parties and follows each meeting; the speaker carries over
sentences that open with a reporting verb.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from rasd.actors.mentions import ActorMention
from rasd.dates import TimeExpr
from rasd.events.arguments import PAIR, Arg, Roles, assign, base, differs
from rasd.events.lexicon import EventLexicons, Trigger
from rasd.events.partnerships import Phrase, find_phrases
from rasd.normalise.match import Hit
from rasd.records import Place, Span
from rasd.resources import Resources

_ACTOR_KINDS = ("person", "title", "country", "adj", "org", "org_adj")
_ARG_KINDS = _ACTOR_KINDS + ("capital", "unknown")
_NEGATION_GAP = 2
_HISTORY_DAYS = 45  # an event dated this long before the anchor is background, not news


@dataclass(slots=True)
class RawEvent:
    """An event before merging: one trigger in one sentence."""

    type: str
    trigger: Trigger
    source: str
    target: str
    joint: bool
    source_mention: ActorMention | None
    target_mention: ActorMention | None
    trigger_span: Span
    sentence: Span
    date: str | None
    date_precision: str | None
    date_text: str | None
    place: Place | None
    rule: str
    confidence: float
    cameo: str


@dataclass(slots=True)
class RawPartnership:
    a: str
    b: str
    level: str
    rank: int
    change: str
    date: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class Found:
    triggers: list[Hit[Trigger]]
    cues: list[Hit[str]]
    words: list[Hit[str]]

    def starts(self) -> list[int]:
        """Folded offsets where something worth a close look begins."""
        return sorted([h.start for h in self.triggers] + [h.start for h in self.words])


@dataclass(slots=True)
class Sentence:
    """What the coder knows about the sentence it is reading."""

    span: Span
    n0: int  # folded offsets of the sentence
    n1: int
    args: list[Arg]
    cues: list[Hit[str]]
    locations: list[ActorMention]  # places and states named, even after «في»: where an attack was
    place: Place | None
    speaker: Arg | None  # the subject carried over from earlier sentences
    previous: Arg | None = None  # the subject of the last event in this sentence
    objects: set[int] = field(default_factory=set)  # arguments already taken as objects


@dataclass(slots=True)
class Scene:
    pair: tuple[str, str] | None
    speaker: Arg | None = None


def main_pair(mentions: list[ActorMention]) -> tuple[str, str] | None:
    """The document's two most-named parties (states and organisations), first named first."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in mentions:
        if m.kind in _ACTOR_KINDS and m.code != "REG":
            code = base(m.code)
            counts[code] += 1
            first.setdefault(code, m.norm_start)
    top = sorted(counts, key=lambda c: (-counts[c], first[c]))[:2]
    return (top[0], top[1]) if len(top) == 2 else None


def _date_of(
    exprs: list[TimeExpr],
    sentence: Span,
    default: tuple[str, str, str] | None,
    at: int | None = None,
    text: str = "",
) -> tuple[str | None, str | None, str | None]:
    """The date that governs position ``at`` of the sentence: the nearest own expression (day or month
    precision) before it, or after it within the same comma clause; else the document's default."""
    own = [e for e in exprs if sentence.start <= e.start < sentence.end and e.value and e.precision in ("day", "month")]
    if at is not None:
        before = [e for e in own if e.end <= at]
        after = [e for e in own if e.start >= at and not any(c in text[at : e.start] for c in ",،")]
        own = ([before[-1]] if before else []) + after[:1]
    for e in own:
        precision = e.precision
        value = e.value or ""
        if e.kind == "range" and e.end_value and e.end_value[:7] == value[:7]:
            value, precision = value[:7], "month"
        return value, precision, e.text
    return default if default else (None, None, None)


_YEAR_NEAR = 50  # characters around a trigger where «في عام 2011» dates it


def _past_year_near(exprs: list[TimeExpr], at: int, anchor: str | None) -> bool:
    """«وقّعتا في عام 2011»: a year before the story's own year, next to the trigger, makes it history."""
    if not anchor:
        return False
    return any(
        e.value and e.precision == "year" and abs(e.start - at) <= _YEAR_NEAR and e.value[:4] < anchor[:4]
        for e in exprs
    )


def _is_history(date: str | None, anchor: str | None) -> bool:
    if not date or not anchor or len(anchor) < 10:
        return False
    try:
        d = dt.date.fromisoformat(date if len(date) == 10 else date[:7] + "-28" if len(date) == 7 else date + "-12-31")
        return (dt.date.fromisoformat(anchor[:10]) - d).days > _HISTORY_DAYS
    except ValueError:
        return False


class EventCoder:
    """Codes the events of one analysed document."""

    def __init__(self, res: Resources, lex: EventLexicons) -> None:
        self.res, self.lex = res, lex

    def find(self, norm: str) -> Found:
        """Every trigger, cue and partnership word of a folded document (one automaton pass each)."""
        return Found(
            _unblocked(self.lex.triggers.find(norm), self.lex.blockers.find(norm)),
            self.lex.cues.find(norm),
            self.lex.partnership_words.find(norm),
        )

    def code(
        self,
        text: str,
        norm: str,
        to_original: Callable[[int, int], Span],
        sentences: list[tuple[Span, int, int]],
        mentions: list[ActorMention],
        exprs: list[TimeExpr],
        default_date: tuple[str, str, str] | None,
        anchor: str | None,
        dateline_place: Place | None,
        found: Found | None = None,
    ) -> tuple[list[RawEvent], list[RawPartnership]]:
        found = found or self.find(norm)
        triggers, cues, words = _outside(found.triggers, mentions), found.cues, found.words
        scene = Scene(main_pair(mentions))
        events: list[RawEvent] = []
        partnerships: list[RawPartnership] = []
        ti = ci = mi = 0
        for sent, n0, n1 in sentences:
            while ti < len(triggers) and triggers[ti].start < n0:
                ti += 1
            while mi < len(mentions) and mentions[mi].norm_start < n0:
                mi += 1
            s_triggers = []
            while ti < len(triggers) and triggers[ti].start < n1:
                s_triggers.append(triggers[ti])
                ti += 1
            s_mentions = [m for m in mentions[mi:] if m.norm_start < n1]
            while ci < len(cues) and cues[ci].start < n0:
                ci += 1
            s_cues = [c for c in cues[ci:] if c.start < n1]
            t_ends = {t.end for t in s_triggers}
            args = [
                Arg(m.norm_start, m.norm_end, m.code, m)
                for m in s_mentions
                if m.kind in _ARG_KINDS and _agentive(m, norm, s_cues, t_ends)
            ]
            args += [Arg(c.start, c.end, PAIR, None) for c in s_cues if "pair" in c.payloads]
            args = _drop_overlaps(sorted(args, key=lambda a: (a.start, -a.end)))
            if s_triggers:
                inside = [(t.start, t.end) for t in s_triggers]
                here = Sentence(
                    span=sent,
                    n0=n0,
                    n1=n1,
                    args=[a for a in args if not any(s0 <= a.start and a.end <= e0 for s0, e0 in inside)],
                    cues=s_cues,
                    locations=[m for m in s_mentions if m.kind in ("place", "capital", "country")],
                    place=self._place(mentions[mi:], n1, norm, dateline_place),
                    speaker=scene.speaker,  # «وأضاف أن…» names no one: the last subject speaks on
                    previous=_subject(args, n0),
                )
                for trig in s_triggers:
                    at = to_original(trig.start, trig.end).start
                    when = _date_of(exprs, sent, default_date, at, text)
                    stated, roles = self._event(trig, here, norm, scene, to_original, when)
                    if roles is not None and roles.target is not None:
                        here.objects.add(roles.target.start)
                    if stated and roles is not None and roles.source is not None and roles.source.code != PAIR:
                        here.previous = roles.source
                    for ev in stated:
                        if _is_history(ev.date, anchor) or _past_year_near(exprs, at, anchor):
                            continue
                        events.append(ev)
                        if ev.type == "CONSULT" and self._states(ev.source, ev.target) and _officials(ev):
                            scene.pair = (base(ev.source), base(ev.target))
            for ph in find_phrases(norm, n0, n1, self.lex, words, s_cues):
                pair = _partnership_pair(ph, args, scene)
                if pair is not None:
                    date, _p, _t = _date_of(exprs, sent, default_date, to_original(ph.start, ph.end).start, text)
                    a_code, b_code = sorted(pair)
                    partnerships.append(
                        RawPartnership(
                            a_code, b_code, ph.level, ph.rank, ph.change, date, to_original(ph.start, ph.end)
                        )
                    )
            subject = _subject(args, n0)
            if subject is not None:
                scene.speaker = subject
        return events, partnerships

    def _states(self, a: str, b: str) -> bool:
        """Both are states (not organisations or regions) and differ: a bilateral scene."""
        return base(a) != base(b) and base(a) in self.res.countries and base(b) in self.res.countries

    def _place(self, mentions: list[ActorMention], n1: int, norm: str, dateline_place: Place | None) -> Place | None:
        """Where the sentence says it happened («في بكين», «بالقاهرة»), else the dateline's place
        («هنا» is the dateline's place too)."""
        for m in mentions:
            if m.norm_start >= n1:
                break
            if m.place is None or m.kind not in ("place", "capital", "country"):
                continue
            before = norm[max(0, m.norm_start - 3) : m.norm_start]
            if before == "في " or (m.kind != "country" and before.endswith(("ب", "بال"))):
                entry = self.res.places[m.place]
                return Place(entry.name_en, entry.country, entry.lat, entry.lon)
        return dateline_place

    def _event(
        self,
        trig: Hit[Trigger],
        here: Sentence,
        norm: str,
        scene: Scene,
        to_original: Callable[[int, int], Span],
        when: tuple[str | None, str | None, str | None],
    ) -> tuple[list[RawEvent], Roles | None]:
        """The events one trigger states: none when negated or hypothetical, several when a side is a
        list («سفراء النرويج وفنلندا والدنمارك») or the pair acts on a third party."""
        t = trig.payloads[0]
        cues, n0 = here.cues, here.n0
        if _negated(trig, cues, norm):
            return [], None
        if t.type == "CONSULT" and t.role == "noun" and norm[max(0, trig.start - 4) : trig.start] == "قبل ":
            return [], None  # «قبل الاجتماع»: a meeting still to come dates the sentence, it is not news
        if t.type == "CONSULT" and t.role == "noun" and _anaphoric(norm, trig, here.args):
            return [], None  # «خلال اللقاء»، «في ختام الاجتماع»: the meeting already told
        if t.role == "of" and norm[max(0, trig.start - 3) : trig.start].strip().endswith('"'):
            return [], None  # «"استقلال تايوان"»: a slogan quoted, not a state supported
        if any("background" in c.payloads and n0 <= c.start < trig.start for c in cues):
            return [], None  # «سبق أن»، «في وقت سابق»: history told as background
        if t.role == "noun" and _complement(norm, trig.start):
            return [], None  # «لدعم»، «بتأييد»: the purpose or content of another act, not an act
        if t.needs and not any(w in norm[trig.end : trig.end + _NEEDS_REACH + len(w)] for w in t.needs):
            return [], None
        if t.type not in ("AGREE", "THREATEN") and _hypothetical(trig, cues, n0):
            return [], None
        clause = _clause_start(norm, trig.start, n0)
        roles = assign(trig, here.args, here.speaker, norm, clause, frozenset(here.objects), here.previous)
        if _topic_only(t, roles, norm):
            roles = Roles(roles.source, None, False, roles.how)  # «بحث الوضع في اليمن»: a topic, not a party
        if t.type == "ACCUSE" and roles.target is None and roles.source is not None:
            roles = _attack_site(trig, roles, here, norm, cues)
        etype = t.type
        if etype == "REQUEST" and _cooperation_follows(trig, cues):
            etype = "AGREE"
        elif etype in _FUTURE_AGREE and _future(norm, trig.start):
            etype = "AGREE"  # «سيزور»، «من المقرر أن يلتقي»: what is planned is an intent
        elif t.rule == "agree.must" and roles.target is not None and roles.target.code != PAIR and not roles.joint:
            etype = "REQUEST"  # «يجب على إيران تغيير سياستها»: an obligation put on a third party
        how = roles.how.replace(".pair", "")
        if etype == "COERCE" and roles.target is not None and roles.target.code.endswith("-REB") and roles.source:
            # arrests happen where the arresting state rules: the group's members there are its own rebels
            roles = Roles(
                roles.source, replace(roles.target, code=base(roles.source.code) + "-REB"), roles.joint, roles.how
            )
        confidence = _CONFIDENCE.get(how, 0.6)
        out = []
        date, precision, date_text = when
        for src, tgt, joint, s_arg, t_arg in self._pairs(roles, scene, t, here.args, norm):
            out.append(
                RawEvent(
                    type=etype,
                    trigger=t,
                    source=src,
                    target=tgt,
                    joint=joint,
                    source_mention=s_arg.mention if s_arg else None,
                    target_mention=t_arg.mention if t_arg else None,
                    trigger_span=to_original(trig.start, trig.end),
                    sentence=here.span,
                    date=date,
                    date_precision=precision,
                    date_text=date_text,
                    place=here.place,
                    rule=f"{t.rule}.{roles.how}",
                    confidence=confidence,
                    cameo=_CAMEO_OF.get(etype, t.cameo) if etype != t.type else t.cameo,
                )
            )
        return out, roles

    def _pairs(
        self, roles: Roles, scene: Scene, t: Trigger, args: list[Arg], norm: str
    ) -> list[tuple[str, str, bool, Arg | None, Arg | None]]:
        """(source, target, joint, source arg, target arg) for each dyad the roles stand for."""
        s_arg, t_arg = roles.source, roles.target
        if s_arg is None:
            return []
        if t.role == "onechina":
            t_arg = Arg(0, 0, "CHN", None)
        pair = scene.pair
        if s_arg.code == PAIR:
            if pair is None:
                return []
            if t_arg is not None and t_arg.code != PAIR and base(t_arg.code) not in pair:
                return [(p, t_arg.code, False, None, t_arg) for p in pair]
            if t.type not in _MUTUAL:
                return []  # «ودعت الأطراف …»: the pair acting on no one else states nothing between them
            return [(pair[0], pair[1], True, None, None)]
        if t_arg is None and roles.joint:
            if pair is None or base(s_arg.code) not in pair:
                return []
            other = pair[1] if base(s_arg.code) == pair[0] else pair[0]
            return [(s_arg.code, other, True, s_arg, None)]
        if t_arg is None:
            return []
        if t_arg.code == PAIR:
            if pair is None:
                return []
            if base(s_arg.code) in pair:
                other = pair[1] if base(s_arg.code) == pair[0] else pair[0]
                return [(s_arg.code, other, roles.joint, s_arg, None)]
            return [(pair[0], pair[1], True, None, None)]
        sources = _group(s_arg, args, norm)
        if t_arg in sources:  # «تطالب فيتنام وماليزيا والفلبين»: a list is one side, not both
            if len(sources) == 2 and t.type in _MUTUAL:  # «العلاقات بين مجلس التعاون وميانمار»
                return [(sources[0].code, sources[1].code, True, sources[0], sources[1])]
            later = [a for a in args if a.start >= sources[-1].end and a.code != PAIR and a not in sources]
            if not later:
                return []
            t_arg = later[0]
        out: list[tuple[str, str, bool, Arg | None, Arg | None]] = []
        for s_one in sources:
            for t_one in _group(t_arg, args, norm):
                domestic = s_one.code == t_one.code or (
                    "-" not in s_one.code and "-" not in t_one.code and base(s_one.code) == base(t_one.code)
                )
                if t_one not in sources and differs(s_one, t_one) and (not domestic or t.type in _DOMESTIC):
                    out.append((s_one.code, t_one.code, roles.joint, s_one, t_one))
        return out


_NEEDS_REACH = 100
_FUTURE_AGREE = frozenset({"CONSULT"})  # a planned visit or meeting is an intent; «سوف تدعم» stays SUPPORT
_FUTURE_WORDS = ("سوف ", "من المقرر ان ", "من المنتظر ان ", "من المتوقع ان ", "يعتزم ", "تعتزم ")
_DOMESTIC = frozenset(
    {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "COERCE", "ASSAULT", "SANCTION", "MOBILIZE", "RETREAT"}
)
_MUTUAL = frozenset({"AGREE", "CONSULT", "COOPERATE", "SUPPORT"})  # types two parties can do together
_CONFIDENCE = {
    "joint.pair": 0.85,
    "joint.two": 0.85,
    "coordinated": 0.85,
    "noun.genitive": 0.8,
    "subject.before": 0.8,
    "subject.after": 0.7,
    "speaker": 0.65,
}
_CAMEO_OF = {"AGREE": "030", "REQUEST": "100"}
_LIST_GLUE = frozenset({"و", ",", "، و", ", و", "او", "،"})


def _group(arg: Arg, args: list[Arg], norm: str) -> list[Arg]:
    """The list an argument belongs to: «النرويج وفنلندا والدنمارك» stands for three actors."""
    if arg.code == PAIR or arg not in args:
        return [arg]
    i = args.index(arg)
    lo = hi = i
    while lo > 0 and args[lo - 1].code != PAIR and norm[args[lo - 1].end : args[lo].start].strip() in _LIST_GLUE:
        lo -= 1
    while (
        hi + 1 < len(args)
        and args[hi + 1].code != PAIR
        and norm[args[hi].end : args[hi + 1].start].strip() in _LIST_GLUE
    ):
        hi += 1
    members: list[Arg] = []
    for a in args[lo : hi + 1]:
        if a is arg or all(base(m.code) != base(a.code) for m in members):
            members.append(a)
    return members


def _partnership_pair(ph: Phrase, args: list[Arg], scene: Scene) -> tuple[str, str] | None:
    """The two parties of a partnership phrase: the scene's pair when the sentence names both or
    says «البلدين»; else the two distinct parties named nearest to the phrase."""
    codes = [a for a in args if a.code != PAIR]
    named = {base(a.code) for a in codes}
    says_pair = any(a.code == PAIR for a in args)
    if scene.pair and (set(scene.pair) <= named or (says_pair and len(named - set(scene.pair)) == 0)):
        return scene.pair
    by_distance = sorted(codes, key=lambda a: min(abs(a.start - ph.end), abs(ph.start - a.end)))
    distinct: list[str] = []
    for a in by_distance:
        if base(a.code) not in distinct:
            distinct.append(base(a.code))
    if len(distinct) >= 2:
        return distinct[0], distinct[1]
    if len(distinct) == 1 and scene.pair and distinct[0] in scene.pair and says_pair:
        return scene.pair
    return None


_SUBJECT_REACH = 45  # a sentence's subject stands near its start («قال وزير الخارجية …»)


def _subject(args: list[Arg], n0: int) -> Arg | None:
    """The sentence's subject, who speaks on in the sentences after it: the first actor near the start,
    a person or title before a state; None keeps the previous speaker («وأشار في بيان إلى…»)."""
    near = [a for a in args if a.code != PAIR and a.start - n0 <= _SUBJECT_REACH]
    people = [a for a in near if a.mention and a.mention.kind in ("person", "title")]
    pool = people or near
    return pool[0] if pool else None


_ATTACK_REACH = 30  # «أدان التفجير الإرهابي الذي استهدف …»: the attack named right after the verb


def _attack_site(trig: Hit[Trigger], roles: Roles, here: Sentence, norm: str, cues: list[Hit[str]]) -> Roles:
    """A condemned attack with no named attacker: the accused are unidentified forces of the place
    where it happened («دان … التفجير … بمدينة أبها» → SAU-UAF), as CAMEO codes them."""
    attack = next((c for c in cues if "attack" in c.payloads and 0 <= c.start - trig.end <= _ATTACK_REACH), None)
    if attack is None:
        return roles
    site = next((m for m in here.locations if m.norm_start >= attack.end), None)
    if site is None:
        return roles
    code = site.code.split("-")[0] + "-UAF"
    return Roles(roles.source, Arg(site.norm_start, site.norm_end, code, site), roles.joint, roles.how + ".site")


def _topic_only(t: Trigger, roles: Roles, norm: str) -> bool:
    """What is discussed is a topic; the other party of talks is the one «مع» introduces."""
    if t.mode != "discuss" or t.role != "svo" or roles.target is None or roles.joint:
        return False
    return norm[max(0, roles.target.start - 3) : roles.target.start] != "مع "


def _officials(ev: RawEvent) -> bool:
    """Does a meeting name a person on either side (a new scene, not «استقبال اللاجئين»)?"""
    return any(
        m is not None and m.kind in ("person", "title", "unknown") for m in (ev.source_mention, ev.target_mention)
    )


_ANAPHORA_REACH = 40  # a definite meeting noun with no party this close after it refers back


def _anaphoric(norm: str, trig: Hit[Trigger], args: list[Arg]) -> bool:
    """A definite meeting noun with no partner after it («خلال اللقاء بحث…») refers back; one that
    names its parties («الاجتماع الخامس لوزراء خارجية الصين-آسيا الوسطى») does not."""
    word = norm[trig.start : trig.end]
    if not word.startswith("ال") or trig.end < len(norm) and norm[trig.end].isalnum():
        return False
    if re.match(r"\s*(?:مع|بين)\s", norm[trig.end : trig.end + 8]):
        return False
    return not any(trig.end <= a.start <= trig.end + _ANAPHORA_REACH for a in args)


def _future(norm: str, start: int) -> bool:
    """A verb in the future: the prefix س glued to it, or «سوف»/«من المقرر أن» just before."""
    if start >= 2 and norm[start - 1] == "س" and not norm[start - 2].isalnum():
        return True
    if start >= 3 and norm[start - 2 : start] == "وس" and not norm[start - 3].isalnum():
        return True
    before = norm[max(0, start - 16) : start]
    return any(before.endswith(w) for w in _FUTURE_WORDS)


def _complement(norm: str, start: int) -> bool:
    """A masdar glued to ل or ب («لدعم»، «بتأييد») is the purpose or content of another act."""
    return start >= 2 and norm[start - 1] in "لب" and not norm[start - 2].isalnum()


def _outside(triggers: list[Hit[Trigger]], mentions: list[ActorMention]) -> list[Hit[Trigger]]:
    """Drop triggers inside a name: «شكر» (thanked) within «سامح شكري», «طالب» within «طالبان»."""
    spans = [(m.norm_start, m.norm_end) for m in mentions]
    return [t for t in triggers if not any(a <= t.start < b or a < t.end <= b for a, b in spans)]


def _unblocked(triggers: list[Hit[Trigger]], blockers: list[Hit[str]]) -> list[Hit[Trigger]]:
    """Drop a trigger found inside a longer word that is not one («زار» + ه inside «وزارة»)."""
    out = []
    for t in triggers:
        if not any(b.start <= t.start and t.end <= b.end and b.end - b.start > t.end - t.start for b in blockers):
            out.append(t)
    return out


def _agentive(
    m: ActorMention, norm: str, cues: list[Hit[str]], trigger_ends: set[int] | frozenset[int] = frozenset()
) -> bool:
    """Can this mention act or be acted on? Not a place after «في» («في اليمن»), and an adjective only
    after a noun that names an agent («الجيش اللبناني», not «الأزمة اليمنية») or right after a trigger
    («انتهاك الأجواء اللبنانية», «العدوان الإسرائيلي»)."""
    before = norm[max(0, m.norm_start - 3) : m.norm_start]
    if before == "في " and m.kind in ("country", "place", "capital"):
        return False
    if norm[max(0, m.norm_start - 6) : m.norm_start].endswith(("داخل ", "ضمن ", "اطار ", "عضويه ")):
        return False  # «داخل الأمم المتحدة»: a frame, not a party
    if m.kind == "capital" and norm[m.norm_start - 1 : m.norm_start] == "ب":
        return False
    if m.kind not in ("adj", "org_adj"):
        return True
    if norm[m.norm_start : m.norm_end].endswith(("يين", "يون")):
        return True  # a plural demonym names people of that state («بحارة بريطانيين»)
    if any(0 <= m.norm_start - e <= 2 for e in trigger_ends):
        return True
    return any("agent" in c.payloads and 0 <= m.norm_start - c.end <= 2 for c in cues) or any(
        "agent" in c.payloads and 0 <= m.norm_start - c.end <= 14 and _one_word_between(norm, c.end, m.norm_start)
        for c in cues
    )


def _one_word_between(norm: str, a: int, b: int) -> bool:
    return len(norm[a:b].split()) <= 1


def _drop_overlaps(args: list[Arg]) -> list[Arg]:
    out: list[Arg] = []
    for a in args:
        if out and a.start < out[-1].end:
            continue
        out.append(a)
    return out


def _negated(trig: Hit[Trigger], cues: list[Hit[str]], norm: str) -> bool:
    return any("negation" in c.payloads and 0 <= trig.start - c.end <= _NEGATION_GAP for c in cues)


def _hypothetical(trig: Hit[Trigger], cues: list[Hit[str]], n0: int) -> bool:
    return any("hypothetical" in c.payloads and n0 <= c.start < trig.start and trig.start - c.end < 40 for c in cues)


def _cooperation_follows(trig: Hit[Trigger], cues: list[Hit[str]]) -> bool:
    return any("cooperation" in c.payloads and 0 <= c.start - trig.end <= 40 for c in cues)


def _clause_start(norm: str, pos: int, n0: int) -> int:
    """Start of the clause holding ``pos``: after the last semicolon in the sentence."""
    cut = norm.rfind(";", n0, pos)
    return cut + 1 if cut >= 0 else n0
