"""How a trigger is read in its sentence: negation, hypotheticals, future, anaphora, complements,
which mentions can be parties, and the place of a condemned attack. Each rule is a small predicate
the coder asks; none of them knows a particular document."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from rasd.actors.mentions import ActorMention
from rasd.events.arguments import PAIR, Arg, Roles
from rasd.events.lexicon import Trigger
from rasd.events.state import RawEvent, Sentence
from rasd.normalise.match import Hit

NEGATION_GAP = 2


NEEDS_REACH = 100


FUTURE_AGREE = frozenset({"CONSULT"})  # a planned visit or meeting is an intent; «سوف تدعم» stays SUPPORT


FUTURE_WORDS = (
    "سوف ",
    "من المقرر ان ",
    "من المنتظر ان ",
    "من المتوقع ان ",
    "يعتزم ",
    "تعتزم ",
    "سيتم ",
    "سوف يتم ",
    "سيتم عقد ",
    "سيعقد ",
    "ستعقد ",
    "سيعقدان ",
    "ستعقدان ",
    "سيجري ",
    "ستجري ",
)


ATTACK_REACH = 30  # «أدان التفجير الإرهابي الذي استهدف …»: the attack named right after the verb


def attack_site(trig: Hit[Trigger], roles: Roles, here: Sentence, norm: str, cues: list[Hit[str]]) -> Roles:
    """A condemned attack with no named attacker: the accused are unidentified forces of the place
    where it happened («دان … التفجير … بمدينة أبها» → SAU-UAF), as CAMEO codes them."""
    attack = next((c for c in cues if "attack" in c.payloads and 0 <= c.start - trig.end <= ATTACK_REACH), None)
    if attack is None:
        return roles
    site = next((m for m in here.locations if m.norm_start >= attack.end), None)
    if site is None:
        return roles
    code = site.code.split("-")[0] + "-UAF"
    return Roles(roles.source, Arg(site.norm_start, site.norm_end, code, site), roles.joint, roles.how + ".site")


_ABOUT = ("بشان ", "حول ", "حيال ", "ازاء ", "تجاه ", "بخصوص ")


def topic_only(t: Trigger, roles: Roles, norm: str) -> bool:
    """What is discussed is a topic: talks «بشأن سوريا» are not with Syria, and the other party of a
    discussion verb is the one «مع» introduces."""
    if t.type != "CONSULT" or roles.target is None:
        return False
    if norm[max(0, roles.target.start - 7) : roles.target.start].endswith(_ABOUT):
        return True
    if roles.joint and (roles.source is None or roles.source.code != PAIR):
        return False  # «الصين وأذربيجان بحثتا»: the other party, not a topic; «بحث الجانبان الأوضاع» is one
    if t.mode != "discuss" or t.role != "svo":
        return False
    return norm[max(0, roles.target.start - 3) : roles.target.start] != "مع "


def officials(ev: RawEvent) -> bool:
    """Does a meeting name a person on either side (a new scene, not «استقبال اللاجئين»)?"""
    return any(
        m is not None and m.kind in ("person", "title", "unknown") for m in (ev.source_mention, ev.target_mention)
    )


ANAPHORA_REACH = 40  # a definite meeting noun with no party this close after it refers back


_TIME_WORD = re.compile(r"(?:عقب|بعد|اثر|ختام|قبيل|خلال)\s+$")


def anaphoric(norm: str, trig: Hit[Trigger], args: list[Arg]) -> bool:
    """A definite meeting noun with no partner after it («خلال اللقاء بحث…») refers back; one that
    names its parties («الاجتماع الخامس لوزراء خارجية الصين-آسيا الوسطى») does not."""
    word = norm[trig.start : trig.end]
    if not word.startswith("ال") or trig.end < len(norm) and norm[trig.end].isalnum():
        return False
    if re.match(r"\s*(?:مع|بين)\s", norm[trig.end : trig.end + 8]):
        return False
    if _TIME_WORD.search(norm, max(0, trig.start - 12), trig.start) and re.match(r"\s*[،,]", norm[trig.end :]):
        return True  # «عقب المحادثات، انتقد لافروف…»: the talks told before date what follows
    return not any(trig.end <= a.start <= trig.end + ANAPHORA_REACH for a in args)


def future(norm: str, start: int, clause_start: int = -1) -> bool:
    """A verb in the future: the prefix س glued to it, «سوف» just before, or a plan announced earlier in
    the clause («من المقرر أن تعقد اللجنة المشتركة … اجتماعا»)."""
    if start >= 2 and norm[start - 1] == "س" and not norm[start - 2].isalnum():
        return True
    if start >= 3 and norm[start - 2 : start] == "وس" and not norm[start - 3].isalnum():
        return True
    before = norm[max(0, start - 16) : start]
    if before.endswith(FUTURE_WORDS):
        return True
    clause = norm[max(clause_start, start - 80) : start] if clause_start >= 0 else ""
    return _PLANNED.search(clause) is not None


PLANNED = (
    "من المقرر ان",
    "من المنتظر ان",
    "من المزمع ان",
    "تعتزم ",
    "يعتزم ",
    "تعتزمان ",
    "يعتزمان ",
    "اقترح ",
    "اقترحت ",
    "يقترح ",
    "تقترح ",
)
_PLANNED = re.compile("|".join(map(re.escape, PLANNED)))  # one search for any of them


def addressed(trig: Hit[Trigger], roles: Roles, norm: str) -> Roles:
    """A call is addressed to whom it names before «إلى»: «دعا مجلس الأمن إلى …»; what follows «إلى» is
    the content («تدعو الأطراف إلى دور للأمم المتحدة»), not the addressee."""
    if roles.target is None:
        return roles
    cut = re.search(r"\s(?:الي|الى)\s", norm[trig.end : roles.target.start])
    return Roles(roles.source, None, roles.joint, roles.how) if cut else roles


def complement(norm: str, start: int) -> bool:
    """A masdar glued to ل or ب («لدعم»، «بتأييد») or after «إلى» («دعت إلى دعم») is the purpose or
    content of another act."""
    if start >= 2 and norm[start - 1] in "لب" and not norm[start - 2].isalnum():
        return True
    return norm[max(0, start - 4) : start] in ("الي ", "الى ")


def outside(triggers: list[Hit[Trigger]], mentions: list[ActorMention]) -> list[Hit[Trigger]]:
    """Drop triggers inside a name: «شكر» (thanked) within «سامح شكري», «طالب» within «طالبان».

    A trigger starts inside a mention [a, b) when one that starts at or before it ends after it, and
    ends inside one when one that starts before its end reaches it: the furthest end among the
    mentions that start by a point, found by bisection, answers both, without a set of every offset
    a name covers."""
    if not triggers or not mentions:
        return list(triggers)
    spans = sorted((m.norm_start, m.norm_end) for m in mentions)
    starts = [a for a, _b in spans]
    reach: list[int] = []  # reach[i]: the furthest end of spans[: i + 1]
    for _a, b in spans:
        reach.append(max(b, reach[-1]) if reach else b)
    out = []
    for t in triggers:
        i = bisect_right(starts, t.start)
        if i and reach[i - 1] > t.start:
            continue
        j = bisect_left(starts, t.end)
        if j and reach[j - 1] >= t.end:
            continue
        out.append(t)
    return out


def unblocked(triggers: list[Hit[Trigger]], blockers: list[Hit[str]]) -> list[Hit[Trigger]]:
    """Drop a trigger found inside a longer word that is not one («زار» + ه inside «وزارة»).

    Blockers come from one lexicon's search, sorted and apart (Lexicon.find), so the one blocker that
    may hold a trigger is the last to start by the trigger's start: found by bisection."""
    if not blockers:
        return list(triggers)
    starts = [b.start for b in blockers]
    out = []
    for t in triggers:
        i = bisect_right(starts, t.start) - 1
        b = blockers[i] if i >= 0 else None
        if b is None or not (t.end <= b.end and b.end - b.start > t.end - t.start):
            out.append(t)
    return out


