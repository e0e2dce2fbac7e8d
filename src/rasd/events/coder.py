"""Stage 4: triggers to typed events with source, target, date and place.

A sentence is looked at closely only when a trigger matched in it. The scene's pair (for «الجانبان»)
starts as the document's two most-named parties and follows each meeting; the speaker carries over
sentences that open with a reporting verb.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Generic, TypeVar

from rasd.actors.mentions import ActorMention
from rasd.dates import TimeExpr
from rasd.events.arguments import PAIR, Arg, Roles, assign, base, differs, in_phrase
from rasd.events.dating import date_of, is_history, past_year_near
from rasd.events.lexicon import EventLexicons, Trigger
from rasd.events.partnerships import Phrase, find_phrases
from rasd.events.readings import (
    FUTURE_AGREE,
    NEEDS_REACH,
    addressed,
    agentive,
    anaphoric,
    attack_site,
    clause_start,
    complement,
    condemned_attack,
    cooperation_follows,
    described,
    drop_overlaps,
    future,
    hypothetical,
    negated,
    officials,
    outside,
    topic_only,
    unblocked,
)
from rasd.events.state import Found, RawEvent, RawPartnership, Scene, Sentence
from rasd.normalise.match import Hit
from rasd.records import Place, Span
from rasd.resources import Resources

_ACTOR_KINDS = ("person", "title", "country", "adj", "org", "org_adj")
_ARG_KINDS = _ACTOR_KINDS + ("capital", "unknown")


def main_pair(mentions: list[ActorMention]) -> tuple[str, str] | None:
    """The document's two most-named parties (states and organisations), first named first."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for m in mentions:
        if m.kind in _ACTOR_KINDS and m.code != "REG":
            code = base(m.code)
            if code in counts:
                counts[code] += 1
            else:
                counts[code], first[code] = 1, m.norm_start
    top = sorted(counts, key=lambda c: (-counts[c], first[c]))[:2]
    return (top[0], top[1]) if len(top) == 2 else None


