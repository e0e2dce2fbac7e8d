"""Timeline: partnership steps then monthly counts by quad class; the dev gold's China–Azerbaijan
partnership goes from strategic (2024-07) to comprehensive strategic (2025-04)."""

from __future__ import annotations

import pytest

from rasd.errors import QueryError
from rasd.query import timeline
from rasd.query.plot import plot_timeline
from rasd.store import connect


@pytest.fixture
def dev_con(dev_db):
    c = connect(dev_db, read_only=True)
    yield c
    c.close()


def test_timeline_dev_chn_aze_partnership_steps(dev_con):
    tl = timeline(dev_con, "CHN", "AZE")
    steps = [(s["date"][:7], s["level"], s["rank"]) for s in tl.steps.to_pylist()]
    assert steps == [
        ("2024-07", "strategic partnership", 3),
        ("2025-04", "comprehensive strategic partnership", 5),
    ]
    assert timeline(dev_con, "AZE", "chn").steps.to_pylist() == tl.steps.to_pylist()  # either order


def test_timeline_dev_chn_aze_months_carry_level_and_counts(dev_con):
    months = {m["month"]: m for m in timeline(dev_con, "CHN", "AZE").months.to_pylist()}
    assert months["2024-07"]["level"] == "strategic partnership"
    assert months["2025-04"]["level"] == "comprehensive strategic partnership" and months["2025-04"]["rank"] == 5
    assert months["2024-08"]["events"] == 0  # gaps are filled, so the chart has one line per month
    for m in months.values():
        parts = m["verbal_coop"] + m["material_coop"] + m["verbal_conflict"] + m["material_conflict"]
        assert m["events"] == parts
        assert (m["goldstein"] is None) == (m["events"] == 0)


def test_timeline_codes_are_validated(con):
    with pytest.raises(QueryError, match="second actor 'Azerbaijan' is not an actor code"):
        timeline(con, "CHN", "Azerbaijan")


def test_timeline_pair_without_records_is_empty(con):
    tl = timeline(con, "ISL", "NZL")
    assert tl.steps.num_rows == 0 and tl.months.num_rows == 0


def test_timeline_plot_writes_a_png(con, tmp_path):
    out = plot_timeline(timeline(con, "CHN", "RUS"), tmp_path / "plots" / "chn-rus.png")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
