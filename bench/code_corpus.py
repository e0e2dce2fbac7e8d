"""Benchmark: code the SaudiNewsNet corpus from ../shared as `rasd code` does, and print docs/s and MB/s
per core, peak RSS, and the tokenising limit of the same documents with the ratio between the two.

Run on demand (not part of the tests):
    .venv/bin/python bench/code_corpus.py [--limit N] [--workers N] [--corpus DIR]
    .venv/bin/python bench/code_corpus.py --matrix   # 3,000 vs all documents, 1 vs 2 workers

One run reads the corpus twice, streaming: first the tokenising limit (unzip, parse the JSON, strip the
diacritics and split words with a regex, in Python: what any Python coder must at least do), then the
coding (read, decode, code, serialise each result as the JSON line `rasd code` writes). Nothing is kept
but counters, so peak RSS measures the coder, its lexicons and models, not the corpus. Rates are given
per wall-clock second and per CPU second (the latter is the per-core rate, and is what stays comparable
on a machine shared with other work). `--matrix` runs the three configurations as separate processes
(peak RSS is per process) and prints the memory growth and the speed-up.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import re
import resource
import subprocess
import sys
import time
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from rasd.normalise.language import language_of
from rasd.pipeline import code_many
from rasd.read import FieldMap, read_inputs
from rasd.records import CodedDocument, Document, Problem
from rasd.resources import load_resources

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "saudinewsnet"
FIELDS = FieldMap(text="content", id="url", title="title")
_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")
_WORD = re.compile(r"\w+")


def _limited(items: Iterable[Document | Problem], limit: int | None) -> Iterator[Document | Problem]:
    for n, item in enumerate(items):
        if limit is not None and n >= limit:
            return
        yield item


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the worker processes)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def tokenising_limit(zips: list[str], limit: int | None) -> tuple[int, int, float, float]:
    """(documents, UTF-8 bytes of text, wall s, CPU s) to unzip, parse, strip diacritics and tokenise."""
    docs = size = 0
    t0, c0 = time.perf_counter(), _cpu()
    for path in zips:
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                with zf.open(name) as fh:
                    items = json.load(io.TextIOWrapper(fh, encoding="utf-8"))
                for item in items:
                    if limit is not None and docs >= limit:
                        break
                    text = item.get("content") or ""
                    docs += 1
                    size += len(text.encode("utf-8"))
                    _WORD.findall(_DIACRITICS.sub("", text))
    return docs, size, time.perf_counter() - t0, _cpu() - c0


def code_corpus(zips: list[str], limit: int | None, workers: int) -> tuple[Counter[str], float, float]:
    """Counters, wall s and CPU s of coding the corpus and serialising every result."""
    counts: Counter[str] = Counter()
    res = load_resources()
    t0, c0 = time.perf_counter(), _cpu()
    for result in code_many(_limited(read_inputs(zips, FIELDS), limit), res, workers):
        if not isinstance(result, CodedDocument):
            counts["problems"] += 1
            continue
        counts["documents"] += 1
        counts["bytes"] += len(json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8"))
        counts["events"] += len(result.events)
        counts["people"] += len(result.people)
        counts["not_arabic"] += "not-arabic" in result.flags
    return counts, time.perf_counter() - t0, _cpu() - c0


def machine() -> str:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        model = next((ln.split(":", 1)[1].strip() for ln in cpuinfo.read_text().splitlines() if "model name" in ln), "")
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    cores = os.cpu_count()
    return f"{model or platform.processor()} ({cores} cores, {mem:.0f} GiB), Python {platform.python_version()}"


def run_once(args: argparse.Namespace, zips: list[str]) -> None:
    t0 = time.perf_counter()
    res = load_resources()
    language_of("loaded once per process, like the lexicons", res.settings.min_arabic_share)
    print(f"machine: {machine()}")
    print(f"lexicons and language models loaded in {time.perf_counter() - t0:.2f} s")
    docs, size, _wall, tok_cpu = tokenising_limit(zips, args.limit)
    mb, limit_rate = size / 1e6, docs / tok_cpu
    print(
        f"tokenising limit: {docs} items, {mb:.1f} MB of text: "
        f"{limit_rate:.0f} docs/s, {mb / tok_cpu:.1f} MB/s per core"
    )
    counts, wall, cpu = code_corpus(zips, args.limit, args.workers)
    coded, items = counts["documents"], counts["documents"] + counts["problems"]
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"coded: {items} items, {coded} documents, {counts['problems']} problems, {counts['events']} events, "
        f"{counts['people']} people, {counts['not_arabic']} not arabic, output {counts['bytes'] / 1e6:.1f} MB"
    )
    per_core = items / cpu
    print(
        f"coding with {args.workers} process(es): {wall:.1f} s wall, {items / wall:.0f} docs/s, {mb / wall:.2f} MB/s; "
        f"per core {per_core:.0f} docs/s, {mb / cpu:.2f} MB/s"
    )
    print(f"ratio to the tokenising limit: {per_core / limit_rate:.3f} ({limit_rate / per_core:.1f}x slower)")
    print(f"peak RSS {own:.0f} MB" + (f" (largest worker {kids:.0f} MB)" if args.workers > 1 else ""))
    print(f"RESULT items={items} wall={wall:.2f} cpu={cpu:.2f} rss={own:.1f} worker_rss={kids:.1f}")


def _result(args: list[str]) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=True).stdout
    print(out, end="")
    line = next(ln for ln in out.splitlines() if ln.startswith("RESULT "))
    return {k: float(v) for k, v in (kv.split("=") for kv in line.split()[1:])}


def matrix(corpus: Path) -> None:
    """3,000 vs all items (memory must not grow) and 1 vs 2 workers (speed-up), each its own process."""
    base = ["--corpus", str(corpus)]
    small = _result([*base, "--limit", "3000"])
    whole = _result(base)
    two = _result([*base, "--workers", "2"])
    growth = whole["rss"] / small["rss"] - 1
    print(
        f"peak RSS: {small['rss']:.0f} MB at 3,000 items, {whole['rss']:.0f} MB at {whole['items']:.0f} ({growth:+.1%})"
    )
    print(
        f"1 worker {whole['items'] / whole['wall']:.0f} docs/s, 2 workers {two['items'] / two['wall']:.0f} docs/s: "
        f"{whole['wall'] / two['wall']:.2f}x"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="stop after N items")
    ap.add_argument("--workers", type=int, default=1, help="coding processes (rasd code --workers)")
    ap.add_argument("--matrix", action="store_true", help="3,000 vs all items, 1 vs 2 workers")
    args = ap.parse_args()
    zips = sorted(str(p) for p in args.corpus.glob("*.zip"))
    if not zips:
        raise SystemExit(f"no .zip files under {args.corpus}")
    if args.matrix:
        matrix(args.corpus)
    else:
        run_once(args, zips)


if __name__ == "__main__":
    main()
