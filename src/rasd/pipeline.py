"""The whole order of the pipeline, in one place: read → normalise → dates/actors/places → events.

``code_document`` turns one Document into its CodedDocument; ``code_many`` does it for a stream of
read results, turning each failure into a Problem so that the batch goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from rasd import dates
from rasd.actors.mentions import find_actors
from rasd.analysis import Analysis
from rasd.events.stage import run as code_events
from rasd.normalise import normalise, split_sentences
from rasd.normalise.language import language_of
from rasd.records import CodedDocument, DatelineRecord, Document, Problem, Span
from rasd.resources import Resources, load_resources

log = logging.getLogger(__name__)


def _dateline(found: dates.Dateline | None, res: Resources) -> DatelineRecord | None:
    """The dateline as a record, its place named in English when the gazetteer knows it."""
    if found is None:
        return None
    place = found.place_ar
    if place:
        hits = res.actors.lookup(place)
        idx = next((int(k.key) for k in hits if k.kind == "place"), None)
        country = next((k.key for k in hits if k.kind == "country"), None)
        if idx is not None:
            place = res.places[idx].name_en
        elif country is not None and res.countries[country].capital_en:
            place = res.countries[country].capital_en  # «الكويت 2 - 11» is filed from Kuwait City
    return DatelineRecord(
        place, found.date, found.agency, found.start, found.end, place_ar=found.place_ar, hijri=found.hijri
    )


def _home(dateline: DatelineRecord | None, res: Resources) -> str | None:
    """The state a story was filed from: its dateline place's country."""
    if dateline is None or not dateline.place:
        return None
    entry = next((p for p in res.places if p.name_en == dateline.place), None)
    return entry.country if entry else None


def analyse(doc: Document, res: Resources) -> tuple[Analysis, list]:
    text = doc.text
    norm = normalise(text)
    sentences = split_sentences(text)
    raw_dateline = dates.find_dateline(text)
    dateline = _dateline(raw_dateline, res)
    published, published_source = dates.published_date(text, doc.url, raw_dateline)
    if doc.published:
        published, published_source = doc.published[:10], "input"
    anchor = (dateline.date if dateline and dateline.date else None) or published
    home = _home(dateline, res)
    people, mentions = find_actors(text, norm, res, anchor or published, dateline.agency if dateline else None, home)
    analysis = Analysis(doc, norm, sentences, dateline, anchor, published, published_source, mentions)
    return analysis, people


def code_document(doc: Document, res: Resources | None = None) -> CodedDocument:
    """Code one document: dateline, published date, language, people, events, partnerships."""
    res = res or load_resources()
    language = language_of(doc.text, res.settings.min_arabic_share)
    flags: list[str] = list(doc.flags)
    if language != "ar":
        return CodedDocument(
            doc.id,
            doc.published,
            "input" if doc.published else None,
            None,
            language,
            [*flags, "not-arabic"],
            [],
            [],
            [],
            url=doc.url,
            title=doc.title,
            source=doc.source,
        )
    analysis, people = analyse(doc, res)
    if analysis.dateline is None or analysis.dateline.date is None:
        flags.append("no-dateline")
    events, partnerships, event_flags = code_events(analysis, res)
    flags += event_flags
    return CodedDocument(
        id=doc.id,
        published=analysis.published,
        published_source=analysis.published_source,
        dateline=analysis.dateline,
        language=language,
        flags=flags,
        people=sorted(people, key=lambda p: p.mentions[0] if p.mentions else Span(0, 0)),
        events=events,
        partnerships=partnerships,
        url=doc.url,
        title=doc.title,
        source=doc.source,
    )


def code_many(items: Iterable[Document | Problem], res: Resources | None = None) -> Iterator[CodedDocument | Problem]:
    """Code a stream; a document that fails becomes a Problem and the rest go on."""
    res = res or load_resources()
    for item in items:
        if isinstance(item, Problem):
            yield item
            continue
        try:
            yield code_document(item, res)
        except (ValueError, IndexError, KeyError, RecursionError) as exc:
            log.exception("coding failed for %s", item.id)
            yield Problem(item.origin or item.id, item.id, "C300", f"coding failed: {type(exc).__name__}: {exc}")
