"""GDELT 2.0 export: 61 fields on every line, read back by DuckDB under the published column names."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from pathlib import Path

import duckdb
import pytest

from rasd.export import export_to_path
from rasd.export.codes import GDELT_COLUMNS, GDELT_NAMES, ISO3_FIPS
from rasd.export.common import event_day
from rasd.export.gdelt import cameo_actor, write_gdelt
from rasd.lexicons.load import rows
from rasd.resources import load_resources

# The event table of "The GDELT Event Database Data Format Codebook V2.0", written out here on its own
# so a change to the module's list cannot pass unnoticed.
# fmt: off
PUBLISHED = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name", "Actor1CountryCode",
    "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code",
    "Actor1Type2Code", "Actor1Type3Code", "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
    "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone", "Actor1Geo_Type", "Actor1Geo_FullName",
    "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long",
    "Actor1Geo_FeatureID", "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID", "ActionGeo_Type",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat",
    "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
)
# fmt: on


def _export(con: duckdb.DuckDBPyConnection, path: Path, table: str = "events") -> Path:
    export_to_path(con, "gdelt", table, path)
    return path


def _load(path: Path, *, typed: bool = False) -> dict[str, dict[str, object]]:
    """The file as DuckDB reads it: no header, tab-delimited, no quoting, the published names."""
    options = "columns = $columns" if typed else "names = $names, all_varchar = true"
    sql = f"SELECT * FROM read_csv($path, delim = '\t', header = false, quote = '', escape = '', {options})"
    params: dict[str, object] = {"path": str(path)}
    if typed:
        params["columns"] = dict(GDELT_COLUMNS)
    else:
        params["names"] = list(PUBLISHED)
    con = duckdb.connect()
    rel = con.sql(sql, params=params)
    names = rel.columns
    return {row[0] if typed else str(row[0]): dict(zip(names, row, strict=True)) for row in rel.fetchall()}


@pytest.fixture(scope="module")
def gdelt_events(store, tmp_path_factory) -> dict[str, dict[str, object]]:
    """The store's events exported once as GDELT and read back as text under the published names."""
    con = duckdb.connect(str(store), read_only=True)
    try:
        return _load(_export(con, tmp_path_factory.mktemp("gdelt") / "events.tsv"))
    finally:
        con.close()


def _gid(key: str) -> str:
    return str(int(hashlib.sha1(key.encode()).hexdigest()[:15], 16))


def test_gdelt_column_list_is_the_published_one():
    assert tuple(PUBLISHED) == GDELT_NAMES
    assert len(GDELT_NAMES) == 61


@pytest.mark.parametrize("table", ["events", "stories"])
def test_gdelt_every_line_has_61_fields(con, tmp_path, table):
    data = _export(con, tmp_path / "out.tsv", table).read_bytes().decode("utf-8")
    lines = data.split("\n")
    assert lines.pop() == ""  # the file ends with a newline, and no line is empty
    assert len(lines) == {"events": 4, "stories": 2}[table]
    assert all(len(line.split("\t")) == 61 for line in lines)
    assert not any("\r" in line for line in lines)


