"""Who did it to whom: source and target of a trigger from the sentence around it.

Rules, in order: a joint trigger or a pair word («الجانبان») gives the scene's two parties; a masdar
followed directly by an actor takes it as its subject («دعم الصين لـ…»), unless a pronoun is attached
(«لقائه الرئيس الأذري»: the actor is the object); otherwise the nearest actor before the trigger is the
subject (nominal sentences and reported speech «قال شي إن الصين تدعم…»), and with none before, the first
actor after it (verb-first sentences) or the speaker carried over from «وأضاف/وأكد». The target is the
first actor after the trigger that is not the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasd.actors.mentions import ActorMention
from rasd.events.lexicon import Trigger, first_person_forms
from rasd.normalise.match import Hit

PAIR = "@pair"
_ADJACENT = 2  # characters between a masdar and its genitive subject
_REACH_BACK = 160  # how far before a trigger its subject may stand (folded characters)
_REACH_ON = 110  # how far after a trigger its object may stand
_PRONOUNS = ("ه", "ها", "هما", "هم")  # in the unfolded form: ة is not a pronoun


@dataclass(frozen=True, slots=True)
class Arg:
    """An argument candidate: a resolved actor mention, or the scene's pair."""

    start: int  # folded offsets
    end: int
    code: str
    mention: ActorMention | None


@dataclass(frozen=True, slots=True)
class Roles:
    source: Arg | None
    target: Arg | None
    joint: bool
    how: str  # which rule answered, for the event's rule and confidence


def base(code: str) -> str:
    return code.split("-")[0]


_STATE_SECTORS = ("-MIL", "-GOV", "-POL")  # the state's own forces and government: the state itself


def _as_state(code: str) -> str:
    for sector in _STATE_SECTORS:
        if code.endswith(sector):
            return code[: -len(sector)]
    return code


def differs(a: Arg, b: Arg) -> bool:
    """Different actors: different codes, or two different people of one state (a domestic dyad). A state's
    forces are the state («طيران الاحتلال الإسرائيلي» is one actor); its rebels are not («TUR-REB»)."""
    if a.code == PAIR or b.code == PAIR or _as_state(a.code) != _as_state(b.code):
        return True
    pa = a.mention.person if a.mention else None
    pb = b.mention.person if b.mention else None
    return pa is not None and pb is not None and pa != pb


_PRONOUNS_SUBJECT = ("وهي ", "وهو ", "وهما ", "هي ", "هو ", "وهي علي ", "وهو علي ")


def _pronoun_subject(norm: str, start: int) -> bool:
    """«وهي مستعدة»: a pronoun stands for the subject already named."""
    before = norm[max(0, start - 10) : start]
    return before.endswith(_PRONOUNS_SUBJECT)


_PRONOUN_ANTECEDENT = 12  # «الصحافيين الأميركيين احتجزهم الحوثيون»: the antecedent stands right before
_APPOSITION_GAP = 30  # «محمد بن سلمان … ولي ولي العهد النائب الثاني …»: titles after a name


def _appositions_end(source: Arg, args: list[Arg]) -> int:
    """Where a subject and the titles that follow it end."""
    end = source.end
    for a in args:
        if a.start >= end and a.code == source.code and a.start - end <= _APPOSITION_GAP and not differs(source, a):
            end = a.end  # «سليم الجبوري … رئيس الوزراء حيدر العبادي»: another person of the state is no title
    return end


def _quoted(norm: str, a: Arg) -> bool:
    """An argument inside quotation marks («"استقلال تايوان"») is a slogan or concept, not a subject."""
    return norm[max(0, a.start - 2) : a.start].strip().endswith('"')


def _joined_verb(norm: str, start: int) -> bool:
    """Is the trigger a word opened by the conjunction و (« وتقدر»)?"""
    return start >= 2 and norm[start - 1] == "و" and not norm[start - 2].isalnum()


def _hyphen_pair(norm: str, after: list[Arg]) -> tuple[Arg, Arg] | None:
    """«اجتماع وزراء خارجية الصين-آسيا الوسطى»: a forum named by two parties joined by a hyphen."""
    for a, b in zip(after, after[1:], strict=False):
        if norm[a.end : b.start].strip() == "-" and a.code != b.code and PAIR not in (a.code, b.code):
            return a, b
    return None


