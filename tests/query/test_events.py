"""Events, actors, pairs and stories over the bundled examples."""

from __future__ import annotations

from rasd.query import EventFilter, actors, events, pairs, stories


def test_events_pair_matches_either_direction(con):
    rows = events(con, EventFilter(pair=("RUS", "CHN"))).table.to_pylist()
    assert rows and all({r["source"].split("-")[0], r["target"].split("-")[0]} == {"CHN", "RUS"} for r in rows)


def test_events_actor_matches_sectors_of_a_country(con):
    rows = events(con, EventFilter(actor="CHN", limit=1000)).table.to_pylist()
    assert rows and all("CHN" in (r["source"].split("-")[0], r["target"].split("-")[0]) for r in rows)


def test_events_date_range_keeps_overlapping_events_oldest_first(con):
    rows = events(con, EventFilter(since="2024-05", until="2024-05")).table.to_pylist()
    assert rows and all(r["date"].startswith("2024-05") for r in rows)
    dates = [r["date"] for r in events(con, EventFilter(limit=1000)).table.to_pylist() if r["date"]]
    assert dates == sorted(dates)


def test_events_type_quad_class_place_and_text(con):
    consult = events(con, EventFilter(types=("CONSULT",), quad_classes=(1,), limit=1000)).table.to_pylist()
    assert consult and all(r["type"] == "CONSULT" and r["quad_class"] == 1 for r in consult)
    beijing = events(con, EventFilter(place="beijing")).table.to_pylist()
    assert beijing and all(r["place"] == "Beijing" for r in beijing)
    assert events(con, EventFilter(place="CHN")).total >= len(beijing)
    word = consult[0]["evidence"].split()[0]
    assert all(word in r["evidence"] for r in events(con, EventFilter(text=word)).table.to_pylist())


def test_events_total_counts_beyond_the_limit(con):
    found = events(con, EventFilter(limit=2))
    assert found.table.num_rows == 2 and found.total > 2


def test_events_actors_and_pairs_are_ranked(con):
    top = actors(con, EventFilter(limit=3)).to_pylist()
    assert [r["events"] for r in top] == sorted((r["events"] for r in top), reverse=True)
    first = top[0]["actor"]
    either = "count(*) FILTER (WHERE split_part(source, '-', 1) = $a OR split_part(target, '-', 1) = $a)"
    both = "count(*) FILTER (WHERE split_part(source, '-', 1) = $a AND split_part(target, '-', 1) = $a)"
    ((expected,),) = con.execute(f"SELECT {either} + {both} FROM events", {"a": first}).fetchall()
    assert top[0]["events"] == expected
    for r in pairs(con, EventFilter(limit=5)).to_pylist():
        assert r["a"] < r["b"] and r["events"] == r["coop"] + r["conflict"]


def test_events_stories_hold_the_matching_events(con):
    rows = stories(con, EventFilter(pair=("CHN", "RUS"))).to_pylist()
    assert rows and all({r["a"], r["b"]} == {"CHN", "RUS"} for r in rows)
    assert all(r["num_articles"] >= 1 and r["num_mentions"] == len(r["event_ids"]) for r in rows)