class EventCoder:
    """Codes the events of analysed documents, one at a time; it keeps nothing between them."""

    def __init__(self, res: Resources, lex: EventLexicons) -> None:
        self.res, self.lex = res, lex
        self._igos = frozenset(o.code for o in res.organisations if o.kind == "igo")

    def find(self, norm: str) -> Found:
        """Every trigger, cue and partnership word of a folded document (one automaton pass each)."""
        return Found(
            unblocked(self.lex.triggers.find(norm), self.lex.blockers.find(norm)),
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
        triggers, cues, words = outside(found.triggers, mentions), found.cues, found.words
        triggers = [t for t in triggers if not _taa_marbuta(t, norm, text, to_original)]
        scene = Scene(main_pair(mentions))
        events: list[RawEvent] = []
        partnerships: list[RawPartnership] = []
        by_trigger, by_word = _ByStart(triggers, [t.start for t in triggers]), _ByStart(words, [w.start for w in words])
        by_mention = _ByStart(mentions, [m.norm_start for m in mentions])
        by_cue = _ByStart(cues, [c.start for c in cues])
        unread: list[tuple[int, int]] = []  # sentences whose subject may speak on
        stated_at = sorted(by_trigger.starts + by_word.starts)
        for sent, n0, n1 in sentences:
            if not _any_within(stated_at, n0, n1):
                # nothing stated here: its subject is read only if a later sentence needs the speaker
                unread.append((n0, n1))
                continue
            s_triggers, s_words = by_trigger.within(n0, n1), by_word.within(n0, n1)
            if (last := _last_subject(unread, by_mention, by_cue, norm)) is not None:
                scene.speaker = last
            unread.clear()
            s_mentions, s_cues = by_mention.within(n0, n1), by_cue.within(n0, n1)
            args = _args(s_mentions, s_cues, {t.end for t in s_triggers}, norm)
            subject = _subject(args, n0)
            # the expressions a date of this sentence may come from (date_of reads only its own)
            s_exprs = [e for e in exprs if sent.start <= e.start < sent.end]
            if s_triggers:
                inside = [(t.start, t.end) for t in s_triggers]
                own_place = self._place(s_mentions, n1, norm, None)
                here = Sentence(
                    span=sent,
                    n0=n0,
                    n1=n1,
                    args=[a for a in args if not any(s0 <= a.start and a.end <= e0 for s0, e0 in inside)],
                    cues=s_cues,
                    locations=[m for m in s_mentions if m.kind in ("place", "capital", "country")],
                    named=s_mentions,
                    place=own_place or dateline_place,
                    named_place=own_place,
                    speaker=scene.speaker,  # «وأضاف أن…» names no one: the last subject speaks on
                    previous=subject,
                    accusations=[t.end for t in s_triggers if t.payloads[0].type == "ACCUSE"],
                    rejections=[t.end for t in s_triggers if t.payloads[0].type == "REJECT"],
                    requests=[t.end for t in s_triggers if t.payloads[0].type == "REQUEST"],
                )
                for trig in s_triggers:
                    # most triggers state nothing: their place in the original and their date are
                    # read only for those that do
                    when = partial(_trigger_date, s_exprs, sent, default_date, to_original, trig, text)
                    stated, roles = self._event(trig, here, norm, scene, to_original, when)
                    if roles is not None and roles.target is not None:
                        here.objects.add(roles.target.start)
                    if (
                        stated
                        and roles is not None
                        and roles.source is not None
                        and roles.source.code != PAIR
                        and not roles.how.startswith("noun.")  # «بعد مطالبة الاتحاد…»: a phrase's genitive
                    ):
                        here.previous = roles.source
                    if not stated:
                        continue
                    stated += [a for ev in stated if (a := _victim_accuses(ev, args, n0, trig.start, norm)) is not None]
                    at = to_original(trig.start, trig.end).start
                    for ev in stated:
                        if is_history(ev.date, anchor) or past_year_near(exprs, at, anchor):
                            continue
                        events.append(ev)
                        if ev.type == "CONSULT" and self._states(ev.source, ev.target) and officials(ev):
                            scene.pair = (base(ev.source), base(ev.target))
            for ph in find_phrases(norm, n0, n1, self.lex, s_words, s_cues):
                pair = _partnership_pair(ph, args, scene)
                if pair is not None:
                    date, _p, _t = date_of(s_exprs, sent, default_date, to_original(ph.start, ph.end).start, text)
                    a_code, b_code = sorted(pair)
                    partnerships.append(
                        RawPartnership(
                            a_code, b_code, ph.level, ph.rank, ph.change, date, to_original(ph.start, ph.end)
                        )
                    )
            if subject is not None:
                scene.speaker = subject
        return events, partnerships

    def _states(self, a: str, b: str) -> bool:
        """Both are states (not organisations or regions) and differ: a bilateral scene."""
        return base(a) != base(b) and base(a) in self.res.countries and base(b) in self.res.countries

    def _forum(self, roles: Roles, place: Place, args: list[Arg], norm: str) -> Roles:
        """A meeting of an organisation («اجتماع الجامعة العربية بالقاهرة») is one CONSULT between the
        forum and its host, the state where it meets; those who attend do not meet it one by one."""
        source = roles.source
        if source is None or source.mention is None or source.mention.kind != "org" or not place.country:
            return roles
        if base(source.code) not in self._igos or place.country == base(source.code):
            return roles
        if len(_group(source, args, norm)) > 1:  # «مجلس التعاون والولايات المتحدة»: a meeting of two sides
            return roles
        return Roles(source, Arg(0, 0, place.country, None), True, "forum.host")

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
        when: Callable[[], tuple[str | None, str | None, str | None]],
    ) -> tuple[list[RawEvent], Roles | None]:
        """The events one trigger states: none when negated or hypothetical, several when a side is a
        list («سفراء النرويج وفنلندا والدنمارك») or the pair acts on a third party. ``when`` gives their
        date, read only when there are some."""
        t = trig.payloads[0]
        cues, n0 = here.cues, here.n0
        if negated(trig, cues, norm):
            return [], None
        if t.type == "CONSULT" and t.role == "noun" and norm[max(0, trig.start - 4) : trig.start] == "قبل ":
            return [], None  # «قبل الاجتماع»: a meeting still to come dates the sentence, it is not news
        if t.type == "ASSAULT" and _told_attack(norm, trig):
            return [], None  # «أكد الأمير أن الهجوم يشكل انتهاكا…»: the attack already told is the topic
        if t.type != "REJECT" and _refused(trig, here.rejections, norm):
            return [], None  # «ترفض وقف الاستيطان أو الإفراج عن الأسرى»: what is refused does not happen
        if t.type in _ASKED_FOR and _asked_for(trig, here.requests, norm):
            return [], None  # «ناشد قوات التحالف بتعزيز الضربات»: what is asked for has not happened
        if t.type == "CONSULT" and t.role == "noun" and norm[max(0, trig.start - 5) : trig.start] == "امام ":
            return [], None  # «في كلمته أمام اجتماع اللجنة»: the setting of a speech, told as such
        if t.type == "CONSULT" and _participants(trig, cues):
            return [], None  # «وتشارك في اجتماع آسيان الولايات المتحدة وروسيا…»: a list of participants
        if t.type == "CONSULT" and t.role == "noun" and anaphoric(norm, trig, here.args):
            return [], None  # «خلال اللقاء»، «في ختام الاجتماع»: the meeting already told
        if t.role == "of" and norm[max(0, trig.start - 3) : trig.start].strip().endswith('"'):
            return [], None  # «"استقلال تايوان"»: a slogan quoted, not a state supported
        if any("background" in c.payloads and n0 <= c.start < trig.start for c in cues):
            return [], None  # «سبق أن»، «في وقت سابق»: history told as background
        if _pluperfect(norm, n0, trig.start):
            return [], None  # «وكان الجبير قد التقى لافروف…»: what had happened before the news
        if t.role == "noun" and complement(norm, trig.start):
            return [], None  # «لدعم»، «بتأييد»: the purpose or content of another act, not an act
        if t.role != "noun" and _glued_masdar(norm, trig.start):
            return [], None  # «لحرص الرئيس على المشاركة»: a verb takes no ل or ب, so this is a masdar's purpose
        if norm.startswith("لل", trig.start) and not t.form.startswith("لل"):
            return [], None  # «مركز الملك سلمان للإغاثة»: ل + ال glued to a masdar names a purpose
        if described(trig, t, here.args, norm):
            return [], None  # «طالب تونسي»: a noun with its nationality, not the verb «طالب»
        if t.needs and not any(w in norm[trig.end : trig.end + NEEDS_REACH + len(w)] for w in t.needs):
            return [], None
        if t.type not in ("AGREE", "THREATEN") and hypothetical(trig, cues, n0):
            return [], None
        clause = clause_start(norm, trig.start, n0)
        roles = assign(trig, here.args, here.speaker, norm, clause, frozenset(here.objects), here.previous)
        if roles.how == "participle" and roles.target is None and here.objects:
            # «دعا بارو السلطات الجزائرية…، محذرا»: the warning goes to whom the clause addressed
            last = max(o for o in here.objects if o < trig.start) if any(o < trig.start for o in here.objects) else -1
            obj = next((a for a in here.args if a.start == last), None)
            if obj is not None and roles.source is not None and differs(roles.source, obj):
                roles = Roles(roles.source, obj, False, roles.how)
        if t.type == "PROTEST" and norm.startswith(("احتجاجا ", "واحتجاجا "), trig.start):
            roles = _protesting(trig, here, norm)
        helped = _helped_release(trig, here, norm) if t.type == "RETREAT" else None
        if helped is not None:
            roles = helped
        elif t.type in _HOSTILE and _HELPED.search(norm, max(0, trig.start - 40), trig.start):
            return [], None  # «ساعدت السلطنة في ترحيل صحافي»: a helper is not the one who acts
        if t.type == "REQUEST" and "طالب" in norm[trig.start : trig.end] and _claim(norm, trig.end):
            return [], None  # «تطالب فيتنام بالسيادة على…»: a claim to a territory asks no one
        if t.type == "ACCUSE" and roles.target is not None and _in_charge(norm, trig.end, roles.target.start):
            roles = Roles(roles.source, None, roles.joint, roles.how)  # «تتهم X الكواري بدعم متطرفين في باكستان»
        if t.type == "ASSAULT":
            roles = condemned_attack(trig, here, norm, here.accusations) or roles
            roles = _attack_site(trig, roles, norm) or roles
            roles = _relative_agent(trig, roles, here.args, norm) or roles
        if t.type == "REQUEST" and t.role == "svo":
            roles = _request_granted(trig, roles, here.args, norm) or addressed(trig, roles, norm)
        if topic_only(t, roles, norm):
            roles = Roles(roles.source, None, False, roles.how)  # «بحث الوضع في اليمن»: a topic, not a party
        if t.rule == "consult.meeting.noun" and here.named_place is not None:
            roles = self._forum(roles, here.named_place, here.args, norm)
        companions: list[Arg] = []
        if t.role == "visit" and roles.source is not None:
            roles, companions = _companions(trig, roles, here, norm)
        if t.role == "visit" and roles.source is not None and roles.target is None:
            roles = _visited_place(trig, roles, here, norm)
        if t.type == "ACCUSE" and roles.source is not None and roles.target is not None:
            roles = _accused_not_addressee(trig, roles, here.args, norm)
        if t.type == "ACCUSE" and roles.target is None and roles.source is not None:
            roles = attack_site(trig, roles, here, norm, cues)
        etype = t.type
        if etype == "REQUEST" and cooperation_follows(trig, cues):
            etype = "AGREE"
        elif (etype in FUTURE_AGREE or t.rule.startswith("support.sign")) and (
            future(norm, trig.start, clause) or (etype == "CONSULT" and (here.planned or _future_light(norm, trig)))
        ):
            etype = "AGREE"  # «سيزور»، «من المقرر أن يلتقي»، «تعتزم روسيا وتونس التوقيع»: a plan is an intent
            here.planned = here.planned or t.type == "CONSULT"
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
        pairs = self._pairs(roles, scene, t, here.args, norm)
        date, precision, date_text = when() if pairs else (None, None, None)
        for src, tgt, joint, s_arg, t_arg in pairs:
            if src == tgt and (s_arg is None or t_arg is None or not differs(s_arg, t_arg)):
                continue  # one actor on both sides states nothing
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
        if out and companions:  # «زار بايبر القرية برفقة موظفين من حكومات النرويج وسويسرا»: they visited too
            first = out[0]
            seen = {base(first.source), base(first.target)}
            for c in companions:
                if base(c.code) not in seen:
                    seen.add(base(c.code))
                    out.append(replace(first, source=c.code, source_mention=c.mention, rule=first.rule + ".companion"))
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
        if t_arg is None and roles.how == "gathered":  # every two participants of one meeting met
            members = _group(s_arg, args, norm)
            if len(members) > _GATHERED_MAX:
                return []  # a forum of many states: its members do not each meet each other
            return [
                (a.code, b.code, True, a, b)
                for i, a in enumerate(members)
                for b in members[i + 1 :]
                if differs(a, b) and base(a.code) != base(b.code)
            ]
        if t_arg is None and roles.joint:
            if pair is None or base(s_arg.code) not in pair:
                return []
            other = pair[1] if base(s_arg.code) == pair[0] else pair[0]
            return [(s_arg.code, other, True, s_arg, None)]
        if t_arg is not None and t.type == "PROTEST" and " من " in norm[max(0, t_arg.start - 25) : t_arg.start]:
            t_arg = None  # «أسرى من حركتي فتح والجهاد»: where the protesters come from, not whom they protest
        if (
            t_arg is None
            and t.type == "PROTEST"
            and pair is not None
            and base(s_arg.code) in pair
            and not in_phrase(norm, s_arg)
        ):
            # «بدأ الأسرى الفلسطينيون إضرابهم عن الطعام»: a protest in a two-sided story is against the other side
            other = pair[1] if base(s_arg.code) == pair[0] else pair[0]
            return [(s_arg.code, other, False, s_arg, None)]
        if t_arg is None:
            return []
        if t_arg.code == PAIR:
            if pair is None:
                return []
            if base(s_arg.code) in pair:
                other = pair[1] if base(s_arg.code) == pair[0] else pair[0]
                return [(s_arg.code, other, roles.joint, s_arg, None)]
            if t.type not in _MUTUAL:  # «دعت الصين البلدين إلى ضبط النفس»: a third party acts on each
                return [(s_arg.code, p, False, s_arg, None) for p in pair]
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