_BETWEEN_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "SUPPORT"})


def _between_pair(norm: str, after: list[Arg]) -> tuple[Arg, Arg] | None:
    """«مباحثات غير رسمية بين الأميركيين والحوثيين»: the two parties a meeting noun names after «بين»."""
    for a, b in zip(after, after[1:], strict=False):
        if PAIR in (a.code, b.code) or base(a.code) == base(b.code):
            continue
        if (
            norm[max(0, a.start - 5) : a.start].strip(' "«').endswith("بين")
            and norm[a.end : b.start].strip(' "«»') == "و"
        ):
            return a, b
    return None


def _reachable_subject(norm: str, end: int, a: Arg) -> bool:
    """An argument after its verb stands in the verb's clause: not past a colon that opens quoted speech
    («قوله: أن عنوان … إدارة السجون»)."""
    return ":" not in norm[end : a.start]


_GATHER = re.compile(r"\s*(?:\S+\s+){0,2}?(?:ضم|يضم|تضم|جمع|يجمع|تجمع|ضمت|جمعت)\s+")


def _gathering(norm: str, end: int, after: list[Arg]) -> Arg | None:
    """«اجتماع ثلاثي ضم كيري والجبير ولافروف»: the meeting names its participants; the first opens the list."""
    m = _GATHER.match(norm, end, end + 40)
    if m is None:
        return None
    return next((a for a in after if m.end() <= a.start <= m.end() + 2 and a.code != PAIR), None)


_PARTICIPLE = re.compile(r"^م\S{3,}(?:ا|ه|ين)$")


def _participle_clause(norm: str, trigger: Hit[Trigger]) -> bool:
    """An active participle after a comma («، محذرا», «، مطالبا») adds to the clause before it."""
    word = norm[trigger.start : trigger.end].split()[0]
    return _PARTICIPLE.match(word) is not None and norm[max(0, trigger.start - 2) : trigger.start].strip() in ("،", ",")


_STATEMENT = ("البيان ", "بيان ", "البيان الختامي ", "البيان المشترك ")


def _statement_subject(norm: str, end: int) -> bool:
    """Is the verb's subject a statement («وحمّل البيان …»)?"""
    return norm[end : end + 16].lstrip().startswith(_STATEMENT)


def _after_with(norm: str, a: Arg) -> bool:
    """Is the argument introduced by «مع» (a partner, not a subject)?"""
    return norm[max(0, a.start - 3) : a.start] == "مع "


def _coordinated(norm: str, before: list[Arg]) -> tuple[Arg, Arg] | None:
    """«الصين وأذربيجان حدثتا…»: the two arguments just before the trigger joined by و."""
    if len(before) < 2:
        return None
    a, b = before[-2], before[-1]
    between = norm[a.end : b.start]
    if between.strip() in ("", "و") and b.start - a.end <= 2 and a.code != b.code and PAIR not in (a.code, b.code):
        return a, b
    return None


_JOINED_CLAUSE = re.compile(r"[,،]\s*و$")


def _continues_clause(norm: str, start: int) -> bool:
    """A verb joined to the previous clause by «، و» (or « ، و») shares that clause's subject."""
    before = norm[max(0, start - 5) : start] + ("و" if norm.startswith("و", start) else "")
    return _JOINED_CLAUSE.search(before) is not None


_LIGHT_VERBS = ("اعرب عن ", "عبر عن ", "ابدي ", "ابدت ", "اعربت عن ", "عبرت عن ", "جدد ", "جددت ")


def _light_verb(norm: str, start: int) -> int | None:
    """Where «وأعرب عن» stands before a noun trigger («وأعرب عن أمله في…»): the noun is the verb's object,
    so the verb's place in the sentence decides the subject, as for a verb trigger."""
    before = norm[max(0, start - 12) : start]
    if not before.endswith(_LIGHT_VERBS):  # the common case, in one call
        return None
    for verb in _LIGHT_VERBS:
        if before.endswith(verb):
            return start - len(verb)
    return None


