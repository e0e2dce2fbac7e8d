"""What a pattern's every match must contain, read from the compiled pattern itself.

The date forms are long patterns that open with lookbehinds, so the regex engine cannot skip ahead to
where they may start and tries them at every position of a window. Most of them hold a word that every
match consumes (a month name, «اليوم», «عام» …); a window without any of those words cannot hold a match
and need not be scanned. The analysis is conservative: where it is unsure it requires nothing.
"""

from __future__ import annotations

import re
from itertools import product
from math import prod
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

_MAX_STRINGS = 2048  # a literal run with more spellings than this is not expanded
_MAX_RANGE = 64  # character ranges wider than this are not expanded

_Strings = frozenset[str]


def _chars(items: list[tuple[Any, Any]]) -> _Strings | None:
    """The characters a class [...] matches, when it is a short plain list."""
    out: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            out.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] < _MAX_RANGE:
            out.update(chr(x) for x in range(av[0], av[1] + 1))
        else:  # NEGATE, CATEGORY (\w, \d …), wide ranges
            return None
    return frozenset(out)


def _product(left: _Strings, right: _Strings) -> _Strings | None:
    if len(left) * len(right) > _MAX_STRINGS:
        return None
    return frozenset(a + b for a in left for b in right)


def _exact_seq(items: Any) -> _Strings | None:
    """Every string a sequence consumes, when that is a small finite set."""
    out: _Strings | None = frozenset({""})
    for op, av in items:
        alts = _exact(op, av)
        if alts is None or out is None:
            return None
        out = _product(out, alts)
    return out


def _exact(op: Any, av: Any) -> _Strings | None:
    """Every string one element consumes (zero-width assertions consume ''), or None."""
    if op is c.LITERAL:
        return frozenset({chr(av)})
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
        return frozenset({""})
    if op is c.IN:
        return _chars(av)
    if op is c.SUBPATTERN:
        return _exact_seq(av[-1])
    if op is c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            alts = _exact_seq(branch)
            if alts is None:
                return None
            out |= alts
        return frozenset(out) if len(out) <= _MAX_STRINGS else None
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[1] == 1 and av[0] in (0, 1):
        alts = _exact_seq(av[2])
        if alts is None:
            return None
        return alts | {""} if av[0] == 0 else alts
    return None


# Strings one of which every match consumes, with bounds on where: the most characters consumed
# before the string starts, and from its start to the end of the part analysed, the most consumed and
# the most read (None: unbounded).
_Need = tuple[_Strings, int | None, int | None, int | None]


def _valid(need: _Need | None) -> bool:
    return need is not None and bool(need[0]) and "" not in need[0]


def _better(a: _Need | None, b: _Need | None) -> _Need | None:
    """The more selective of two requirements: longer shortest string, then fewer strings."""
    if not _valid(a):
        return b if _valid(b) else None
    if not _valid(b):
        return a
    return max(a, b, key=lambda n: (min(map(len, n[0])), -len(n[0])))


def _best(options: list[_Need]) -> _Need | None:
    best: _Need | None = None
    for need in options:
        best = _better(best, need)
    return best


_MAX_CHOICES = 4096  # ways of picking one requirement per branch that are compared


def _branch(options: list[list[_Need]]) -> _Need | None:
    """One requirement per branch, joined: the choice whose strings hold the fewest distinct words, so
    that branches which share a word are gated on it («غد» in «بعد غد», «يوم غد», «غدا»), not on a
    common word of one branch («بعد», «يوم»); else longer shortest string, then fewer strings."""
    if any(not branch for branch in options):
        return None
    if prod(map(len, options)) > _MAX_CHOICES:
        options = [[_best(branch)] for branch in options]  # type: ignore[list-item]
    chosen: _Need | None = None
    chosen_key: tuple[int, int, int] | None = None
    for pick in product(*options):
        strings = frozenset().union(*(need[0] for need in pick))
        before, consumed, read = (_most(need[i] for need in pick) for i in (1, 2, 3))
        key = (min(map(len, strings)), -len(_words(strings)), -len(strings))
        if chosen_key is None or key > chosen_key:
            chosen, chosen_key = (strings, before, consumed, read), key
    return chosen


