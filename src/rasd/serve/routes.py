"""The read-only JSON endpoints under ``/api``: thin calls into ``rasd.query``, the functions behind the
CLI, on a cursor of the app's one read-only connection.

Each parameter is declared with its bounds (they appear in the OpenAPI schema and are checked before the
handler runs) and is then validated again by ``EventFilter`` and its helpers, which raise Q400 with a
message saying what is allowed. Page sizes are capped by ``serve_max_page_rows``; every query is cut at
``query_max_rows`` rows and interrupted after ``query_timeout_s`` (``rasd/query/run.py``).
"""

from collections.abc import Iterator
from typing import Annotated, Any, Literal

import duckdb
import pyarrow as pa
from fastapi import APIRouter, Depends, Path, Query, Request

from rasd import __version__, query
from rasd.errors import QueryError
from rasd.query import documents as docs
from rasd.query.filters import QUAD_CLASSES, EventFilter, actor_code, plover_types
from rasd.serve import models
from rasd.serve.errors import ERROR_RESPONSES, error_response
from rasd.serve.labels import actor_label, ladder
from rasd.serve.spans import document_spans, event_label
from rasd.settings import Settings

CODE = r"^[A-Za-z]{2,6}(-[A-Za-z]{3})?$"
PAIR = r"^[A-Za-z]{2,6}(-[A-Za-z]{3})?,[A-Za-z]{2,6}(-[A-Za-z]{3})?$"
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
PLACE = r"^[^\W\d_][\w .'’-]{0,79}$"

Con = duckdb.DuckDBPyConnection


def cursor(request: Request) -> Iterator[Con]:
    """A cursor of the app's read-only connection for one request (``app.ReadOnlyStore``)."""
    cur: Con = request.app.state.db.cursor()
    try:
        yield cur
    finally:
        cur.close()


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def pair_value(pair: str | None) -> tuple[str, str] | None:
    """``CHN,AZE`` → (``CHN``, ``AZE``), each a valid actor code."""
    if pair is None:
        return None
    parts = pair.split(",")
    if len(parts) != 2:
        raise QueryError(f"a pair is two actor codes separated by a comma, e.g. CHN,AZE; got {pair!r}")
    return actor_code(parts[0], "pair"), actor_code(parts[1], "pair")


def page_limit(limit: int | None, s: Settings) -> int:
    """Rows per page: the request's, else the settings' default."""
    return s.serve_page_rows if limit is None else limit


def _rows(table: pa.Table) -> list[dict[str, Any]]:
    return list(table.to_pylist())


