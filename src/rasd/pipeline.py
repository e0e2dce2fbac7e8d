"""The whole order of the pipeline, in one place: read → normalise → dates/actors/places → events.

``code_document`` turns one Document into its CodedDocument; ``code_many`` does it for a stream of
read results, turning each failure into a Problem so that the batch goes on, in one process or in a
pool of worker processes (``Coder``), with the same output in the same order either way.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from multiprocessing.pool import AsyncResult, Pool
from types import TracebackType
from typing import Generic, TypeVar

from rasd import dates
from rasd.actors.mentions import find_actors
from rasd.analysis import Analysis
from rasd.events.lexicon import event_lexicons
from rasd.events.stage import run as code_events
from rasd.normalise import normalise, split_sentences
from rasd.normalise.language import language_of
from rasd.normalise.match import SearchedTogether
from rasd.records import CodedDocument, DatelineRecord, Document, Problem, Span
from rasd.resources import Resources, load_resources
from rasd.settings import Settings

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
    entry = res.place_named(dateline.place)
    return entry.country if entry else None


def _search_together(res: Resources) -> None:
    """The actor lexicon and the event lexicons are searched in every document: one automaton pass
    finds the terms of all of them (``SearchedTogether``)."""
    lex = event_lexicons()
    members = (res.actors, lex.triggers, lex.blockers, lex.cues, lex.partnership_words)
    if any(m.group is None or m.group is not members[0].group for m in members):
        SearchedTogether(members)


def analyse(doc: Document, res: Resources) -> tuple[Analysis, list]:
    _search_together(res)
    text = doc.text
    norm = normalise(text)
    sentences = split_sentences(text)
    raw_dateline = dates.find_dateline(text)
    dateline = _dateline(raw_dateline, res)
    published, published_source = dates.published_date(text, doc.url, raw_dateline)
    if doc.published:
        published, published_source = doc.published[:10], "input"
    # offices are resolved at the dateline's date, else the published date
    office_date = (dateline.date if dateline and dateline.date else None) or published
    home = _home(dateline, res)
    people, mentions = find_actors(text, norm, res, office_date, dateline.agency if dateline else None, home)
    analysis = Analysis(doc, norm, sentences, dateline, published, published_source, mentions)
    return analysis, people


def truncate(doc: Document, max_chars: int) -> Document:
    """A document longer than ``max_chars`` cut after its last sentence that ends within the cap (at the
    cap itself when no sentence does), flagged ``truncated``. The cut keeps a prefix, so offsets into
    the shortened text are offsets into the original."""
    if len(doc.text) <= max_chars:
        return doc
    head = doc.text[:max_chars]
    ends = [s.end for s in split_sentences(head) if s.end < max_chars]
    cut = ends[-1] if ends else max_chars
    flags = doc.flags if "truncated" in doc.flags else (*doc.flags, "truncated")
    return replace(doc, text=doc.text[:cut], flags=flags)


def code_document(doc: Document, res: Resources | None = None) -> CodedDocument:
    """Code one document: dateline, published date, language, people, events, partnerships.

    A text longer than ``Settings.max_chars`` is coded up to its last sentence within the cap and
    flagged ``truncated``."""
    res = res or load_resources()
    doc = truncate(doc, res.settings.max_chars)
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


CODING_ERRORS = (ValueError, IndexError, KeyError, RecursionError)


def code_item(item: Document | Problem, res: Resources) -> CodedDocument | Problem:
    """Code one read result: a Problem passes through, a document that fails becomes a Problem."""
    if isinstance(item, Problem):
        return item
    try:
        return code_document(item, res)
    except CODING_ERRORS as exc:
        log.exception("coding failed for %s", item.id)
        return Problem(item.origin or item.id, item.id, "C300", f"coding failed: {type(exc).__name__}: {exc}")


def code_items(items: list[Document | Problem], res: Resources) -> list[CodedDocument | Problem]:
    """``code_item`` for each: the task of ``code_many``'s Coder."""
    return [code_item(item, res) for item in items]


