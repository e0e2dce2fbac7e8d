"""One fact once per document: events with the same (type, pair, date) become one record that keeps
every evidence sentence; partnerships with the same (pair, level) keep their first statement."""

from __future__ import annotations

from rasd.actors.mentions import ActorMention
from rasd.events.lexicon import EventLexicons
from rasd.events.state import RawEvent, RawPartnership
from rasd.records import ActorRef, Event, Partnership
from rasd.resources import Resources

SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def fact_key(ev: RawEvent) -> tuple[str, str, str, str]:
    a, b = ev.source.split("-")[0], ev.target.split("-")[0]
    if ev.type in SYMMETRIC or ev.joint:
        a, b = sorted((a, b))
    return ev.type, a, b, ev.date or ""


def _actor(res: Resources, code: str, mention: ActorMention | None, text: str) -> ActorRef | None:
    """The mention behind an event's actor code, named in English."""
    if mention is None:
        return None
    person = res.people.get(mention.person) if mention.person else None
    name = person.name_en if person else res.actor_name(code)
    span = mention.span
    return ActorRef(code, name, span.slice(text), span.start, span.end)


def merge_events(doc_id: str, text: str, raw: list[RawEvent], res: Resources, lex: EventLexicons) -> list[Event]:
    merged: dict[tuple[str, str, str, str], Event] = {}
    for ev in raw:
        key = fact_key(ev)
        if key in merged:
            kept = merged[key]
            if ev.sentence not in kept.evidence:
                kept.evidence.append(ev.sentence)
            kept.joint = kept.joint or ev.joint
            continue
        cameo = lex.cameo[ev.cameo]
        score, contexts = lex.plover.get(ev.type, (0.0, ()))
        merged[key] = Event(
            event_id="",
            type=ev.type,
            mode=ev.trigger.mode,
            contexts=[c for c in contexts if c],
            source=ev.source,
            target=ev.target,
            joint=ev.joint,
            source_actor=_actor(res, ev.source, ev.source_mention, text),
            target_actor=_actor(res, ev.target, ev.target_mention, text),
            date=ev.date,
            date_precision=ev.date_precision,
            date_text=ev.date_text,
            place=ev.place,
            cameo=cameo.code,
            goldstein=cameo.goldstein,
            quad_class=cameo.quad_class,
            plover_score=score,
            trigger=ev.trigger_span.slice(text),
            trigger_span=ev.trigger_span,
            sentence=ev.sentence,
            confidence=ev.confidence,
            rule=ev.rule,
            evidence=[ev.sentence],
        )
    events = sorted(merged.values(), key=lambda e: (e.sentence.start, e.trigger_span.start))
    for n, e in enumerate(events, 1):
        e.event_id = f"{doc_id}-e{n}"
    return events


def merge_partnerships(text: str, raw: list[RawPartnership]) -> list[Partnership]:
    out: dict[tuple[str, str, str], Partnership] = {}
    for p in raw:
        key = (p.a, p.b, p.level)
        if key not in out:
            out[key] = Partnership(p.a, p.b, p.level, p.rank, p.change, p.date, p.span, p.span.slice(text))
    return list(out.values())