_GATHERED_MAX = 3  # «اجتماع ثلاثي ضم …»: beyond three, a meeting is multilateral

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
_CAMEO_OF = {"AGREE": "030", "REQUEST": "100", "ACCUSE": "112"}
_HOSTILE = frozenset({"ASSAULT", "MOBILIZE", "COERCE"})


def _victim_accuses(ev: RawEvent, args: list[Arg], n0: int, at: int, norm: str) -> RawEvent | None:
    """«أفاد بيان الجيش اللبناني بأن طائرة إسرائيلية انتهكت الأجواء اللبنانية»: a hostile act reported by
    its victim is also the victim's accusation of the one who did it."""
    if ev.type not in _HOSTILE:
        return None
    subject = _subject(args, n0)
    if subject is None or subject.start >= at or subject.mention is ev.source_mention:
        return None
    if in_phrase(norm, subject):  # «أفرجت السلطات عن البحارة البريطانيين»: the released do not report
        return None
    if base(subject.code) != base(ev.target) or base(subject.code) == base(ev.source):
        return None
    return replace(
        ev,
        type="ACCUSE",
        source=subject.code,
        target=ev.source,
        joint=False,
        source_mention=subject.mention,
        target_mention=ev.source_mention,
        rule=ev.rule + ".reported-by-victim",
        cameo=_CAMEO_OF["ACCUSE"],
    )


