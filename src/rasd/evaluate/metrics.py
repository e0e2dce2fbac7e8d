"""Precision, recall and F1 of coded documents against gold, with the contract's matching rules.

Actors compare on the code before the first hyphen; CONSULT, AGREE, COOPERATE and gold events marked
joint compare as unordered pairs; a gold date of month or year precision matches any predicted date
inside it and an undated gold event matches on type and pair; people match on a folded English name
within the same country, allowing near spellings; partnerships compare on pair and core level.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
NAME_RATIO = 0.88
_MODIFIERS = re.compile(r"\b(?:for|in) (?:a|the) new era\b|\bnew[- ]era\b|\bpermanent\b", re.I)
_FOLDS = (
    (r"\b(?:mohamm?ed|muhamm?ad|mohamad|muhamed|mohamed)\b", "mohammed"),
    (r"\b(?:abdel|abdul|abd al|abd el|abdal)\s*", "abd "),
    (r"\b(?:al|el|ad|ash|as|at|az|ar|an)\s+(?=\w)", ""),
    (r"\bibn\b", "bin"),
    (r"\b(?:sheikh|shaikh|prince|king|emir|amir|sayyid|dr|mr|mrs|ms)\b", ""),
    (r"ou", "u"),
    (r"ee", "i"),
    (r"([a-z])\1", r"\1"),
)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def code_of(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("code") or value.get("country") or ""
    return str(value or "").split("-")[0].strip().upper()


def _type(ev: dict[str, Any]) -> str:
    return str(ev.get("type", "")).strip().upper()


def _unordered(ev: dict[str, Any]) -> bool:
    return _type(ev) in SYMMETRIC or bool(ev.get("joint"))


def _pair(ev: dict[str, Any]) -> tuple[str, str]:
    a, b = code_of(ev.get("source")), code_of(ev.get("target"))
    return (min(a, b), max(a, b)) if _unordered(ev) else (a, b)


def _date(ev: dict[str, Any]) -> str:
    return str(ev.get("date") or "")[:10]


def match_events(gold: list[dict[str, Any]], pred: list[dict[str, Any]], with_date: bool) -> tuple[int, int, int]:
    """Greedy one-to-one matching of distinct event keys."""

    def key(ev: dict[str, Any]) -> tuple[str, tuple[str, str], str]:
        return _type(ev), _pair(ev), _date(ev) if with_date else ""

    gold_keys = {key(e): e for e in gold}
    pred_keys = sorted({key(e) for e in pred})
    used: set[tuple[str, tuple[str, str], str]] = set()
    for gk in sorted(gold_keys):
        gtype, gpair, gdate = gk
        unordered = _unordered(gold_keys[gk])
        for pk in pred_keys:
            ptype, ppair, pdate = pk
            if pk in used or ptype != gtype:
                continue
            same = ppair == gpair or (unordered and (min(ppair), max(ppair)) == gpair)
            if same and (not gdate or pdate.startswith(gdate)):
                used.add(pk)
                break
    tp = len(used)
    return tp, len(pred_keys) - tp, len(gold_keys) - tp


def core_level(level: Any) -> str:
    text = _MODIFIERS.sub(" ", unicodedata.normalize("NFKC", str(level or "")).lower())
    return " ".join(re.sub(r"[^a-z ]+", " ", text).split())


def _partnership_keys(items: Iterable[dict[str, Any]]) -> set[tuple[tuple[str, str], str]]:
    out = set()
    for x in items:
        a, b = code_of(x.get("a")), code_of(x.get("b"))
        out.add(((min(a, b), max(a, b)), core_level(x.get("level"))))
    return out


def person_key(p: dict[str, Any]) -> tuple[str, str]:
    name = unicodedata.normalize("NFKD", str(p.get("name", "")))
    name = "".join(c for c in name if not unicodedata.combining(c)).lower()
    name = re.sub(r"[^a-z ]+", " ", name.replace("-", " ").replace("'", ""))
    name = " ".join(name.split())
    for pattern, repl in _FOLDS:
        name = re.sub(pattern, repl, name)
    return " ".join(name.split()), code_of(p.get("country"))


def match_people(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> tuple[int, int, int]:
    gkeys, pkeys = sorted({person_key(x) for x in gold}), sorted({person_key(x) for x in pred})
    used: set[tuple[str, str]] = set()
    for gname, gcountry in gkeys:
        best, best_ratio = None, 0.0
        for pk in pkeys:
            if pk in used or pk[1] != gcountry:
                continue
            ratio = 1.0 if pk[0] == gname else difflib.SequenceMatcher(None, gname, pk[0]).ratio()
            if ratio > best_ratio:
                best, best_ratio = pk, ratio
        if best is not None and best_ratio >= NAME_RATIO:
            used.add(best)
    return len(used), len(pkeys) - len(used), len(gkeys) - len(used)


@dataclass
class Report:
    totals: dict[str, Counts] = field(default_factory=dict)
    per_type: dict[str, Counts] = field(default_factory=dict)
    per_doc: list[dict[str, Any]] = field(default_factory=list)
    published_ok: int = 0
    published_n: int = 0

    @property
    def published_accuracy(self) -> float | None:
        return self.published_ok / self.published_n if self.published_n else None


METRICS = ("events.typed_dyad", "events.full", "events.type_only", "partnerships", "people")


def score(gold: dict[str, dict[str, Any]], pred: dict[str, dict[str, Any]]) -> Report:
    report = Report(totals={m: Counts() for m in METRICS})
    for doc_id, g in gold.items():
        p = pred.get(doc_id, {})
        gev, pev = g.get("events") or [], p.get("events") or []
        row: dict[str, Any] = {"id": doc_id}
        gt, pt = {_type(e) for e in gev}, {_type(e) for e in pev}
        parts = {
            "events.type_only": (len(gt & pt), len(pt - gt), len(gt - pt)),
            "events.typed_dyad": match_events(gev, pev, False),
            "events.full": match_events(gev, pev, True),
            "people": match_people(g.get("people") or [], p.get("people") or []),
        }
        gp, pp = _partnership_keys(g.get("partnerships") or []), _partnership_keys(p.get("partnerships") or [])
        parts["partnerships"] = (len(gp & pp), len(pp - gp), len(gp - pp))
        for name, counts in parts.items():
            report.totals[name].add(*counts)
            row[name] = counts
        for t in gt | pt:
            report.per_type.setdefault(t, Counts()).add(
                *match_events([e for e in gev if _type(e) == t], [e for e in pev if _type(e) == t], False)
            )
        if g.get("published"):
            report.published_n += 1
            report.published_ok += str(p.get("published") or "")[:10] == str(g["published"])[:10]
        report.per_doc.append(row)
    return report
