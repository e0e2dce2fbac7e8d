"""Benchmark: code the whole SaudiNewsNet corpus from ../shared and print docs/s and peak RSS.

Run on demand (not part of the tests):
    .venv/bin/python bench/code_corpus.py [--limit N] [--corpus DIR]

Documents stream through the pipeline one at a time; nothing is kept but counters, so peak RSS
measures the coder and its lexicons, not the corpus.
"""

from __future__ import annotations

import argparse
import platform
import resource
import time
from collections import Counter
from pathlib import Path

from rasd.pipeline import code_many
from rasd.read import FieldMap, read_inputs
from rasd.records import CodedDocument
from rasd.resources import load_resources

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "saudinewsnet"


def _limited(items, limit: int | None):
    for n, item in enumerate(items):
        if limit is not None and n >= limit:
            return
        yield item


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="stop after N documents")
    args = ap.parse_args()
    zips = sorted(str(p) for p in args.corpus.glob("*.zip"))
    if not zips:
        raise SystemExit(f"no .zip files under {args.corpus}")
    t0 = time.perf_counter()
    load_resources()
    t_load = time.perf_counter() - t0
    counts: Counter[str] = Counter()
    t1 = time.perf_counter()
    items = _limited(read_inputs(zips, FieldMap(text="content", id="url", title="title")), args.limit)
    for result in code_many(items):
        if not isinstance(result, CodedDocument):
            counts["problems"] += 1
            continue
        counts["documents"] += 1
        counts["events"] += len(result.events)
        counts["people"] += len(result.people)
        counts["partnerships"] += len(result.partnerships)
        counts["with_dateline"] += result.dateline is not None
        counts["not_arabic"] += "not-arabic" in result.flags
    elapsed = time.perf_counter() - t1
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    docs = counts["documents"]
    print(f"machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()}")
    print(f"lexicons loaded in {t_load:.2f} s")
    print(
        f"documents {docs}, problems {counts['problems']}, events {counts['events']}, "
        f"people {counts['people']}, partnerships {counts['partnerships']}, "
        f"with dateline {counts['with_dateline']}, not arabic {counts['not_arabic']}"
    )
    print(f"coded in {elapsed:.1f} s: {docs / elapsed:.0f} docs/s on one core; peak RSS {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
