"""PLOVER JSONL export: the manual's field names, actors and recipients as entity objects."""

from __future__ import annotations

import io
import json

import pytest

from rasd.export.plover import write_plover

# The PLOVER manual's event fields rasd fills, and the entity-object fields.
PLOVER_FIELDS = {
    "id", "date", "actor", "recipient", "event", "mode", "context", "event_text", "event_loc",
    "quad_code", "event_scale", "text_info", "cite_info", "coder",
}  # fmt: skip
ENTITY_FIELDS = {"code", "sector", "entity_text", "identifier_id", "identifier_text", "office"}


def _records(con, table: str = "events") -> dict[str, dict]:
    buf = io.StringIO()
    write_plover(con, buf, table)
    return {r["id"]: r for r in map(json.loads, buf.getvalue().splitlines())}


def test_plover_every_record_has_the_manual_fields(con):
    records = _records(con)
    assert list(records) == ["d1-e1", "d1-e2", "d2-e1", "d3-e1"]
    for r in records.values():
        assert PLOVER_FIELDS | {"language", "source_actor", "target_actor"} <= set(r)
        assert r["language"] == "ar"
        for entity in r["actor"] + r["recipient"]:
            assert set(entity) == ENTITY_FIELDS
        assert {"citation", "url", "language", "coder"} <= set(r["cite_info"])


@pytest.mark.parametrize(
    ("event_id", "event", "actor", "recipient"),
    [
        ("d1-e1", ["CONSULT"], [("CHN", "GOV")], [("AZE", "GOV")]),
        ("d1-e2", ["SUPPORT"], [("CHN", None), ("AZE", None)], []),  # joint: all parties act, no recipient
        ("d2-e1", ["REQUEST"], [("UN", None)], [("ISR", "MIL")]),
    ],
)
def test_plover_event_actor_and_recipient(con, event_id, event, actor, recipient):
    r = _records(con)[event_id]
    assert r["event"] == event
    assert [(a["code"], a["sector"]) for a in r["actor"]] == actor
    assert [(a["code"], a["sector"]) for a in r["recipient"]] == recipient


def test_plover_evidence_names_and_citation(con):
    r = _records(con)["d1-e1"]
    assert r["date"] == "2024-07-03"
    assert r["mode"] == ["third-party"]
    assert r["context"] == ["diplomatic"]
    assert r["event_text"] == ["التقى الرئيس الصيني شي جين بينغ اليوم (الأربعاء) الرئيس الأذري إلهام علييف في أستانا."]
    assert (r["source_actor"], r["target_actor"]) == ("Xi Jinping", "Ilham Aliyev")
    assert r["actor"][0]["identifier_id"] == "Q15031"
    assert r["actor"][0]["entity_text"] == "الرئيس الصيني شي جين بينغ"
    assert r["cite_info"]["citation"] == "d1"
    assert r["cite_info"]["url"] == "https://example.org/xinhua/1"
    assert r["text_info"]["start"] < r["text_info"]["end"]
    assert r["event_loc"]["country_code"] == "KAZ"
    assert r["quad_code"] == 1


def test_plover_stories_carry_counts_and_member_events(con):
    records = _records(con, "stories")
    meeting = records["s-meeting"]
    assert meeting["event_ids"] == ["d1-e1", "d3-e1"]
    assert meeting["num_articles"] == 2
    assert [a["code"] for a in meeting["actor"]] == ["CHN"]
    assert records["s-demand"]["date"] == "2024-07-04"