def _words(strings: _Strings) -> _Strings:
    """The strings that hold none of the others: a text that holds one of ``strings`` holds one of these."""
    return frozenset(s for s in strings if not any(t != s and t in s for t in strings))


def _span(items: Any) -> _Reach | None:
    """(most consumed, most read) of a sequence analysed on its own (a back reference to a group
    outside it counts as unbounded)."""
    return _reach_seq(items, {})


def _placed(strings: _Strings, head: Any, inner: tuple[int | None, ...], tail: Any) -> _Need:
    """A requirement found in one part of a sequence, ``inner`` its bounds within that part, with its
    bounds within the whole; ``head`` and ``tail`` are the items before and after the part."""
    before, consumed, read = inner
    ahead, behind = _span(head), _span(tail)
    before = None if before is None or ahead is None else ahead[0] + before
    if consumed is None or read is None or behind is None:
        return strings, before, None, None
    return strings, before, consumed + behind[0], max(read, consumed + behind[1])


def _run(strings: _Strings, items: list[Any], start: int, stop: int) -> _Need:
    """The strings of the exactly known items ``items[start:stop]``, which start where the run does."""
    whole = _span(items[start:stop])
    inner = (0, None, None) if whole is None else (0, *whole)
    return _placed(strings, items[:start], inner, items[stop:])


def _required_seq(items: Any) -> _Need | None:
    """Strings one of which every match of a sequence consumes, or None when none is known."""
    return _best(_options_seq(items))


def _options_seq(items: Any) -> list[_Need]:
    """Every requirement found in a sequence: each run of exactly known items, each requirement of an
    item that every match goes through."""
    items = list(items)
    out: list[_Need] = []
    run: _Strings = frozenset({""})
    run_at = 0  # where the run of exactly known items starts
    for k, (op, av) in enumerate(items):
        alts = _exact(op, av)
        if alts is not None:
            joined = _product(run, alts)
            if joined is not None:
                run = joined
                continue
            out.append(_run(run, items, run_at, k))
            run, run_at = alts, k
            continue
        out.append(_run(run, items, run_at, k))
        run, run_at = frozenset({""}), k + 1
        inner = _required(op, av)
        if inner is not None:
            out.append(_placed(inner[0], items[:k], inner[1:], items[k + 1 :]))
    out.append(_run(run, items, run_at, len(items)))
    return [need for need in out if _valid(need)]


def _required(op: Any, av: Any) -> _Need | None:
    if op is c.SUBPATTERN:
        return _required_seq(av[-1])
    if op is c.ATOMIC_GROUP:
        return _required_seq(av)
    if op is c.BRANCH:
        return _branch([_options_seq(branch) for branch in av[1]])
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
        need = _required_seq(av[2])
        if need is None or av[1] == 1:
            return need
        return need[0], need[1], None, None  # the first iteration holds it; the others are not counted
    return None


def _most(values: Any) -> int | None:
    """The largest of ``values``, None (unbounded) if any is."""
    values = list(values)
    return None if any(v is None for v in values) else max(values)


def required(pattern: re.Pattern[str]) -> _Need | None:
    """Strings one of which every match of ``pattern`` consumes, with (before, consumed, read): the most
    characters a match consumes before the string starts, and consumes and reads from its start
    (None: unbounded; a run of blanks counts as one blank, as in ``reach``). None when the analysis
    finds no strings. Case-insensitive patterns are not analysed."""
    if pattern.flags & re.IGNORECASE:
        return None
    return _required_seq(_parser.parse(pattern.pattern, pattern.flags))