@pytest.mark.parametrize(
    ("event_id", "column", "expected"),
    [
        ("d1-e1", "SQLDATE", "20240703"),
        ("d1-e1", "MonthYear", "202407"),
        ("d1-e1", "Year", "2024"),
        ("d1-e1", "FractionDate", "2024.5014"),
        ("d1-e1", "Actor1Code", "CHNGOV"),
        ("d1-e1", "Actor1Name", "XI JINPING"),
        ("d1-e1", "Actor1CountryCode", "CHN"),
        ("d1-e1", "Actor1Type1Code", "GOV"),
        ("d1-e1", "Actor2Code", "AZEGOV"),
        ("d1-e1", "IsRootEvent", "1"),
        ("d1-e1", "EventCode", "044"),
        ("d1-e1", "EventBaseCode", "044"),
        ("d1-e1", "EventRootCode", "04"),
        ("d1-e1", "QuadClass", "1"),
        ("d1-e1", "GoldsteinScale", "2.5"),
        ("d1-e1", "NumMentions", "2"),
        ("d1-e1", "NumSources", "2"),
        ("d1-e1", "NumArticles", "2"),
        ("d1-e1", "AvgTone", None),
        ("d1-e1", "Actor1Geo_Type", "0"),
        ("d1-e1", "ActionGeo_Type", "4"),
        ("d1-e1", "ActionGeo_FullName", "Astana, Kazakhstan"),
        ("d1-e1", "ActionGeo_CountryCode", "KZ"),
        ("d1-e1", "ActionGeo_Lat", "51.17"),
        ("d1-e1", "ActionGeo_Long", "71.45"),
        ("d1-e1", "DATEADDED", "20240703000000"),
        ("d1-e1", "SOURCEURL", "https://example.org/xinhua/1"),
        ("d1-e2", "SQLDATE", "20240701"),  # dated to the month only: its first day
        ("d1-e2", "Actor1Code", "CHN"),
        ("d1-e2", "Actor1Name", "CHINA"),
        ("d1-e2", "IsRootEvent", "0"),  # outside the lead paragraph
        ("d1-e2", "NumArticles", "1"),  # in no story
        ("d1-e2", "ActionGeo_Type", "0"),
        ("d2-e1", "SQLDATE", "20240704"),  # undated: the article's published date
        ("d2-e1", "Actor1Code", "IGOUNO"),
        ("d2-e1", "Actor1KnownGroupCode", "UNO"),
        ("d2-e1", "Actor1Type1Code", "IGO"),
        ("d2-e1", "Actor1CountryCode", None),
        ("d2-e1", "Actor2Code", "ISRMIL"),
        ("d2-e1", "Actor2Name", "ISRAEL DEFENSE FORCES"),  # tab and newline inside the name became spaces
        ("d2-e1", "IsRootEvent", "1"),  # the lead starts after the dateline's own line
        ("d2-e1", "EventCode", "1041"),
        ("d2-e1", "EventBaseCode", "104"),
        ("d2-e1", "EventRootCode", "10"),
        ("d2-e1", "QuadClass", "3"),
        ("d2-e1", "GoldsteinScale", "-5"),
        ("d2-e1", "ActionGeo_Type", "5"),  # a gazetteer region
        ("d2-e1", "ActionGeo_CountryCode", None),  # Palestine has no FIPS 10-4 code
        ("d2-e1", "SOURCEURL", "rasd:d2"),
    ],
)
def test_gdelt_values_read_back_under_published_names(gdelt_events, event_id, column, expected):
    assert gdelt_events[_gid(event_id)][column] == expected


def test_gdelt_typed_read_keeps_codes_and_numbers(con, tmp_path):
    rows_ = _load(_export(con, tmp_path / "events.tsv"), typed=True)
    row = rows_[int(_gid("d1-e1"))]
    assert row["SQLDATE"] == 20240703
    assert row["EventCode"] == "044"
    assert row["GoldsteinScale"] == 2.5
    assert row["NumArticles"] == 2
    assert row["ActionGeo_Lat"] == pytest.approx(51.17)
    assert row["DATEADDED"] == 20240703000000


def test_gdelt_globaleventid_is_stable_across_runs(con, tmp_path):
    first = _export(con, tmp_path / "a.tsv").read_text(encoding="utf-8")
    second = _export(con, tmp_path / "b.tsv").read_text(encoding="utf-8")
    assert first == second
    ids = [line.split("\t")[0] for line in first.splitlines()]
    assert ids == [_gid(e) for e in ("d1-e1", "d1-e2", "d2-e1", "d3-e1")]
    assert all(0 < int(i) < 2**63 for i in ids)