_NAMED_AFTER_CITY = frozenset(
    {
        "جوله",
        "مؤتمر",
        "موتمر",
        "اتفاق",
        "اتفاقيه",
        "محادثات",
        "مفاوضات",
        "قمه",
        "عمليه",
        "مسار",
        "منتدي",
        "معاهده",
        "بروتوكول",
        "مبادره",
        "تفاهمات",
        "اتفاقات",
        "جولات",
        "مجموعه",
    }
)


def _capital_acts(m: ActorMention, norm: str, trigger_ends: set[int] | frozenset[int]) -> bool:
    """A capital stands for its government («أدانت الرياض», «مع واشنطن»), but not as the genitive of a
    round, conference or treaty named after the city («جولة الدوحة», «مؤتمر جنيف», «اتفاق باريس»)."""
    words = norm[max(0, m.norm_start - 16) : m.norm_start].split()
    return not words or words[-1].removeprefix("و").removeprefix("ب").removeprefix("ل") not in _NAMED_AFTER_CITY


_AUTHORITIES = frozenset({"الجهات", "السلطات", "المسوولين", "المسوولون", "المعنيه", "المختصه"})


def agentive(
    m: ActorMention, norm: str, cues: list[Hit[str]], trigger_ends: set[int] | frozenset[int] = frozenset()
) -> bool:
    """Can this mention act or be acted on? Not a place after «في» («في اليمن»), and an adjective only
    after a noun that names an agent («الجيش اللبناني», not «الأزمة اليمنية») or right after a trigger
    («انتهاك الأجواء اللبنانية», «العدوان الإسرائيلي»)."""
    before = norm[max(0, m.norm_start - 3) : m.norm_start]
    if before == "في " and m.kind in ("country", "place", "capital"):
        # «الجهات المعنية في السلطنة»: the authorities in a state act for it; «في اليمن» alone is a place
        return bool(_AUTHORITIES & set(norm[max(0, m.norm_start - 24) : m.norm_start - 3].split()[-2:]))
    if norm[max(0, m.norm_start - 6) : m.norm_start].endswith(("داخل ", "ضمن ", "اطار ", "عضويه ")):
        return False  # «داخل الأمم المتحدة»: a frame, not a party
    if m.kind == "capital" and norm[m.norm_start - 1 : m.norm_start] == "ب":
        return False
    if m.kind == "capital" and not _capital_acts(m, norm, trigger_ends):
        return False  # «جولة الدوحة», «اتفاق باريس»: a city naming a round or a treaty, not its government
    if m.kind not in ("adj", "org_adj"):
        return True
    if norm[m.norm_start : m.norm_end].endswith(("يين", "يون")):
        return True  # a plural demonym names people of that state («بحارة بريطانيين»)
    if any(0 <= m.norm_start - e <= 2 for e in trigger_ends):
        return True
    return any("agent" in c.payloads and 0 <= m.norm_start - c.end <= 2 for c in cues) or any(
        "agent" in c.payloads and 0 <= m.norm_start - c.end <= 14 and one_word_between(norm, c.end, m.norm_start)
        for c in cues
    )


