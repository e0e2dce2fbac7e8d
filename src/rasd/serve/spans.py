"""The annotated spans of one document, for the dashboard's document view: every stretch of the text that
rasd coded (actor mentions, event triggers, dates, places, partnership phrases, the dateline), with its
code and an English label.

Offsets are the store's: character (code point) offsets into ``documents.text``, end exclusive. Triggers,
actor mentions, people, partnerships and the dateline carry stored offsets. An event's date and place are
stored as values with no offsets, so their spans are found here: the date's text as written
(``date_text``) and the place's Arabic gazetteer names, looked up in the event's sentence first and then
in the whole text; a value that is not found gets no span (the event list still shows it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rasd.query.documents import DocumentRows
from rasd.serve.labels import actor_label, cameo_labels, place_names_ar, quad_label

KINDS = ("trigger", "actor", "date", "place", "partnership")


@dataclass(slots=True)
class Span:
    """One highlighted stretch; spans of the same kind over the same characters are merged."""

    start: int
    end: int
    kind: str
    code: str
    label: str
    titles: list[str] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "code": self.code,
            "label": self.label,
            "title": "\n".join(self.titles),
            "event_ids": self.event_ids,
        }


class _Spans:
    """Collects spans, dropping offsets outside the text and merging duplicates."""

    def __init__(self, text: str) -> None:
        self.size = len(text)
        self.by_key: dict[tuple[int, int, str], Span] = {}

    def add(self, start: int | None, end: int | None, kind: str, code: str, label: str, event_id: str | None) -> None:
        if start is None or end is None or not 0 <= start < end <= self.size:
            return
        span = self.by_key.setdefault((start, end, kind), Span(start, end, kind, code, label))
        title = f"{code} · {label}" if code else label
        if title not in span.titles:
            span.titles.append(title)
        if event_id and event_id not in span.event_ids:
            span.event_ids.append(event_id)

    def sorted(self) -> list[Span]:
        return sorted(self.by_key.values(), key=lambda s: (s.start, -s.end, KINDS.index(s.kind)))


def _find(text: str, needles: tuple[str, ...], lo: int, hi: int) -> tuple[int, int] | None:
    """The first needle found inside text[lo:hi], else anywhere in the text."""
    for window_lo, window_hi in ((lo, hi), (0, len(text))):
        for needle in needles:
            if needle:
                at = text.find(needle, window_lo, window_hi)
                if at >= 0:
                    return at, at + len(needle)
    return None


def event_label(e: dict[str, Any]) -> str:
    """``040 Consult · Goldstein +1.0 · verbal cooperation``: the codes behind a PLOVER type, in English."""
    cameo = e["cameo"]
    return (
        f"{cameo} {cameo_labels().get(cameo, '')}".rstrip()
        + f" · Goldstein {e['goldstein']:+.1f} · {quad_label(e['quad_class'])}"
    )


def _event_spans(spans: _Spans, text: str, e: dict[str, Any]) -> None:
    eid = e["event_id"]
    arrow = "↔" if e["joint"] else "→"
    dyad = f"{e['source']} {arrow} {e['target']}"
    spans.add(e["trigger_start"], e["trigger_end"], "trigger", e["type"], f"{dyad} · {event_label(e)}", eid)
    for side, role in (("source", "source"), ("target", "target")):
        code = e[side]
        name = e[f"{side}_name"] or actor_label(code)
        spans.add(e[f"{side}_start"], e[f"{side}_end"], "actor", code, f"{name}, {role} of {e['type']} ({dyad})", eid)
    lo, hi = e["sentence_start"], e["sentence_end"]
    if e["date_text"] and e["date"]:
        found = _find(text, (e["date_text"],), lo, hi)
        if found:
            label = f"date of {e['type']} ({dyad}), precision {e['date_precision'] or 'unknown'}"
            spans.add(*found, "date", e["date"], label, eid)
    if e["place_name"]:
        found = _find(text, place_names_ar(e["place_name"], e["place_country"]), lo, hi)
        if found:
            where = f"{e['place_name']}, {actor_label(e['place_country'])}" if e["place_country"] else e["place_name"]
            spans.add(*found, "place", e["place_country"] or "", f"{where}: place of {e['type']} ({dyad})", eid)


def document_spans(doc: DocumentRows) -> list[dict[str, Any]]:
    """Every annotated span of ``doc``, in text order (longer first at one start)."""
    text = doc.document["text"]
    spans = _Spans(text)
    d = doc.document
    if d["dateline_start"] is not None:
        parts = ", ".join(p for p in (d["dateline_place"], d["dateline_date"], d["dateline_agency"]) if p)
        spans.add(d["dateline_start"], d["dateline_end"], "date", d["dateline_date"] or "", f"dateline: {parts}", None)
    for e in doc.events:
        _event_spans(spans, text, e)
    for m in doc.mentions:
        who = ", ".join(p for p in (m["name"], m["role"]) if p)
        label = f"{who} ({actor_label(m['country'])})" if m["country"] else who
        spans.add(m["start"], m["end"], "actor", m["country"] or "", label, None)
    for p in doc.partnerships:
        label = f"{p['level']}, rank {p['rank']} ({p['change']}), {p['a']}–{p['b']}"
        spans.add(p["evidence_start"], p["evidence_end"], "partnership", f"rank {p['rank']}", label, None)
    return [s.as_dict() for s in spans.sorted()]