def test_gdelt_stories_one_line_per_story(con, tmp_path):
    rows_ = _load(_export(con, tmp_path / "stories.tsv", "stories"))
    assert set(rows_) == {_gid("s-meeting"), _gid("s-demand")}
    meeting = rows_[_gid("s-meeting")]
    assert meeting["Actor1Code"] == "CHN"  # the story's country-level pair
    assert meeting["Actor1Name"] == "XI JINPING"  # names of its earliest article
    assert (meeting["NumMentions"], meeting["NumSources"], meeting["NumArticles"]) == ("2", "2", "2")
    assert meeting["SQLDATE"] == "20240703"
    assert meeting["SOURCEURL"] == "https://example.org/xinhua/1"
    assert rows_[_gid("s-demand")]["SQLDATE"] == "20240704"


def test_gdelt_writes_to_a_stream(con):
    buf = io.StringIO()
    assert write_gdelt(con, buf) == 4
    assert buf.getvalue().count("\n") == 4


@pytest.mark.parametrize(
    ("code", "cameo", "country", "known", "type1"),
    [
        ("CHN-GOV", "CHNGOV", "CHN", "", "GOV"),
        ("CHN", "CHN", "CHN", "", ""),
        ("YEM-REB", "YEMREB", "YEM", "", "REB"),
        ("UN", "IGOUNO", "", "UNO", "IGO"),
        ("UNSC", "IGOUNO", "", "UNO", "IGO"),
        ("ARL", "IGOARL", "", "ARL", "IGO"),
        ("WB", "IGOUNOWBK", "", "WBK", "IGO"),
        ("ICRC", "NGOIRC", "", "IRC", "NGO"),
        ("SCO", "SCO", "", "", ""),  # no CAMEO code: kept as is
        ("REG", "REG", "", "", ""),
        ("REG-REB", "REGREB", "", "", "REB"),
    ],
)
def test_gdelt_actor_codes_in_cameo_style(code, cameo, country, known, type1):
    actor = cameo_actor(code, load_resources())
    assert (actor.code, actor.country, actor.known_group, actor.type1) == (cameo, country, known, type1)


@pytest.mark.parametrize(
    ("day", "date", "published", "expected"),
    [
        (dt.date(2024, 7, 3), "2024-07-03", "2024-07-05", (dt.date(2024, 7, 3), "day")),
        (None, "2024-07-03", None, (dt.date(2024, 7, 3), "day")),
        (None, "2024-07", "2024-07-20", (dt.date(2024, 7, 1), "month")),
        (None, "2024", "2024-03-09", (dt.date(2024, 3, 9), "published")),
        (None, "2023", "2024-03-09", (dt.date(2023, 1, 1), "year")),
        (None, None, "2024-03-09", (dt.date(2024, 3, 9), "published")),
        (None, "2024-13", "bad", (None, None)),
        (None, None, None, (None, None)),
    ],
)
def test_gdelt_event_day_fallbacks(day, date, published, expected):
    assert event_day(day, date, published) == expected


def test_gdelt_every_state_has_a_fips_code_but_palestine():
    states = {row.get("code") for row in rows("countries.tsv")}
    assert states - set(ISO3_FIPS) == {"PSE"}
    assert len(set(ISO3_FIPS.values())) == len(ISO3_FIPS)  # no two states share a code


@pytest.mark.parametrize("table", ["events", "stories"])
def test_gdelt_bundled_examples_every_line_has_61_fields(tmp_path, table):
    from rasd.store.db import connect
    from rasd.store.ingest import ingest_paths

    examples = Path(__file__).resolve().parents[2] / "examples"
    db = tmp_path / "examples.duckdb"
    summary = ingest_paths([str(examples)], db)
    assert summary.events > 0
    con = connect(db, read_only=True)
    try:
        out = _export(con, tmp_path / f"{table}.tsv", table)
        count = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines.pop() == ""
    assert len(lines) == count
    assert all(len(line.split("\t")) == 61 for line in lines)
    assert len(_load(out)) == count  # DuckDB reads every line under the published names