# A warm-up text, coded once before worker processes are forked so that every lazily built table
# (language models, date gates and openers, the event coder, the skeleton automaton) is built once
# and inherited.
_WARM_UP = Document(
    id="warm-up",
    text="الرياض 3 يوليو 2024 (واس) - استقبل وزير الخارجية السعودي نظيره الصيني أمس، "
    "وبحث الجانبان تعزيز الشراكة الاستراتيجية بين البلدين.",
)


def warm_up(res: Resources) -> None:
    """Build every table the coder builds on first use (see ``_WARM_UP``)."""
    from rasd.normalise.language import _detector

    _detector()
    code_item(_WARM_UP, res)


# The resources a worker process codes with: set by ``_start_worker`` when the worker starts.
_worker_res: Resources | None = None


def _start_worker(res: Resources | None, settings: Settings) -> None:
    """Runs once in each worker process. A forked worker is handed the parent's resources, already
    loaded and warm, at no cost (nothing is pickled); a spawned one loads its own."""
    global _worker_res
    _worker_res = res if res is not None else load_resources(settings)


R = TypeVar("R")
Task = Callable[[list[Document | Problem], Resources], list[R]]  # what is done with a chunk of read results


def _code_in_worker(items: list[Document | Problem], task: Task[R]) -> list[R]:
    """Runs in a worker process, with the resources ``_start_worker`` set."""
    if _worker_res is None:
        raise RuntimeError("a worker process codes only after _start_worker has run in it")
    return task(items, _worker_res)


