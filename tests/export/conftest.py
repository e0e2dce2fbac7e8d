"""A small rasd store built by hand from store/schema.sql: three articles, four events, two stories.

d1 and d3 report the same Xi–Aliyev meeting (one story of two articles); d1 also has a joint
statement dated to the month only, outside its lead paragraph; d2 has no URL, an undated UN demand
and an actor name holding a tab and a line break.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

import duckdb
import pytest

D1 = (
    "أستانا 3 يوليو 2024 (شينخوا) التقى الرئيس الصيني شي جين بينغ اليوم (الأربعاء) "
    "الرئيس الأذري إلهام علييف في أستانا.\n"
    "وأكد الجانبان في بيان مشترك صدر هذا الشهر دعمهما لتعزيز التعاون الاقتصادي."
)
D2 = "الكويت 4 يوليو 2024 (كونا) --\nطالبت الأمم المتحدة إسرائيل بوقف العمليات العسكرية في قطاع غزة فورا.\n"
D3 = "باكو 3 يوليو 2024 (أذرتاج) اجتمع الرئيس إلهام علييف مع الرئيس الصيني شي جين بينغ في أستانا."


def span(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def _document(doc_id: str, text: str, url: str | None, published: str, source: str, dateline: str) -> dict:
    return {
        "doc_id": doc_id,
        "text_sha1": f"sha1-{doc_id}",
        "url": url,
        "title": f"خبر {doc_id}",
        "source": source,
        "published": published,
        "published_source": "dateline",
        "dateline_place": None,
        "dateline_date": published,
        "dateline_agency": source,
        "dateline_start": 0,
        "dateline_end": span(text, dateline)[1],
        "language": "ar",
        "flags": [],
        "duplicate_of": None,
        "text": text,
        "run_id": "run-1",
    }


def _event(event_id: str, text: str, sentence: str, trigger: str, **fields: object) -> dict:
    s_start, s_end = span(text, sentence)
    t_start, t_end = span(text, trigger)
    row = {
        "event_id": event_id,
        "doc_id": event_id.split("-")[0],
        "mode": None,
        "contexts": ["diplomatic"],
        "joint": False,
        "source_name": None,
        "source_text": None,
        "source_start": None,
        "source_end": None,
        "target_name": None,
        "target_text": None,
        "target_start": None,
        "target_end": None,
        "date": None,
        "date_precision": None,
        "date_text": None,
        "day": None,
        "place_name": None,
        "place_country": None,
        "lat": None,
        "lon": None,
        "plover_score": 1.0,
        "trigger": trigger,
        "trigger_start": t_start,
        "trigger_end": t_end,
        "sentence_start": s_start,
        "sentence_end": s_end,
        "sentence": sentence,
        "evidence": [[s_start, s_end]],
        "confidence": 0.9,
        "rule": "test.rule",
    }
    row.update(fields)
    return row


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    for row in rows:
        names = ", ".join(f'"{k}"' for k in row)
        marks = ", ".join("?" for _ in row)
        con.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(row.values()))


def build_store(path: Path) -> Path:
    schema = resources.files("rasd.store").joinpath("schema.sql").read_text(encoding="utf-8")
    con = duckdb.connect(str(path))
    con.execute(schema)
    con.execute(
        "INSERT INTO runs (run_id, started_at, rasd_version, inputs, read, coded, events) "
        "VALUES ('run-1', TIMESTAMP '2024-07-05 10:00:00', '0.1.0', ['examples/'], 3, 3, 4)"
    )
    _insert(
        con,
        "documents",
        [
            _document("d1", D1, "https://example.org/xinhua/1", "2024-07-03", "xinhua", "(شينخوا)"),
            _document("d2", D2, None, "2024-07-04", "kuna", "(كونا)"),
            _document("d3", D3, "https://example.org/azertac/3", "2024-07-03", "azertac", "(أذرتاج)"),
        ],
    )
    meet1 = "التقى الرئيس الصيني شي جين بينغ اليوم (الأربعاء) الرئيس الأذري إلهام علييف في أستانا."
    joint = "وأكد الجانبان في بيان مشترك صدر هذا الشهر دعمهما لتعزيز التعاون الاقتصادي."
    demand = "طالبت الأمم المتحدة إسرائيل بوقف العمليات العسكرية في قطاع غزة فورا."
    meet3 = "اجتمع الرئيس إلهام علييف مع الرئيس الصيني شي جين بينغ في أستانا."
    place = {"place_name": "Astana", "place_country": "KAZ", "lat": 51.17, "lon": 71.45}
    consult = {"type": "CONSULT", "cameo": "044", "goldstein": 2.5, "quad_class": 1}
    _insert(
        con,
        "events",
        [
            _event(
                "d1-e1",
                D1,
                meet1,
                "التقى",
                **consult,
                **place,
                mode="third-party",
                source="CHN-GOV",
                target="AZE-GOV",
                source_name="Xi Jinping",
                target_name="Ilham Aliyev",
                source_text="الرئيس الصيني شي جين بينغ",
                target_text="الرئيس الأذري إلهام علييف",
                date="2024-07-03",
                date_precision="day",
                day=dt.date(2024, 7, 3),
            ),
            _event(
                "d1-e2",
                D1,
                joint,
                "أكد",
                type="SUPPORT",
                cameo="051",
                goldstein=3.4,
                quad_class=1,
                source="CHN",
                target="AZE",
                joint=True,
                date="2024-07",
                date_precision="month",
                contexts=["economic", "diplomatic"],
            ),
            _event(
                "d2-e1",
                D2,
                demand,
                "طالبت",
                type="REQUEST",
                cameo="1041",
                goldstein=-5.0,
                quad_class=3,
                source="UN",
                target="ISR-MIL",
                target_name="Israel\tDefense\nForces",
                place_name="Gaza Strip",
                place_country="PSE",
                lat=31.4,
                lon=34.4,
            ),
            _event(
                "d3-e1",
                D3,
                meet3,
                "اجتمع",
                **consult,
                **place,
                source="CHN-GOV",
                target="AZE-GOV",
                source_name="Xi Jinping",
                target_name="Ilham Aliyev",
                date="2024-07-03",
                date_precision="day",
                day=dt.date(2024, 7, 3),
            ),
        ],
    )
    _insert(
        con,
        "people",
        [
            {
                "doc_id": "d1",
                "person_no": 1,
                "name": "Xi Jinping",
                "name_ar": "شي جين بينغ",
                "country": "CHN",
                "role": "President",
                "entity_id": "Q15031",
            },
            {
                "doc_id": "d1",
                "person_no": 2,
                "name": "Ilham Aliyev",
                "name_ar": "إلهام علييف",
                "country": "AZE",
                "role": "President",
                "entity_id": "Q153860",
            },
        ],
    )
    start, end = span(D1, "شي جين بينغ")
    _insert(con, "mentions", [{"doc_id": "d1", "person_no": 1, "start": start, "end": end, "text": "شي جين بينغ"}])
    p_start, p_end = span(D1, joint)
    _insert(
        con,
        "partnerships",
        [
            {
                "doc_id": "d1",
                "partnership_no": 1,
                "a": "AZE",
                "b": "CHN",
                "level": "strategic partnership",
                "rank": 3,
                "change": "reaffirmed",
                "date": "2024-07",
                "evidence_start": p_start,
                "evidence_end": p_end,
                "text": joint,
            }
        ],
    )
    _insert(
        con,
        "stories",
        [
            {
                "story_id": "s-meeting",
                "type": "CONSULT",
                "a": "CHN",
                "b": "AZE",
                "day": dt.date(2024, 7, 3),
                "num_mentions": 2,
                "num_articles": 2,
                "num_sources": 2,
                "first_seen": "2024-07-03",
                "last_seen": "2024-07-03",
                "event_ids": ["d1-e1", "d3-e1"],
                "goldstein": 2.5,
                "quad_class": 1,
                "cameo": "044",
            },
            {
                "story_id": "s-demand",
                "type": "REQUEST",
                "a": "UN",
                "b": "ISR",
                "day": None,
                "num_mentions": 1,
                "num_articles": 1,
                "num_sources": 1,
                "first_seen": "2024-07-04",
                "last_seen": "2024-07-04",
                "event_ids": ["d2-e1"],
                "goldstein": -5.0,
                "quad_class": 3,
                "cameo": "1041",
            },
        ],
    )
    con.close()
    return path


@pytest.fixture(scope="session")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once; every test opens it read-only, so none can change it for the others."""
    return build_store(tmp_path_factory.mktemp("store") / "rasd.duckdb")


@pytest.fixture()
def con(store: Path):
    connection = duckdb.connect(str(store), read_only=True)
    yield connection
    connection.close()