def build_router(settings: Settings) -> APIRouter:
    """The API; bounds in the schema come from ``settings`` (page sizes, row cap)."""
    router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)
    Db = Annotated[Con, Depends(cursor)]
    Conf = Annotated[Settings, Depends(settings_of)]
    Actor = Annotated[
        str | None, Query(pattern=CODE, description="Actor on either side: CHN (also CHN-GOV), or CHN-GOV.")
    ]
    PairQ = Annotated[str | None, Query(pattern=PAIR, description="Two actors, either direction: CHN,AZE.")]
    Types = Annotated[list[str] | None, Query(max_length=16, description="PLOVER types; repeat for several.")]
    Quads = Annotated[
        list[Annotated[int, Query(ge=1, le=4)]] | None,
        Query(max_length=4, description="1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict."),
    ]
    Since = Annotated[str | None, Query(pattern=DATE, description="From: YYYY, YYYY-MM or YYYY-MM-DD.")]
    Until = Annotated[str | None, Query(pattern=DATE, description="Up to (inclusive): YYYY, YYYY-MM or YYYY-MM-DD.")]
    Place = Annotated[str | None, Query(pattern=PLACE, description="Place name (Riyadh) or country code (SAU).")]
    Limit = Annotated[
        int | None,
        Query(
            ge=1, le=settings.serve_max_page_rows, description=f"Rows per page (default {settings.serve_page_rows})."
        ),
    ]
    Offset = Annotated[int, Query(ge=0, le=settings.query_max_rows, description="Rows to skip.")]

    def ranking(
        s: Conf,
        actor: Actor = None,
        type: Types = None,  # noqa: A002 - the parameter name users know from the CLI
        quad_class: Quads = None,
        since: Since = None,
        until: Until = None,
        place: Place = None,
        limit: Limit = None,
    ) -> EventFilter:
        """The query parameters `/actors` and `/pairs` share, as `rasd actors` reads them."""
        return EventFilter(
            actor=actor,
            types=tuple(type or ()),
            quad_classes=tuple(quad_class or ()),
            since=since,
            until=until,
            place=place,
            limit=page_limit(limit, s),
            settings=s,
        )

    Ranking = Annotated[EventFilter, Depends(ranking)]

    @router.get("/events", response_model=models.EventPage, summary="Events matching the filters of `rasd events`")
    def events(
        con: Db,
        s: Conf,
        actor: Actor = None,
        pair: PairQ = None,
        type: Types = None,  # noqa: A002 - the parameter name users know from the CLI
        quad_class: Quads = None,
        since: Since = None,
        until: Until = None,
        place: Place = None,
        text: Annotated[
            str | None, Query(min_length=1, max_length=200, description="Text in the evidence sentence.")
        ] = None,
        originals_only: Annotated[bool, Query(description="Leave out near-duplicate documents.")] = False,
        order: Annotated[Literal["asc", "desc"], Query(description="asc: oldest first; desc: newest.")] = "asc",
        limit: Limit = None,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Events, oldest first by default (undated last), one page at a time; `total` counts all pages."""
        filt = EventFilter(
            actor=actor,
            pair=pair_value(pair),
            types=tuple(type or ()),
            quad_classes=tuple(quad_class or ()),
            since=since,
            until=until,
            place=place,
            text=text,
            originals_only=originals_only,
            limit=page_limit(limit, s),
            settings=s,
        )
        found = query.events(con, filt, offset=offset, newest_first=order == "desc")
        items = [{**r, "label": event_label(r)} for r in _rows(found.table)]
        return {"total": found.total, "offset": offset, "limit": filt.limit, "items": items}

    @router.get("/actors", response_model=list[models.Actor], summary="The most active actors")
    def actors(con: Db, filt: Ranking) -> list[dict[str, Any]]:
        """Country-level actors by number of events (as source or target), as `rasd actors`."""
        return [{**r, "name": actor_label(r["actor"])} for r in _rows(query.actors(con, filt))]

    @router.get("/pairs", response_model=list[models.Pair], summary="The most active pairs")
    def pairs(con: Db, filt: Ranking) -> list[dict[str, Any]]:
        """Pairs of country-level actors (either direction) by number of events, with cooperation and
        conflict counts and mean Goldstein, as `rasd actors --pairs`."""
        rows = _rows(query.pairs(con, filt))
        return [{**r, "a_name": actor_label(r["a"]), "b_name": actor_label(r["b"])} for r in rows]

    @router.get("/timeline/{a}/{b}", response_model=models.Timeline, summary="Timeline of a pair")
    def timeline(
        con: Db,
        s: Conf,
        a: Annotated[str, Path(pattern=CODE, description="First actor, e.g. CHN.")],
        b: Annotated[str, Path(pattern=CODE, description="Second actor, e.g. AZE.")],
    ) -> dict[str, Any]:
        """Partnership steps (level and rank when it changes), then one row per month with events by quad
        class and mean Goldstein, near-duplicates counted once: `rasd timeline A B`."""
        tl = query.timeline(con, a, b, s)
        return {
            "a": tl.a,
            "b": tl.b,
            "a_name": actor_label(tl.a),
            "b_name": actor_label(tl.b),
            "steps": _rows(tl.steps),
            "months": _rows(tl.months),
            "undated_events": tl.undated_events,
            "undated_partnerships": tl.undated_partnerships,
        }

    @router.get("/partnerships", response_model=models.PartnershipPage, summary="Partnership statements")
    def partnerships(
        con: Db, s: Conf, actor: Actor = None, pair: PairQ = None, limit: Limit = None, offset: Offset = 0
    ) -> dict[str, Any]:
        """Each stated partnership level with its rank, change and evidence, newest first."""
        who = actor_code(actor) if actor is not None else None
        n = page_limit(limit, s)
        found = docs.partnerships(con, s, actor=who, pair=pair_value(pair), limit=n, offset=offset)
        return {"total": found.total, "offset": offset, "limit": n, "items": _rows(found.table)}

    @router.get("/documents", response_model=models.DocumentPage, summary="Stored documents")
    def documents(
        con: Db,
        s: Conf,
        language: Annotated[
            str | None, Query(pattern=r"^[a-z]{2,3}$", description="ISO 639-1 code: ar, en, … (und: no letters).")
        ] = None,
        limit: Limit = None,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Documents, newest published first, with a headline and their number of events."""
        n = page_limit(limit, s)
        found = docs.documents(con, s, language=language, limit=n, offset=offset)
        return {"total": found.total, "offset": offset, "limit": n, "items": _rows(found.table)}

    @router.get(
        "/documents/{doc_id:path}",
        response_model=models.Document,
        summary="One document with its text and every annotated span",
        responses={404: {"model": models.ErrorResponse, "description": "No document with this id (H404)."}},
    )
    def document(
        con: Db, s: Conf, doc_id: Annotated[str, Path(min_length=1, max_length=1000, description="Document id.")]
    ) -> Any:
        """The text, its events, people's mentions and partnership statements, and `spans`: every coded
        stretch of the text (code point offsets, end exclusive) with its code and an English label."""
        found = docs.document(con, doc_id, s)
        if found is None:
            return error_response(404, "H404", f"no document {doc_id!r} in this store")
        events = [{**e, "label": event_label(e)} for e in found.events]
        return {
            **found.document,
            "events": events,
            "mentions": found.mentions,
            "partnerships": found.partnerships,
            "spans": document_spans(found),
        }

    @router.get("/stats", response_model=models.Stats, summary="Counts for an overview")
    def stats(con: Db, s: Conf) -> dict[str, Any]:
        """Rows per table, the span of event dates, events by quad class and type, documents by language."""
        return docs.stats(con, s)

    @router.get("/meta", response_model=models.Meta, summary="Vocabularies and limits")
    def meta(s: Conf) -> dict[str, Any]:
        """PLOVER types, quad classes, the partnership ladder and the page limits, for building forms."""
        return {
            "version": __version__,
            "types": sorted(plover_types()),
            "quad_classes": QUAD_CLASSES,
            "ladder": ladder(),
            "page_rows": s.serve_page_rows,
            "max_page_rows": s.serve_max_page_rows,
            "max_rows": s.query_max_rows,
        }

    return router
