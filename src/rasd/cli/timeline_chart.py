"""The timeline as text: partnership steps (date, level, rank), then one line per month with a bar
stacked by quad class, the counts per class and the mean Goldstein score.

Colours only help: the counts are printed beside each bar, so the chart reads the same in a pipe.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from rasd.query.filters import QUAD_CLASSES
from rasd.query.timeline import Timeline

BAR_WIDTH = 30
_CLASSES = (
    ("verbal_coop", "green"),
    ("material_coop", "dark_green"),
    ("verbal_conflict", "yellow"),
    ("material_conflict", "red"),
)


def _bar(counts: list[int], scale: float) -> Text:
    text = Text()
    for n, (_key, colour) in zip(counts, _CLASSES, strict=True):
        text.append("█" * round(n * scale), style=colour)
    return text


def render_timeline(tl: Timeline, console: Console) -> None:
    steps = tl.steps.to_pylist()
    months = tl.months.to_pylist()
    console.print(Text(f"{tl.a}–{tl.b}: partnership", style="bold"))
    if not steps:
        console.print("  no partnership level stated with a date")
    width = max((len(s["level"]) for s in steps), default=0)
    for s in steps:
        step_line = f"  {s['date']:<10}  {s['level']:<{width}}  rank {s['rank']}  ({s['change']}, {s['doc_id']})"
        console.print(step_line, soft_wrap=True, highlight=False, markup=False)
    if tl.undated_partnerships:
        console.print(f"  ({tl.undated_partnerships} undated statements not placed)")
    console.print()
    legend = "  ".join(f"q{i} {name}" for i, name in QUAD_CLASSES.items())
    title = f"{tl.a}–{tl.b}: events per month ({legend}; near-duplicates counted once)"
    console.print(Text(title, style="bold"), soft_wrap=True)
    if not months:
        console.print("  no dated events")
    peak = max((m["events"] for m in months), default=0)
    scale = BAR_WIDTH / peak if peak else 0.0
    console.print(f"  {'month':<7}  {'rank':>4}  {'events':<{BAR_WIDTH + 4}}  q1 q2 q3 q4  goldstein")
    for m in months:
        counts = [m[key] for key, _ in _CLASSES]
        line = Text(f"  {m['month']:<7}  {m['rank'] if m['rank'] is not None else '':>4}  ")
        bar = _bar(counts, scale)
        line.append_text(bar)
        line.append(" " * (BAR_WIDTH - len(bar.plain) + 1) + f"{m['events']:>3}  ")
        line.append(" ".join(f"{n:>2}" for n in counts))
        if m["goldstein"] is not None:
            line.append(f"  {m['goldstein']:+.2f}")
        console.print(line, soft_wrap=True)
    if tl.undated_events:
        console.print(f"  ({tl.undated_events} undated events not counted)")
