"""The Python API: ``rasd.open(path)`` answers the CLI's questions as DataFrames or Arrow tables."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

import rasd
from rasd.errors import QueryError, StoreError
from rasd.store.ingest import ingest_paths

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    db = tmp_path_factory.mktemp("api") / "t.duckdb"
    ingest_paths([str(EXAMPLES)], db)
    return db


def test_api_open_gives_dataframes_and_arrow(store_path):
    with rasd.open(store_path) as store:
        frame = store.events(pair=("CHN", "RUS"), type="AGREE")
        assert isinstance(frame, pd.DataFrame) and len(frame) > 0
        assert set(frame["type"]) == {"AGREE"}
        table = store.events(pair=["CHN", "RUS"], type=["AGREE"], arrow=True)
        assert isinstance(table, pa.Table) and table.num_rows == len(frame)
        assert store.count(actor="CHN") >= len(store.events(actor="CHN", limit=5))
        assert list(store.actors(limit=3).columns)[:2] == ["actor", "events"]
        assert {"a", "b", "events"} <= set(store.pairs(limit=3).columns)
        assert len(store.stories(actor="CHN")) > 0
        assert store.sql("SELECT count(*) AS n FROM documents")["n"][0] == 15
        assert store.counts()["documents"] == 15


def test_api_timeline_frames_and_plot(store_path, tmp_path):
    with rasd.open(store_path) as store:
        tl = store.timeline("CHN", "RUS")
        assert isinstance(tl.months, pd.DataFrame) and {"month", "rank", "events"} <= set(tl.months.columns)
        assert tl.plot(tmp_path / "t.png").stat().st_size > 0


def test_api_bad_filters_and_missing_store_are_clear_errors(store_path, tmp_path):
    with rasd.open(store_path) as store:
        with pytest.raises(QueryError, match="unknown event type 'MEETING'"):
            store.events(type="MEETING")
        with pytest.raises(QueryError, match="only SELECT is allowed, not DELETE"):
            store.sql("DELETE FROM events")
    with pytest.raises(StoreError, match="no database here"):
        rasd.open(tmp_path / "missing.duckdb")