def _nothing_or_its_noun(between: str, b: Arg) -> bool:
    """No word between, or only the noun an adjective qualifies («الحكومة» of «الحكومة الإسرائيلية»)."""
    words = between.split()
    return not words or (len(words) == 1 and b.mention is not None and b.mention.kind in ("adj", "org_adj"))


def owned(norm: str, end: int, a: Arg) -> bool:
    """The genitive right after a noun, or a nationality after the one noun it qualifies («انتهاكات
    السلطات الإسرائيلية»)."""
    if a.start - end <= _ADJACENT:
        return True
    return a.mention is not None and a.mention.kind in ("adj", "org_adj") and len(norm[end : a.start].split()) == 1


_PREPOSITIONS = frozenset({"في", "علي", "على", "من", "عن", "الي", "الى", "حول", "بشان", "ضد", "تجاه", "لدي"})


def in_phrase(norm: str, a: Arg) -> bool:
    """Is the argument inside a prepositional phrase («حقوق الإنسان للشعب الفلسطيني», «عن الصين»)? A
    subject never is. For a nationality the noun it qualifies decides."""
    words = norm[max(0, a.start - 30) : a.start].split()
    if a.mention is not None and a.mention.kind in ("adj", "org_adj") and words:
        head = words[-1]
        return head.startswith(("لل", "بال", "وبال", "ولل")) or (len(words) > 1 and words[-2] in _PREPOSITIONS)
    own = norm[a.start : a.end]
    return own.startswith(("لل", "بال")) or (bool(words) and words[-1] in _PREPOSITIONS)


def _from_to(norm: str, end: int, after: list[Arg]) -> tuple[Arg, Arg] | None:
    """«من X إلى Y» right after a masdar: the sender and the addressee."""
    if len(after) < 2:
        return None
    a = after[0]
    between = norm[end : a.start].split()
    if not between or between[0] != "من" or len(between) > 2:
        return None
    b = next((x for x in after[1:] if x.start - a.end <= 30 and differs(a, x)), None)
    if b is None or norm[max(0, b.start - 12) : b.start].split()[-1:] not in (["الي"], ["الى"]):
        return None
    return a, b


_TITLE_STARTS = (
    "رييس",
    "الرييس",
    "ملك",
    "الملك",
    "امير",
    "الامير",
    "وزير",
    "ولي",
    "نظير",
    "سمو",
    "خادم",
    "جلاله",
    "فخامه",
)


def _recipient(norm: str, a: Arg) -> bool:
    """«برقية تهنئة لرئيس جمهورية مصر»: a party glued to the ل of the recipient is the one addressed."""
    word = norm[a.start : a.end]
    if a.start >= 2 and norm[a.start - 1] == "ل" and not norm[a.start - 2].isalnum():
        return True
    return word.startswith("لل") or (word.startswith("ل") and word[1:].startswith(_TITLE_STARTS))


def _from_place(norm: str, a: Arg) -> bool:
    """«الانسحاب من اليمن»: where one withdraws from is the other party."""
    return norm[max(0, a.start - 3) : a.start] == "من "


def _word_end(norm: str, pos: int) -> int:
    """The end of the word running on at ``pos`` (a trigger and its attached pronoun)."""
    while pos < len(norm) and norm[pos].isalnum():
        pos += 1
    return pos


def _adjacent_pair(norm: str, a: Arg, b: Arg, args: list[Arg]) -> bool:
    """Two different actors one right after the other with no word between («الاتحاد الأوروبي الحكومة
    الإسرائيلية»): the subject and the object of a masdar, not a list."""
    return (
        PAIR not in (a.code, b.code)
        and base(a.code) != base(b.code)
        and _nothing_or_its_noun(norm[a.end : b.start], b)
        and not any(x.start >= a.end and x.end <= b.start for x in args)
    )