def one_word_between(norm: str, a: int, b: int) -> bool:
    return len(norm[a:b].split()) <= 1


def drop_overlaps(args: list[Arg]) -> list[Arg]:
    out: list[Arg] = []
    for a in args:
        if out and a.start < out[-1].end:
            continue
        out.append(a)
    return out


_GOVERNED_WORDS = 4  # «لم تقدم الكويت مساعدات»: a negated verb, its subject, then the trigger it governs


def negated(trig: Hit[Trigger], cues: list[Hit[str]], norm: str) -> bool:
    """A negation right before the trigger («لم يلتق»), or «لم»/«لن» before the light verb that governs it
    («لم تشن المقاتلات غارات»): the act did not happen."""
    for c in cues:
        if "negation" not in c.payloads or c.end > trig.start:
            continue
        if trig.start - c.end <= NEGATION_GAP:
            return True
        between = norm[c.end : trig.start]
        lead = norm[max(0, c.start - 2) : c.start]
        standalone = not lead[-1:].isalnum() or (lead[-1:] == "و" and not lead[:1].isalnum())
        word = norm[c.start : c.end]
        governs = word in ("لم", "لن") or (
            word == "لا" and between.split()[:1] != [] and between.split()[0][:1] in "يتن"
        )
        if (
            governs
            and standalone
            and len(between.split()) <= _GOVERNED_WORDS
            and not any(p in between for p in ".،,؛:")
        ):
            return True
    return False


def hypothetical(trig: Hit[Trigger], cues: list[Hit[str]], n0: int) -> bool:
    return any("hypothetical" in c.payloads and n0 <= c.start < trig.start and trig.start - c.end < 40 for c in cues)


def cooperation_follows(trig: Hit[Trigger], cues: list[Hit[str]]) -> bool:
    return any("cooperation" in c.payloads and 0 <= c.start - trig.end <= 40 for c in cues)


_OPENERS = ("بعد ان ", "قبل ان ", "بعدما ", "عندما ", "حينما ", "منذ ان ", "فيما ", "بينما ")


def clause_start(norm: str, pos: int, n0: int) -> int:
    """Start of the clause holding ``pos``: after the last semicolon in the sentence; a verb right after
    «بعد أن», «عندما»… opens its own clause, whose subject follows it («بعد أن قصفت طائرات تركية…»)."""
    if norm[max(n0, pos - 8) : pos].endswith(_OPENERS):
        return pos
    cut = norm.rfind(";", n0, pos)
    return cut + 1 if cut >= 0 else n0


def condemned_attack(trig: Hit[Trigger], here: Sentence, norm: str, accusations: list[int]) -> Roles | None:
    """An attack named right after a condemnation, with no attacker named («دان … التفجير الذي استهدف
    مسجدا بمدينة أبها»): unidentified forces of the place attacked it."""
    if not any(0 <= trig.start - end <= ATTACK_REACH for end in accusations):
        return None
    site = next((m for m in here.locations if m.norm_start >= trig.end), None)
    if site is None:
        return None
    state = site.code.split("-")[0]
    where = Arg(site.norm_start, site.norm_end, state, site)
    return Roles(replace(where, code=state + "-UAF"), where, False, "attack.site")


def described(trig: Hit[Trigger], t: Trigger, args: list[Arg], norm: str) -> bool:
    """A one-word verb form followed straight by an indefinite nationality is a noun: «طالب تونسي» (a
    student); «تظاهر الفلسطينيون» keeps its subject, and attack nouns are left alone."""
    if t.role != "svo" or " " in t.form or t.form.startswith("ال") or t.type == "ASSAULT":
        return False
    return any(
        a.mention is not None
        and a.mention.kind == "adj"
        and 0 < a.start - trig.end <= 1
        and not norm[a.start : a.end].startswith("ال")  # «تظاهر الفلسطينيون»: a definite subject
        for a in args
    )
