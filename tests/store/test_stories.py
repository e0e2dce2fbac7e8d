"""Stories: one real-world event reported by several articles is one story (GDELT NumArticles/NumSources);
a reprint of a wire story is a near-duplicate and counts once."""

from __future__ import annotations

from arabic_news import EGY_CHN, SAU_RUS_OKAZ, SAU_RUS_SPA

from rasd.records import Document
from rasd.store import connect
from rasd.store.ingest import ingest
from rasd.store.stories import rebuild_stories

REPRINT = SAU_RUS_SPA.replace("(واس)", "(الرياض)") + "\nالمصدر: وكالة الأنباء السعودية"
STORY = "SELECT type, a, b, day, num_articles, num_sources, num_mentions, first_seen, last_seen FROM stories"


def query(db, sql):
    con = connect(db, read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_stories_same_event_from_two_sources_is_one_story(tmp_path):
    db = tmp_path / "t.duckdb"
    ingest([Document("spa", SAU_RUS_SPA, source="was"), Document("okaz", SAU_RUS_OKAZ, source="okaz")], db)
    assert query(db, "SELECT duplicate_of FROM documents") == [(None,), (None,)]
    ((kind, a, b, day, articles, sources, mentions, first, last),) = query(db, STORY)
    assert (kind, a, b, str(day)) == ("CONSULT", "RUS", "SAU", "2015-08-10")  # symmetric: codes sorted
    assert (articles, sources, mentions) == (2, 2, 2)
    assert (first, last) == ("2015-08-10", "2015-08-10")
    assert query(db, "SELECT list_sort(event_ids) FROM stories") == [(["okaz-e1", "spa-e1"],)]


def test_stories_reprint_is_a_near_duplicate_and_counts_once(tmp_path):
    db = tmp_path / "t.duckdb"
    ingest([Document("spa", SAU_RUS_SPA, source="was"), Document("reprint", REPRINT, source="was")], db)
    assert query(db, "SELECT doc_id, duplicate_of FROM documents ORDER BY doc_id") == [
        ("reprint", "spa"),
        ("spa", None),
    ]
    assert query(db, "SELECT num_articles, num_sources, num_mentions FROM stories") == [(1, 1, 2)]


def test_stories_reprint_in_a_later_run_is_found_against_the_stored_original(tmp_path):
    db = tmp_path / "t.duckdb"
    ingest([Document("spa", SAU_RUS_SPA, source="was"), Document("egy", EGY_CHN)], db)
    ingest([Document("reprint", REPRINT, source="alriyadh")], db)
    assert query(db, "SELECT duplicate_of FROM documents WHERE doc_id = 'reprint'") == [("spa",)]
    assert query(db, "SELECT minhash_bands IS NULL FROM documents WHERE doc_id = 'reprint'") == [(True,)]
    # Counted once as an article; the reprinting outlet is still a second source.
    assert query(db, "SELECT num_articles, num_sources FROM stories WHERE a = 'RUS'") == [(1, 2)]


def test_stories_incremental_refresh_equals_a_full_rebuild(tmp_path):
    db = tmp_path / "t.duckdb"
    ingest([Document("spa", SAU_RUS_SPA, source="was"), Document("egy", EGY_CHN)], db, batch_size=1)
    ingest([Document("okaz", SAU_RUS_OKAZ, source="okaz"), Document("egy", SAU_RUS_SPA + " تحديث")], db)
    incremental = query(db, "SELECT * FROM stories ORDER BY story_id")
    con = connect(db)
    assert rebuild_stories(con) == len(incremental)
    con.close()
    assert query(db, "SELECT * FROM stories ORDER BY story_id") == incremental
