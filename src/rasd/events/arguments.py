"""Who did it to whom: source and target of a trigger from the sentence around it.

Rules, in order: a joint trigger or a pair word («الجانبان») gives the scene's two parties; a masdar
followed directly by an actor takes it as its subject («دعم الصين لـ…»), unless a pronoun is attached
(«لقائه الرئيس الأذري»: the actor is the object); otherwise the nearest actor before the trigger is the
subject (nominal sentences and reported speech «قال شي إن الصين تدعم…»), and with none before, the first
actor after it (verb-first sentences) or the speaker carried over from «وأضاف/وأكد». The target is the
first actor after the trigger that is not the source.
"""

from __future__ import annotations

from dataclasses import dataclass

from rasd.actors.mentions import ActorMention
from rasd.normalise.match import Hit
from rasd.events.lexicon import Trigger

PAIR = "@pair"
_ADJACENT = 2  # characters between a masdar and its genitive subject
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


def _differs(a: Arg, b: Arg) -> bool:
    return a.code == PAIR or b.code == PAIR or a.code != b.code


def assign(
    trigger: Hit[Trigger], args: list[Arg], speaker: Arg | None, norm: str, clause_start: int
) -> Roles:
    """Source and target of one trigger among the sentence's argument candidates."""
    t = trigger.payloads[0]
    before = [a for a in args if a.end <= trigger.start and a.start >= clause_start]
    after = [a for a in args if a.start >= trigger.end]
    suffixed = (trigger.end < len(norm) and norm[trigger.end].isalnum()) or t.form.endswith(_PRONOUNS)

    if t.role == "joint":
        pair = next((a for a in before + after if a.code == PAIR), None)
        if pair is not None:
            return Roles(pair, None, True, "joint.pair")
        if before and after and before[-1].code != after[0].code:
            return Roles(before[-1], after[0], True, "joint.two")
        if len(after) >= 2 and after[0].code != after[1].code:
            return Roles(after[0], after[1], True, "joint.two")

    source: Arg | None = None
    how = "svo"
    if t.role in ("noun", "onechina") and after and after[0].start - trigger.end <= _ADJACENT and not suffixed:
        source, how = after[0], "noun.genitive"
        after = after[1:]
    elif before:
        source, how = before[-1], "subject.before"
    elif after and t.role != "onechina":
        source, how = after[0], "subject.after"
        after = after[1:]
    elif speaker is not None:
        source, how = speaker, "speaker"
    if source is None:
        return Roles(None, None, False, how)
    if source.code == PAIR:
        return Roles(source, None, True, how + ".pair")
    target = next((a for a in after if _differs(source, a)), None)
    return Roles(source, target, False, how)