_LIST_GLUE = frozenset({"و", ",", "، و", ", و", "او", "،"})


def _glued_masdar(norm: str, start: int) -> bool:
    """A perfect-tense form glued to ل or ب («لحرص», «بدعم»): only a masdar takes them (an imperfect
    verb after ل, «ليدعم», is a purpose too but is read by its own rules)."""
    if start < 2 or norm[start - 1] not in "لب" or norm[start - 2].isalnum():
        return False
    if norm[start : start + 1] in ("ي", "ت", "ن", "ا"):
        return False
    words = norm[max(0, start - 40) : start - 1].split()
    return not (norm[start - 1] == "ب" and any(w.removeprefix("و") in _DID for w in words[-4:]))


_DID = frozenset({"قام", "قامت", "يقوم", "تقوم", "قاما", "قاموا", "يقومون", "بادر", "بادرت"})  # «قامت X بفرض»


_RELATIVE_AGENT = re.compile(
    r"\s*(?:\S+\s+){0,2}?(?:التي|الذي|اللتين|الذين)\s+(?:شن|شنت|نفذ|نفذت|تشن|يشن|تنفذ|ينفذ|ارتكب|ارتكبت|"
    r"يرتكب|ترتكب|شنها|شنتها|نفذها|نفذتها|تشنها|يشنها|ارتكبها|ارتكبتها|يرتكبها|ترتكبها)\s"
)
_AGENT_REACH = 40


