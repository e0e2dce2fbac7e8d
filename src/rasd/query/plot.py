"""The timeline as a picture (``rasd timeline A B --png FILE``): partnership rank as a step line over
monthly event counts stacked by quad class, with the mean Goldstein score on a second axis.

matplotlib is imported here only, with the Agg backend through ``Figure`` (no pyplot, no global
figure state, no display needed).
"""

from __future__ import annotations

import os
from pathlib import Path

from rasd.query.filters import QUAD_CLASSES
from rasd.query.timeline import Timeline

_COLOURS = {
    "verbal_coop": "#7fbf7b",
    "material_coop": "#1b7837",
    "verbal_conflict": "#f1a340",
    "material_conflict": "#b2182b",
}


def plot_timeline(tl: Timeline, path: str | os.PathLike[str]) -> Path:
    """Write the timeline plot to ``path`` (PNG, or any format matplotlib infers from the suffix)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    months = tl.months.to_pylist()
    labels = [m["month"] for m in months]
    x = list(range(len(labels)))
    fig = Figure(figsize=(max(6.0, 0.35 * len(labels) + 2), 6.0), layout="constrained")
    FigureCanvasAgg(fig)
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=(1, 2))
    ranks = [m["rank"] if m["rank"] is not None else 0 for m in months]
    top.step(x, ranks, where="post", color="#2166ac")
    for step in tl.steps.to_pylist():
        if step["date"][:7] in labels:
            i = labels.index(step["date"][:7])
            top.annotate(step["level"], (i, step["rank"]), textcoords="offset points", xytext=(2, 4), fontsize=7)
    top.set_ylabel("partnership rank")
    top.yaxis.set_major_locator(MaxNLocator(integer=True))
    top.set_title(f"{tl.a}–{tl.b}")
    base = [0] * len(x)
    for (key, colour), name in zip(_COLOURS.items(), QUAD_CLASSES.values(), strict=True):
        heights = [m[key] for m in months]
        bottom.bar(x, heights, bottom=base, color=colour, label=name)
        base = [b + h for b, h in zip(base, heights, strict=True)]
    bottom.set_ylabel("events per month")
    bottom.legend(loc="upper left", fontsize=7)
    gold = bottom.twinx()
    gold.plot(
        [i for i, m in zip(x, months, strict=True) if m["goldstein"] is not None],
        [m["goldstein"] for m in months if m["goldstein"] is not None],
        color="black",
        marker="o",
        linewidth=1,
    )
    gold.set_ylim(-10, 10)
    gold.set_ylabel("mean Goldstein")
    bottom.set_xticks(x, labels, rotation=90, fontsize=7)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=120)
    return out