def required_strings(pattern: re.Pattern[str]) -> _Strings | None:
    """Strings one of which every match of ``pattern`` consumes, or None when the analysis finds none."""
    need = required(pattern)
    return None if need is None else need[0]


def around_group(pattern: re.Pattern[str], group: str) -> tuple[int, int] | None:
    """(before, read): the most characters a match of ``pattern`` consumes before ``group`` starts and
    the most an attempt reads from there, for a group every match consumes once (reached through
    groups only, not through an alternation or a repeat); None when unknown. Blanks as in ``reach``."""
    found = _group_seq(_parser.parse(pattern.pattern, pattern.flags), pattern.groupindex[group])
    if found is None or found[0] is None or found[2] is None:
        return None
    return found[0], found[2]


def _group_seq(items: Any, group: int) -> tuple[int | None, ...] | None:
    """(before, consumed, read) of numbered group ``group`` in a sequence, as ``_placed`` gives them."""
    items = list(items)
    for k, (op, av) in enumerate(items):
        if op is not c.SUBPATTERN:
            continue
        if av[0] == group:
            whole = _span(av[-1])
            inner: tuple[int | None, ...] | None = (0, None, None) if whole is None else (0, *whole)
        else:
            inner = _group_seq(av[-1], group)
        if inner is not None:
            return _placed(frozenset(), items[:k], inner, items[k + 1 :])[1:]
    return None


_BLANK = [(c.LITERAL, ord(" "))]
_Reach = tuple[int, int]  # (most characters consumed, most characters read), from the start


def reach(pattern: re.Pattern[str]) -> int | None:
    """The most characters an attempt to match ``pattern`` reads from where it starts (lookaheads
    included, lookbehinds read before it), or None when unbounded. A run of blanks counts as one
    blank, which is all the folded text holds (folding.py): the caller checks that."""
    found = _reach_seq(_parser.parse(pattern.pattern, pattern.flags), {})
    return None if found is None else found[1]


def _reach_seq(items: Any, groups: dict[int, int]) -> _Reach | None:
    """Reach of a sequence; ``groups`` collects the widest each numbered group consumes."""
    consumed = read = 0
    for op, av in items:
        one = _reach(op, av, groups)
        if one is None:
            return None
        read = max(read, consumed + one[1])
        consumed += one[0]
    return consumed, max(read, consumed)


def _reach(op: Any, av: Any, groups: dict[int, int]) -> _Reach | None:
    if op in (c.LITERAL, c.NOT_LITERAL, c.ANY, c.IN):
        return 1, 1
    if op is c.AT:
        return 0, 1  # \b, $ … look at the character ahead
    if op is c.SUBPATTERN:
        inner = _reach_seq(av[-1], groups)
        if inner is not None and av[0] is not None:
            groups[av[0]] = inner[0]
        return inner
    if op is c.GROUPREF:
        return (groups[av], groups[av]) if av in groups else None
    if op is c.ATOMIC_GROUP:
        return _reach_seq(av, groups)
    if op is c.BRANCH:
        alts = [_reach_seq(branch, groups) for branch in av[1]]
        if any(a is None for a in alts):
            return None
        return max(a[0] for a in alts if a), max(a[1] for a in alts if a)
    if op in (c.ASSERT, c.ASSERT_NOT):
        inner = _reach_seq(av[1], groups)
        if inner is None:
            return None
        # a lookbehind starts its fixed width back, so it reads ahead only what it reads past that
        return (0, inner[1]) if av[0] > 0 else (0, max(0, inner[1] - inner[0]))
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, high, body = av
        if high == c.MAXREPEAT:
            # a blank repeated: one blank, then the character that ends the run
            return (1, 2) if list(body) == _BLANK else None
        one = _reach_seq(body, groups)
        if one is None or high == 0:
            return None if one is None else (0, 0)
        return high * one[0], (high - 1) * one[0] + one[1]
    return None  # conditionals and the like: not needed by the date forms