def _can_fork() -> bool:
    """Fork where it is the platform's own way (Linux): the workers start at once with the parent's
    lexicons. Elsewhere (macOS, Windows) fork is unsafe or missing, and workers are spawned."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


class _Chunk(Generic[R]):
    """A few items to code: waiting to be sent, out at a worker, or coded (here or there)."""

    __slots__ = ("items", "sent", "results")

    def __init__(self, items: list[Document | Problem]) -> None:
        self.items = items
        self.sent: AsyncResult[list[R]] | None = None
        self.results: list[R] | None = None

    def out(self) -> bool:
        """Sent to a worker, and its results are not back yet."""
        return self.sent is not None and not self.sent.ready()


# Documents held per worker by ``Coder.code`` (read and not written yet), at most.
_HELD = 512


class Coder(Generic[R]):
    """Codes streams of read results with ``workers`` processes (1: in this process): ``task`` codes
    each chunk (``code_items``; ``rasd ingest``'s ``code_and_sign`` also works out near-duplicate keys).

    With ``workers`` = N, N − 1 worker processes are started once and this process is the N-th. On
    Linux they are forked when the Coder is made, after this process has loaded and warmed the
    lexicons and models (``warm_up``), so they start coding at once and share those pages; elsewhere
    they are spawned and each loads its own (a few seconds). This process reads, keeps ``queue``
    chunks of ``chunk`` items out per worker, codes the other chunks itself (the newest first while it
    waits for a worker's) and writes the results. So every process codes and none waits, and on N
    cores the rate is close to N times one process. Chunks of 64 documents: with 16 a worker spent a
    tenth of its time between chunks (pickling, and the pool's threads waiting for this process to let
    go of the interpreter). Results are taken back in input order, so the output is the same as with
    one worker. At most ``_HELD`` documents per worker are held, so a long stream is not read ahead
    into memory. Use as a context manager, or call ``close``.

    ``code`` codes a stream; ``submit`` and ``collect`` code lists the caller hands over one at a time
    (``rasd ingest``: its batches), so that the workers code the next list while this process stores
    the results of the one before."""

    def __init__(
        self, task: Task[R], res: Resources | None = None, workers: int = 1, chunk: int = 64, queue: int = 4
    ) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        self.task = task
        self.res = res or load_resources()
        self.workers = workers
        self.chunk = chunk
        self.queue = queue
        self._pool: Pool | None = None
        self._jobs: deque[list[_Chunk[R]]] = deque()  # submitted lists, not collected yet
        self._unsent: deque[_Chunk[R]] = deque()  # their chunks not sent yet, in order
        self._sent: list[_Chunk[R]] = []  # chunks sent whose results may not be back
        if workers > 1:
            self._started()

    def _started(self) -> Pool:
        """The worker pool, started on first need (made again after ``close``)."""
        if self._pool is None:
            if _can_fork():
                warm_up(self.res)
                self._pool = multiprocessing.get_context("fork").Pool(
                    self.workers - 1, _start_worker, (self.res, self.res.settings)
                )
            else:
                self._pool = multiprocessing.get_context("spawn").Pool(
                    self.workers - 1, _start_worker, (None, self.res.settings)
                )
        return self._pool

    def _pump(self) -> None:
        """Send the oldest unsent chunks to the workers while fewer than ``queue`` per worker are out."""
        if self.workers == 1 or not self._unsent:
            return
        self._sent = [c for c in self._sent if c.out()]
        room = self.queue * (self.workers - 1) - len(self._sent)
        while room > 0 and self._unsent:
            chunk = self._unsent.popleft()
            chunk.sent = self._started().apply_async(_code_in_worker, (chunk.items, self.task))
            self._sent.append(chunk)
            room -= 1

    def _here(self, chunk: _Chunk[R]) -> None:
        chunk.results = self.code_here(chunk.items)

    def _wait(self, chunk: _Chunk[R]) -> list[R]:
        """The chunk's results. Unsent, it is coded here; out at a worker, this process codes the newest
        unsent chunk meanwhile (the workers take the oldest), and waits only when there is none."""
        while chunk.results is None:
            self._pump()
            if chunk.sent is None:
                self._unsent.remove(chunk)
                self._here(chunk)
            elif chunk.sent.ready() or not self._unsent:
                chunk.results = chunk.sent.get()
            else:
                self._here(self._unsent.pop())
        return chunk.results

    def code_here(self, items: Iterable[Document | Problem]) -> list[R]:
        """Code ``items`` in this process, now."""
        return self.task(list(items), self.res)

    def code(self, items: Iterable[Document | Problem]) -> Iterator[R]:
        """Code a stream, yielding results in input order as they are ready; this process codes a
        chunk as soon as the workers have enough to do."""
        if self.workers == 1:
            for item in items:
                yield from self.task([item], self.res)
            return
        stream = iter(items)
        while chunk := list(itertools.islice(stream, self.chunk)):
            self.submit(chunk)
            while self._jobs and self.ready():
                yield from self.collect()
            if len(self._jobs) * self.chunk >= self.workers * _HELD:
                yield from self.collect()
        while self._jobs:
            yield from self.collect()

    def submit(self, items: Sequence[Document | Problem]) -> None:
        """Start coding ``items``: their chunks go to the workers as they have room; ``collect`` gives
        the results back, one submitted list at a time, and codes here what was not sent by then."""
        job = [_Chunk[R](list(items[start : start + self.chunk])) for start in range(0, len(items), self.chunk)]
        self._jobs.append(job)
        if self.workers == 1:
            for chunk in job:
                self._here(chunk)
            return
        self._unsent.extend(job)
        self._pump()

    def ready(self) -> bool:
        """Whether ``collect`` would return without waiting for a worker (what was not sent, it codes)."""
        return not self._jobs or not any(c.out() for c in self._jobs[0])

    def collect(self) -> list[R]:
        """The results of the oldest submitted list not collected yet, in its order."""
        return [r for c in self._jobs.popleft() for r in self._wait(c)]

    def close(self) -> None:
        self._jobs.clear()
        self._unsent.clear()
        self._sent.clear()
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> Coder[R]:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if exc is not None and self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None
        self.close()


def code_many(
    items: Iterable[Document | Problem], res: Resources | None = None, workers: int = 1
) -> Iterator[CodedDocument | Problem]:
    """Code a stream; a document that fails becomes a Problem and the rest go on. With ``workers`` > 1
    documents are coded in that many processes; the results are the same, in the same order."""
    with Coder(code_items, res, workers) as coder:
        yield from coder.code(items)