def assign(
    trigger: Hit[Trigger],
    args: list[Arg],
    speaker: Arg | None,
    norm: str,
    clause_start: int,
    not_subjects: frozenset[int] = frozenset(),
    previous_subject: Arg | None = None,
) -> Roles:
    """Source and target of one trigger among the sentence's argument candidates.

    ``not_subjects`` holds the start offsets of arguments already taken as objects in the sentence: in
    «ألبانيا تلتزم… تدين "استقلال تايوان"، على استعداد…» Taiwan is not the subject of the last clause."""
    t = trigger.payloads[0]
    lo = max(clause_start, trigger.start - _REACH_BACK)
    before = [
        a
        for a in args
        if a.end <= trigger.start and a.start >= lo and a.start not in not_subjects and not _quoted(norm, a)
    ]
    after = [
        a
        for a in args
        if trigger.end <= a.start <= trigger.end + _REACH_ON and _reachable_subject(norm, trigger.end, a)
    ]
    # «أجرت مصر مع اليونان مناورات»: a partner named with «مع» after the subject, not in an earlier clause
    # («الاتفاق مع القوى الكبرى، مشيرة إلى أن الجبير سينقل خلال لقائه…»)
    last_subject = max((a.start for a in before if not _after_with(norm, a)), default=-1)
    partners = [a for a in before if _after_with(norm, a) and a.start > last_subject]
    if partners:
        before = [a for a in before if a not in partners]
        after = partners + after
    if t.role != "noun" and (previous_subject or speaker) and _participle_clause(norm, trigger):
        # «دعا بارو السلطات الجزائرية إلى التراجع، محذرا من أنه…»: the participle's subject is the clause's
        before = [previous_subject or speaker]  # type: ignore[list-item]
        after = [a for a in after if differs(before[0], a)]
        return Roles(before[0], after[0] if after else None, False, "participle")
    if t.role != "noun" and (speaker or previous_subject) and _statement_subject(norm, trigger.end):
        # «وحمّل البيان وزير الداخلية الفرنسي المسؤولية»: a statement speaks for whoever issued it
        before = [speaker or previous_subject]  # type: ignore[list-item]
    light = _light_verb(norm, trigger.start)
    verb_at = trigger.start if light is None else light
    verbal = t.role != "noun" or light is not None
    if t.role != "noun" and norm[trigger.start : trigger.end].split()[0].removeprefix("و") in first_person_forms():
        # «ونأمل أن تخفف إيران…»: «we» is whoever speaks; with no speaker known, no one after the verb is «we»
        we = speaker or previous_subject
        if we is None:
            return Roles(None, None, False, "first-person")
        before = [we]
        after = [a for a in after if a is not we]
    elif verbal and _pronoun_subject(norm, verb_at) and (previous_subject or speaker):
        before = [previous_subject or speaker]  # type: ignore[list-item]  # «وهي مستعدة…»
    elif verbal and _continues_clause(norm, verb_at) and (previous_subject or speaker):
        before = [previous_subject or speaker]  # type: ignore[list-item]
    elif (
        verbal
        and previous_subject is not None
        and verb_at - clause_start > 3  # «ودعت الأطراف…» opening a sentence is no joined verb
        and _joined_verb(norm, verb_at)
    ):
        before = [previous_subject]  # «تدعم أذربيجان … وتقدر عاليا …»: verbs joined by و share a subject
    gathered = _gathering(norm, trigger.end, after) if t.type == "CONSULT" and t.role == "noun" else None
    if gathered is not None:
        return Roles(gathered, None, True, "gathered")
    between = _between_pair(norm, after) if t.type in _BETWEEN_TYPES and t.role in ("noun", "joint") else None
    if between is not None:
        return Roles(between[0], between[1], True, "between")
    hyphen = _hyphen_pair(norm, after) if t.type == "CONSULT" and t.role == "noun" else None
    if hyphen is not None:
        return Roles(hyphen[0], hyphen[1], True, "forum")
    both = _coordinated(norm, before)
    if both is not None and t.role != "noun":
        return Roles(both[0], both[1], True, "coordinated")
    suffixed = (trigger.end < len(norm) and norm[trigger.end].isalnum()) or t.form.endswith(_PRONOUNS)

    if t.role == "joint":
        earlier = [a for a in args if a.code == PAIR and clause_start <= a.start and a.end <= trigger.start]
        pair = next((a for a in before + after + earlier[-1:] if a.code == PAIR), None)  # «وناقش الجانبان…، واتفقا»
        if pair is not None:
            return Roles(pair, None, True, "joint.pair")
        if before and after and before[-1].code != after[0].code:
            return Roles(before[-1], after[0], True, "joint.two")
        if len(after) >= 2 and after[0].code != after[1].code:
            return Roles(after[0], after[1], True, "joint.two")

    if t.role == "of":  # «أهمية وحدة العراق»: the state named right after is the one supported
        owner = next((a for a in after if owned(norm, trigger.end, a) and a.code != PAIR), None)
        if owner is None:
            return Roles(None, None, False, "of")
        speaker_or_before = before[-1] if before else speaker
        return Roles(speaker_or_before, owner, False, "of")

    source: Arg | None = None
    how = "svo"
    sender = _from_to(norm, trigger.end, after) if t.type == "REQUEST" and t.role == "noun" else None
    if sender is not None:  # «دعوة من الملك سلمان إلى الرئيس الروسي»: from whom, to whom
        return Roles(sender[0], sender[1], False, "noun.from_to")
    if t.type == "REQUEST" and t.role == "noun" and after and after[0].start - trigger.end <= _ADJACENT:
        # «مطالبة مجلس الأمن بتوفير الحماية»: the genitive of a demand is the one asked
        if len(after) >= 2 and _adjacent_pair(norm, after[0], after[1], args):
            # «مطالبة الاتحاد الأوروبي الحكومة الإسرائيلية بوقف…»: genitive subject, then the one asked
            return Roles(after[0], after[1], False, "noun.genitive")
        subject = before[-1] if before else speaker
        if subject is not None and differs(subject, after[0]):
            return Roles(subject, after[0], False, "noun.object")
    withdrawal = t.type == "RETREAT" and norm[trigger.start : trigger.end].removeprefix("ال") == "انسحاب"
    if withdrawal and after and owned(norm, trigger.end, after[0]):
        # «انسحاب الجيش العراقي»: the genitive of a withdrawal is who withdrew
        rest = [a for a in after[1:] if differs(after[0], a)]
        return Roles(after[0], rest[0] if rest and _from_place(norm, rest[0]) else None, False, "noun.genitive")
    if (
        t.role in ("noun", "onechina")
        and after
        and after[0].start - trigger.end <= _ADJACENT
        and not suffixed
        and not _recipient(norm, after[0])
    ):
        source, how = after[0], "noun.genitive"
        after = after[1:]
    elif (
        t.role == "svo"
        and trigger.end < len(norm)
        and norm[trigger.end].isalnum()
        and after
        and after[0].start - _word_end(norm, trigger.end) <= _ADJACENT
    ):
        # «صحافي أميركي احتجزه الحوثيون»: a verb with its object as a pronoun, then its subject
        obj = before[-1] if before and trigger.start - before[-1].end <= _PRONOUN_ANTECEDENT else None
        if obj is not None and differs(after[0], obj):
            return Roles(after[0], obj, False, "subject.after.pronoun-object")
        return Roles(after[0], None, False, "subject.after.pronoun-object")
    elif before:
        free = [a for a in before if not in_phrase(norm, a)]
        source, how = (free or before)[-1], "subject.before"
    elif after and t.role != "onechina" and any(not in_phrase(norm, a) for a in after):
        source, how = next(a for a in after if not in_phrase(norm, a)), "subject.after"
        # a verb-first sentence may name a long subject («استقبل صاحب السمو … وزير الدفاع … اليوم»):
        # its object is looked for after the subject, not after the verb
        end = _appositions_end(source, args)
        after = [a for a in args if end <= a.start <= end + _REACH_ON and differs(source, a)]
    elif speaker is not None:
        source, how = speaker, "speaker"
    if source is None:
        return Roles(None, None, False, how)
    if source.code == PAIR:  # «أكد الجانبان رفضهما للتدخل الإيراني»: the pair may act on a third party
        third = next((a for a in after if a.code != PAIR), None)
        return Roles(source, third, True, how + ".pair")
    target = next((a for a in after if differs(source, a)), None)
    return Roles(source, target, False, how)