def _relative_agent(trig: Hit[Trigger], roles: Roles, args: list[Arg], norm: str) -> Roles | None:
    """«عمليات القصف التي شنتها القوات الهندية على الحدود الباكستانية»: the relative clause after an attack
    names who attacked; whom it hit is named after that, else stays as read."""
    m = _RELATIVE_AGENT.match(norm, trig.end, trig.end + _AGENT_REACH)
    if m is None:
        return None
    agent = next(
        (a for a in args if a.start >= m.end() and len(norm[m.end() : a.start].split()) <= 1 and a.code != PAIR),
        None,
    )  # «التي شنتها القوات الهندية»: the agent, or its nationality right after the noun it qualifies
    if agent is None:
        return None
    hit = next(
        (a for a in args if agent.end <= a.start <= agent.end + _AGENT_REACH and differs(agent, a) and a.code != PAIR),
        None,
    )
    if hit is None and roles.source is not None and roles.source is not agent and differs(agent, roles.source):
        hit = roles.source
    return Roles(agent, hit, False, "relative")


_ADDRESSEE = re.compile(r"(?:الي|الى)\s+\W*(?:\S+\s+){0,2}\W*$")


def _accused_not_addressee(trig: Hit[Trigger], roles: Roles, args: list[Arg], norm: str) -> Roles:
    """«قدم الجيش الباكستاني مذكرة احتجاج إلى بعثة الأمم المتحدة حول القصف الذي شنته القوات الهندية»: the
    one a protest is handed to is not the one accused; that is the next party the sentence names."""
    source, target = roles.source, roles.target
    if source is None or target is None or _ADDRESSEE.search(norm, max(0, target.start - 30), target.start) is None:
        return roles
    accused = next(
        (
            a
            for a in args
            if target.end < a.start <= trig.end + 2 * _AGENT_REACH + 60
            and a.code != PAIR
            and base(a.code) not in (base(source.code), base(target.code))
        ),
        None,
    )
    return Roles(source, accused, roles.joint, roles.how + ".about") if accused is not None else roles


_GRANTED = ("علي ", "تلبيه ", "لتلبيه ", "تلبيه ل", "استجابه ل", "استجابه ", "بطلب ")


def _request_granted(trig: Hit[Trigger], roles: Roles, args: list[Arg], norm: str) -> Roles | None:
    """«بناءً على طلب من الرئيس هادي», «لتلبية طلب الحكومة الفرنسية»: «طلب» here is a noun; whoever it
    names after it asked, and the clause's subject is the one asked, who grants it."""
    if norm[trig.start : trig.end] not in ("طلب", "لطلب") or not norm[max(0, trig.start - 10) : trig.start].endswith(
        _GRANTED
    ):
        return None
    asker = next(
        (a for a in args if trig.end <= a.start <= trig.end + 24 and _genitive_gap(norm[trig.end : a.start])),
        None,
    )
    if asker is None or roles.source is None or not differs(asker, roles.source):
        return Roles(None, None, False, "granted")
    return Roles(asker, roles.source, False, "granted")


def _genitive_gap(between: str) -> bool:
    """«طلب من الرئيس», «طلب الحكومة الفرنسية»: at most «من» and one noun before the named party."""
    words = between.split()
    if words[:1] == ["من"]:
        words = words[1:]
    return len(words) <= 1


def _told_attack(norm: str, trig: Hit[Trigger]) -> bool:
    """A definite attack noun opening a clause after «أن»/«إن» («أن الهجوم يشكل…») is the subject of a
    judgement on an attack already reported, not a new one."""
    word = norm[trig.start : trig.end]
    if not word.startswith("ال") or norm[max(0, trig.start - 3) : trig.start] not in ("ان ", "إن ", "أن "):
        return False
    following = norm[trig.end : trig.end + 12].split()
    return bool(following) and following[0] not in ("علي", "الذي", "التي", "ضد", "الاخير", "الجديد")


_FUTURE_LIGHT = re.compile(
    r"(?:^|\s)و?(?!سنه|ستة|سته|سنوات|سياسه|سياده|سياق|سنوي)س[يتن]\S{2,}\s+(?:(?:خلال|في)\s+)?$"
)  # a verb with the future prefix س, not «سنة», «ستة», «سياسة»…


def _future_light(norm: str, trig: Hit[Trigger]) -> bool:
    """«سينقل خلال لقائه»: a future verb governs the meeting noun, which is still to come."""
    return _FUTURE_LIGHT.search(norm, max(0, trig.start - 20), trig.start) is not None


_PLUPERFECT = re.compile(r"\s*و?(?:كان|كانت|كانا|كانوا)\s")


def _pluperfect(norm: str, n0: int, start: int) -> bool:
    """«وكان X قد التقى»: a sentence opened by «كان» with «قد» before the verb tells earlier events."""
    return norm[max(n0, start - 3) : start] == "قد " and _PLUPERFECT.match(norm, n0) is not None


_COMPANION = re.compile(r"(?:برفقته|برفقتها|برفقه|يرافقه|ترافقه|يرافقها|ترافقها|بصحبه|يصحبه|يصحبها)\s")
_PLACE_NOUNS = frozenset({"القريه", "المدينه", "البلده", "المخيم", "الاراضي", "المنطقه", "العاصمه", "المدن", "القري"})


