"""Filters: every value validated with a message that says what is allowed; user values reach DuckDB
only as parameters."""

from __future__ import annotations

import pytest

from rasd.errors import QueryError
from rasd.query import EventFilter, events
from rasd.settings import Settings

INJECTIONS = ["CHN' OR 1=1 --", "CHN; DROP TABLE events", "x') UNION SELECT * FROM runs --", "CHN\x00"]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"actor": "chinese"}, "actor 'chinese' is not an actor code: 2–6 capital letters"),
        ({"actor": "C"}, "actor 'C' is not an actor code"),
        ({"pair": ("CHN",)}, "a pair is two actor codes, e.g. CHN AZE"),
        ({"pair": ("CHN", "AZERBAIJAN")}, "pair 'AZERBAIJAN' is not an actor code"),
        ({"types": ("MEET",)}, "unknown event type 'MEET'; PLOVER types are: ACCUSE, AGREE"),
        ({"quad_classes": (5,)}, "quad class 5 is not one of 1 verbal cooperation"),
        ({"since": "03/07/2024"}, "since '03/07/2024' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD"),
        ({"since": "2024-02-30"}, "since '2024-02-30' is not a calendar date"),
        ({"until": "2024-13"}, "until '2024-13' is not a calendar date"),
        ({"since": "2025", "until": "2024"}, "since 2025-01-01 is after until 2024-12-31"),
        ({"place": "Riyadh; DROP TABLE events"}, "place 'Riyadh; DROP TABLE events' is not a place name: letters"),
        ({"text": ""}, "text to search must be 1–200 printable characters"),
        ({"text": "x" * 201}, "text to search must be 1–200 printable characters"),
        ({"limit": 0}, "limit 0 is out of range: give a whole number from 1 to 10000"),
        ({"limit": 10_001}, "limit 10001 is out of range"),
    ],
)
def test_filters_bad_values_are_refused_with_a_clear_message(values, message):
    with pytest.raises(QueryError, match="^Q400: " + message.replace("(", r"\(").replace(")", r"\)")):
        EventFilter(**values)


@pytest.mark.parametrize("attempt", INJECTIONS)
def test_filters_injection_in_codes_is_refused(attempt):
    with pytest.raises(QueryError, match="is not an actor code"):
        EventFilter(actor=attempt)


@pytest.mark.parametrize("attempt", ["' OR '1'='1", "'; DELETE FROM events; --", "%", "_"])
def test_filters_free_text_is_a_parameter_not_sql(con, attempt):
    before = events(con, EventFilter(limit=1)).total
    found = events(con, EventFilter(text=attempt))
    assert found.total == 0
    assert events(con, EventFilter(limit=1)).total == before


def test_filters_compile_user_values_to_parameters_only():
    filt = EventFilter(actor="chn", types=("consult",), since="2024", until="2024-02", place="Riyadh", text="القمة")
    sql, params = filt.where()
    for value in ("CHN", "CONSULT", "2024", "Riyadh", "القمة"):
        assert value not in sql
    assert ["CONSULT"] in params and "القمة" in params and "Riyadh" in params
    assert (filt.actor, filt.types, filt.since, filt.until) == ("CHN", ("CONSULT",), "2024-01-01", "2024-02-29")


def test_filters_limit_defaults_and_caps_come_from_settings():
    assert EventFilter().limit == Settings().query_default_rows
    small = Settings(query_default_rows=5, query_max_rows=7)
    assert EventFilter(settings=small).limit == 5
    with pytest.raises(QueryError, match="from 1 to 7"):
        EventFilter(limit=8, settings=small)
