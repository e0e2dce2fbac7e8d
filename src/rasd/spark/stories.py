"""Stories as one Spark aggregation over the whole corpus, with the semantics of ``store/stories.py``.

The key is (type, a, b, day): a and b are the country-level codes, sorted for symmetric types and joint
events; an event not dated to the day is grouped per article. An article is a document's original
(``coalesce(duplicate_of, doc_id)``), an outlet its ``source`` (else the article itself). The story's
goldstein, quad class and CAMEO code are those of the earliest report (published, NULLs last, then
event id). The story id is the same sha1 the store computes, so both give the same ids.
"""

from __future__ import annotations

from typing import Any

from rasd.merge.facts import SYMMETRIC

STORY_COLUMNS = (
    "story_id",
    "type",
    "a",
    "b",
    "day",
    "num_mentions",
    "num_articles",
    "num_sources",
    "first_seen",
    "last_seen",
    "event_ids",
    "goldstein",
    "quad_class",
    "cameo",
)


def story_frame(events: Any, documents: Any) -> Any:
    """The stories of ``events`` (the events table with year/month) given ``documents`` (the documents
    table with year/month), with the store's columns plus their year/month partition: the story's day,
    else the partition of its earliest published document."""
    from pyspark.sql import functions as F

    docs = documents.select(
        "doc_id",
        "duplicate_of",
        F.col("source").alias("outlet_source"),
        "published",
        F.col("year").alias("doc_year"),
        F.col("month").alias("doc_month"),
    )
    ev = events.select(
        "event_id", "doc_id", "type", "source", "target", "joint", "day", "goldstein", "quad_class", "cameo"
    )
    e = ev.join(docs, "doc_id")
    s, t = F.substring_index("source", "-", 1), F.substring_index("target", "-", 1)
    sym = F.col("joint") | F.col("type").isin(sorted(SYMMETRIC))
    article = F.coalesce(F.col("duplicate_of"), F.col("doc_id"))
    keyed = e.select(
        "event_id",
        "type",
        "day",
        "goldstein",
        "quad_class",
        "cameo",
        "published",
        "doc_year",
        "doc_month",
        F.when(sym, F.least(s, t)).otherwise(s).alias("a"),
        F.when(sym, F.greatest(s, t)).otherwise(t).alias("b"),
        article.alias("article"),
        F.coalesce(F.col("outlet_source"), F.concat(F.lit("doc:"), article)).alias("outlet"),
    )
    day_or_article = F.coalesce(F.col("day").cast("string"), F.concat(F.lit("doc:"), F.col("article")))
    keyed = keyed.withColumn("story_id", F.sha1(F.concat_ws("|", "type", "a", "b", day_or_article)))
    earliest = F.min(F.struct(F.col("published").isNull(), "published", "event_id", "goldstein", "quad_class", "cameo"))
    first_doc = F.min(F.struct(F.col("published").isNull(), "published", "doc_year", "doc_month"))
    grouped = keyed.groupBy("story_id").agg(
        F.first("type").alias("type"),
        F.first("a").alias("a"),
        F.first("b").alias("b"),
        F.first("day").alias("day"),
        F.count(F.lit(1)).cast("int").alias("num_mentions"),
        F.countDistinct("article").cast("int").alias("num_articles"),
        F.countDistinct("outlet").cast("int").alias("num_sources"),
        F.min("published").alias("first_seen"),
        F.max("published").alias("last_seen"),
        F.sort_array(F.collect_list("event_id")).alias("event_ids"),
        earliest.alias("_rep"),
        first_doc.alias("_first"),
    )
    return grouped.select(
        *STORY_COLUMNS[:11],
        F.col("_rep.goldstein").alias("goldstein"),
        F.col("_rep.quad_class").alias("quad_class"),
        F.col("_rep.cameo").alias("cameo"),
        F.when(F.col("day").isNotNull(), F.year("day")).otherwise(F.col("_first.doc_year")).alias("year"),
        F.when(F.col("day").isNotNull(), F.month("day")).otherwise(F.col("_first.doc_month")).alias("month"),
    )