def _word_before(norm: str, pos: int) -> str:
    """The word just before ``pos`` («القرية» before «الفلسطينية», «سفير» before «مملكة النرويج»), or ""."""
    words = norm[max(0, pos - 20) : pos].split()
    return words[-1] if words else ""


def _companions(trig: Hit[Trigger], roles: Roles, here: Sentence, norm: str) -> tuple[Roles, list[Arg]]:
    """A visitor's companions («برفقته موظفون من حكومات النرويج وسويسرا») visit with him; they are not
    the host, who is the place named before them («القرية الفلسطينية»)."""
    clause_end = next((i for i in range(trig.end, here.n1) if norm[i] in ".،,؛"), here.n1)
    m = _COMPANION.search(norm, trig.end, clause_end)
    if m is None or roles.source is None:
        return roles, []
    companions = [a for a in here.args if m.end() <= a.start < clause_end and differs(roles.source, a)]
    target = roles.target
    if target is not None and target.start >= m.start():
        target = None
    if target is None:
        host = next(
            (
                x
                for x in here.named
                if trig.end <= x.norm_start < m.start()
                and base(x.code) != base(roles.source.code)
                and (x.kind != "adj" or _word_before(norm, x.norm_start) in _PLACE_NOUNS)
            ),
            None,
        )
        if host is not None:
            target = Arg(host.norm_start, host.norm_end, base(host.code), host)
    return Roles(roles.source, target, roles.joint, roles.how), companions


_PROTESTED_REACH = 100


def _protesting(trig: Hit[Trigger], here: Sentence, norm: str) -> Roles:
    """«احتجاجا على الممارسات التي تشنها إدارة السجون»: an adverbial protest is against what «على» names and
    by the clause's subject, never by what stands inside a phrase («في سجون الاحتلال»)."""
    end = norm.find(" ", trig.start)
    if end < 0 or not norm.startswith(" علي ", end):
        return Roles(None, None, False, "protest.adverbial")
    target = next((a for a in here.args if end < a.start <= end + _PROTESTED_REACH and a.code != PAIR), None)
    source = next(
        (
            a
            for a in here.args
            if a.start < trig.start
            and a.code != PAIR
            and not in_phrase(norm, a)
            and (target is None or differs(a, target))
        ),
        None,
    )
    if source is None or target is None:
        return Roles(None, None, False, "protest.adverbial")
    return Roles(source, target, False, "protest.adverbial")


_VISIT_PLACE_REACH = 60


def _visited_place(trig: Hit[Trigger], roles: Roles, here: Sentence, norm: str) -> Roles:
    """«اختتمت لجنة الأمم المتحدة زيارة رسمية في عمان»: with no host named, the state of the place visited
    hosts the visit."""
    source = roles.source
    for m in here.locations:
        if trig.end <= m.norm_start <= trig.end + _VISIT_PLACE_REACH and "." not in norm[trig.end : m.norm_start]:
            state = base(m.code)
            if source is not None and state != base(source.code):
                return Roles(source, Arg(m.norm_start, m.norm_end, state, m), False, roles.how + ".place")
            return roles
    return roles


_HELPED = re.compile(r"(?:ساعد|ساعدت|ساهم|ساهمت|اسهم|اسهمت|توسط|توسطت)\s+(?:\S+\s+){0,3}?(?:علي|في)\s+$")
_CAPTIVITY_REACH = 90


def _helped_release(trig: Hit[Trigger], here: Sentence, norm: str) -> Roles | None:
    """«ساعدت عمان على إطلاق سراح الرهينة الفرنسية التي كانت مختطفة في اليمن»: the helper did not hold
    her; unidentified captors in the place of captivity released one of the state named."""
    if _HELPED.search(norm, max(0, trig.start - 40), trig.start) is None:
        return None
    released = next(
        (m for m in here.named if 0 <= m.norm_start - trig.end <= 30 and m.kind in ("adj", "country", "person")),
        None,
    )
    if released is None:
        return Roles(None, None, False, "helped")
    site = next(
        (
            m
            for m in here.locations
            if 0 < m.norm_start - released.norm_end <= _CAPTIVITY_REACH
            and norm[max(0, m.norm_start - 3) : m.norm_start] == "في "
            and base(m.code) != base(released.code)
        ),
        None,
    )
    if site is None:
        return Roles(None, None, False, "helped")
    held = Arg(released.norm_start, released.norm_end, released.code, released)
    captors = Arg(site.norm_start, site.norm_end, base(site.code) + "-UAF", site)
    return Roles(captors, held, False, "helped.captors")


def _qualified_pairs(args: list[Arg], norm: str) -> list[Arg]:
    """«بعض الأطراف اليمنية»: a nationality right after «الأطراف» names those parties, not the scene's pair."""
    out = []
    for i, a in enumerate(args):
        nxt = args[i + 1] if i + 1 < len(args) else None
        if a.code == PAIR and norm[a.end : a.end + 10].split()[:1] in (["الاعضاء"], ["الاخري"], ["الناميه"]):
            continue  # «البلدان الأعضاء»: the member countries, not the two of the scene
        if (
            a.code == PAIR
            and nxt is not None
            and nxt.mention is not None
            and nxt.mention.kind in ("adj", "org_adj")
            and norm[a.end : nxt.start].strip() == ""
        ):
            continue
        out.append(a)
    return out


_CLAIMS = ("بالسياده", "باحقيتها", "باحقيته", "بملكيه", "بالسيطره علي")


def _claim(norm: str, end: int) -> bool:
    """Does a demand claim something («تطالب … بالسيادة على»), rather than ask someone?"""
    return any(c in norm[end : end + 50] for c in _CLAIMS)


_CHARGES = re.compile(
    r"\s(?:بدعم|بتمويل|بالوقوف|بارتكاب|بالتورط|بالتدخل|بمحاولة|بانتهاك|بالتسلل|بتهريب|بشن|بقصف|بالارهاب|بالتجسس|"
    r"بالمسووليه|بتنفيذ|بتسهيل|بايواء)\S*\s"
)


def _in_charge(norm: str, end: int, target_start: int) -> bool:
    """Is the accused found only inside the charge («اتهمت واشنطن الكواري بدعم متطرفين في باكستان»)?"""
    return _CHARGES.search(norm, end, target_start) is not None


_ASKED_FOR = frozenset({"ASSAULT", "RETREAT", "CONCEDE", "SANCTION", "MOBILIZE", "AID", "COERCE"})
_ASK_REACH = 60
_ASK_LINK = re.compile(r"\s+(?:\S+\s+){0,4}?(?:الي|علي|ب|ل)")


def _asked_for(trig: Hit[Trigger], requests: list[int], norm: str) -> bool:
    """Is the trigger the content of a call just before it («طالب بالإفراج عن», «دعا إلى وقف إطلاق النار»)?"""
    for end in requests:
        if not 0 <= trig.start - end <= _ASK_REACH or any(p in norm[end : trig.start] for p in ".؛:"):
            continue
        if _ASK_LINK.match(norm, end, trig.start + 3):
            return True
    return False


def _taa_marbuta(trig: Hit[Trigger], norm: str, text: str, to_original: Callable[[int, int], Span]) -> bool:
    """«حلقة» folds to «حلقه», which reads as «حلق» (flew) + «ه»; the original «ة» says it is a noun."""
    end = trig.end
    if end >= len(norm) or norm[end] != "ه" or (end + 1 < len(norm) and norm[end + 1].isalnum()):
        return False
    span = to_original(end, end + 1)
    return text[span.start : span.end] == "ة"


def _attack_site(trig: Hit[Trigger], roles: Roles, norm: str) -> Roles | None:
    """«تفجيرات الكويت وتونس»: a state in the genitive of an attack noun is where it struck, not who struck;
    an armed group there («هجمات داعش») is the attacker."""
    source = roles.source
    if source is None or source.mention is None or source.mention.kind not in ("country", "capital"):
        return None
    word = norm[trig.start : trig.end]
    if not (word.startswith("ال") or word.endswith("ات")) or not 0 <= source.start - trig.end <= 2:
        return None
    if re.match(r"\s*و", norm[source.end : source.end + 3]):
        return Roles(None, None, False, "attack.genitive-sites")  # «تفجيرات الكويت وتونس»: several sites
    state = base(source.code)
    return Roles(replace(source, code=state + "-UAF"), source, False, "attack.genitive-site")


_REFUSED_REACH = 40  # «ترفض الآن وقف الاستيطان أو الإفراج عن…»: the refused acts follow the verb closely


def _refused(trig: Hit[Trigger], rejections: list[int], norm: str) -> bool:
    """Is the trigger the object of a refusal just before it, in the same clause?"""
    return any(
        0 <= trig.start - end <= _REFUSED_REACH and not any(p in norm[end : trig.start] for p in ".،,؛:")
        for end in rejections
    )


def _participants(trig: Hit[Trigger], cues: list[Hit[str]]) -> bool:
    """A meeting noun right after «تشارك في» lists who takes part in a forum, not who meets whom."""
    return any("participate" in c.payloads and 0 <= trig.start - c.end <= 1 for c in cues)


def _group(arg: Arg, args: list[Arg], norm: str) -> list[Arg]:
    """The list an argument belongs to: «النرويج وفنلندا والدنمارك» stands for three actors, and
    «وزير الخارجية الروسي سيرجي لافروف، ووزير الخارجية الأمريكي جون كيري» for two."""
    if arg.code == PAIR or arg not in args:
        return [arg]
    args = [a for a in args if a is arg or not _host(a, norm)]
    i = args.index(arg)
    lo = hi = i
    while lo > 0 and _joined(args[lo - 1], args[lo], norm):
        lo -= 1
    while hi + 1 < len(args) and _joined(args[hi], args[hi + 1], norm):
        hi += 1
    members: list[Arg] = []
    for a in args[lo : hi + 1]:
        if a is arg or all(base(m.code) != base(a.code) for m in members):
            members.append(a)
    return members


def _joined(a: Arg, b: Arg, norm: str) -> bool:
    """Two neighbouring arguments in one list: joined by و or a comma, or a title and its name."""
    if PAIR in (a.code, b.code):
        return False
    between = norm[a.end : b.start].strip()
    if _same_head(a, b, norm):
        return True
    if between in (",", "،"):  # a comma lists only things of a kind; «بايبر، إسرائيل» is not a list
        return _kind(a) == _kind(b)
    return between in _LIST_GLUE or (between == "" and a.code == b.code)


_HEAD_REACH = 80  # «سفير النرويج لدى المملكة رالف فيلي هانسن، وسفير فنلندا»: a name may stand between


def _same_head(a: Arg, b: Arg, norm: str) -> bool:
    """«سفير X …، وسفير Y»: the same head noun repeated after و opens the next item of one list."""
    head, next_head = _word_before(norm, a.start).removeprefix("و"), _word_before(norm, b.start)
    return (
        len(head) >= 3
        and next_head == "و" + head
        and b.start - a.end <= _HEAD_REACH
        and "." not in norm[a.end : b.start]
    )


def _host(a: Arg, norm: str) -> bool:
    """«سفير النرويج لدى المملكة»: the state an envoy is accredited to describes him, it lists no one."""
    return norm[max(0, a.start - 4) : a.start] == "لدي "


def _kind(a: Arg) -> str:
    kind = a.mention.kind if a.mention else "pair"
    return {"adj": "country", "capital": "country", "title": "person", "unknown": "person", "org_adj": "org"}.get(
        kind, kind
    )


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


def _args(mentions: list[ActorMention], cues: list[Hit[str]], trigger_ends: set[int], norm: str) -> list[Arg]:
    """A sentence's parties that may act or be acted on, in text order, overlaps dropped."""
    args = [
        Arg(m.norm_start, m.norm_end, m.code, m)
        for m in mentions
        if m.kind in _ARG_KINDS and agentive(m, norm, cues, trigger_ends)
    ]
    args += [Arg(c.start, c.end, PAIR, None) for c in cues if "pair" in c.payloads]
    return _qualified_pairs(drop_overlaps(sorted(args, key=lambda a: (a.start, -a.end))), norm)


def _last_subject(
    unread: list[tuple[int, int]], mentions: _ByStart[ActorMention], cues: _ByStart[Hit[str]], norm: str
) -> Arg | None:
    """The subject of the last of these sentences that has one: the speaker they leave behind. Read
    from the last one back, so a run of sentences without events costs one or two readings."""
    for n0, n1 in reversed(unread):
        # a subject starts within reach of n0, and what starts later cannot change which parties there
        # are kept (overlaps are settled left to right, an adjective's agent cue stands before it)
        near = min(n1, n0 + _SUBJECT_REACH + 1)
        named = mentions.within(n0, near)
        if not any(m.kind in _ARG_KINDS for m in named):
            continue  # only the pair could be read there, and the pair is no subject
        subject = _subject(_args(named, cues.within(n0, near), set(), norm), n0)
        if subject is not None:
            return subject
    return None


_I = TypeVar("_I")


def _trigger_date(
    exprs: list[TimeExpr],
    sentence: Span,
    default: tuple[str, str, str] | None,
    to_original: Callable[[int, int], Span],
    trig: Hit[Trigger],
    text: str,
) -> tuple[str | None, str | None, str | None]:
    """The date that governs a trigger (date_of at its place in the original text)."""
    return date_of(exprs, sentence, default, to_original(trig.start, trig.end).start, text)


def _any_within(starts: list[int], n0: int, n1: int) -> bool:
    """Does one of ``starts`` (sorted) fall in [n0, n1)? One bisection tells a sentence that states
    nothing from one that is read closely."""
    i = bisect_left(starts, n0)
    return i < len(starts) and starts[i] < n1


class _ByStart(Generic[_I]):
    """Items sorted by their start (hits, mentions), taken per sentence by bisection."""

    def __init__(self, items: list[_I], starts: list[int]) -> None:
        self.items, self.starts = items, starts

    def within(self, n0: int, n1: int) -> list[_I]:
        """The items that start in [n0, n1)."""
        return self.items[bisect_left(self.starts, n0) : bisect_left(self.starts, n1)]


def _subject(args: list[Arg], n0: int) -> Arg | None:
    """The sentence's subject, who speaks on in the sentences after it: the first actor near the start,
    a person or title before a state; None keeps the previous speaker («وأشار في بيان إلى…»)."""
    near = [a for a in args if a.code != PAIR and a.start - n0 <= _SUBJECT_REACH]
    people = [a for a in near if a.mention and a.mention.kind in ("person", "title")]
    pool = people or near
    return pool[0] if pool else None
