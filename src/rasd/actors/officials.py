"""Officials the lexicon does not know, added to a document's people (the reading is in unknown.py):
which state each acts for comes from the role phrase around the name."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

import ahocorasick

from rasd.actors.types import ActorMention
from rasd.actors.unknown import ROLE_REACH, given_names, is_weak, read_name, role_before
from rasd.normalise.match import Hit
from rasd.records import Person
from rasd.resources import ActorKey

if TYPE_CHECKING:
    from rasd.actors.mentions import _Builder

_TOKEN = re.compile(r"[\u0621-\u064a]+")


_ROLE_KINDS = ("country", "adj", "title", "org", "org_adj")


_WEAK_REACH = 14  # a weak given name must follow its role word closely («اللواء حسن …»)


def unknown_people(b: _Builder, hits: list[Hit[ActorKey]]) -> None:
    """Officials the lexicon does not know, named after a role («اللواء إبراهيم الحمزي»); each acts
    for the state or organisation named in the role phrase just before the name."""
    norm = b.norm.text
    covered = bytearray(len(norm) + 1)  # 1 where a mention is: a name read as someone else's is free
    for m in b.mentions:
        covered[m.norm_start : m.norm_end] = b"\x01" * (m.norm_end - m.norm_start)
    last_code: str | None = None
    last_end = -1
    for start, word in _named_tokens(norm):
        if start < last_end:
            continue
        if covered[start] or not role_before(norm, start):
            continue
        if is_weak(word) and not role_before(norm, start, _WEAK_REACH):
            continue
        if b.text[b.norm.index[start] : b.norm.index[start] + 3] == "على":
            continue  # the preposition, not the name «علي»
        found = read_name(norm, start)
        if found is None:
            continue
        code = (
            _code_after(b, found.end)
            or _code_before(b, start)
            or (last_code if start - last_end < 20 else None)
            or b.home
            or _most_named(b)
        )
        if code is None:
            continue
        key = f"~{found.name_en}"
        span = b.span(found.start, found.end)
        person = b.people.setdefault(key, Person(found.name_en, span.slice(b.text), code, None, None, []))
        person.mentions.append(span)
        b.mentions.append(ActorMention(found.start, found.end, span, code, "unknown", None, None))
        last_code, last_end = code, found.end


def _named_tokens(norm: str) -> list[tuple[int, str]]:
    """(offset, token) of the Arabic tokens that are given names or «عبد», in text order: the automaton
    finds the names wherever they occur, and a match that is a whole token (no Arabic letter on either
    side) is one; the text is never split into all its tokens."""
    found: list[tuple[int, str]] = []
    last = len(norm) - 1
    for end, word in _names_automaton().iter(norm):
        start = end + 1 - len(word)
        if (start == 0 or not "\u0621" <= norm[start - 1] <= "\u064a") and (
            end == last or not "\u0621" <= norm[end + 1] <= "\u064a"
        ):
            found.append((start, word))
    return found


@lru_cache(maxsize=1)
def _names_automaton() -> ahocorasick.Automaton:
    """The given names and «عبد» (each an Arabic token, as the text's tokens are) in one automaton."""
    automaton = ahocorasick.Automaton()
    for word in {*given_names(), "عبد"}:
        if _TOKEN.fullmatch(word):
            automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


def _code_after(b: _Builder, end: int) -> str | None:
    """A title in apposition right after the name («إدريس ديبي رئيس جمهورية تشاد»)."""
    for m in b.mentions:
        if 0 <= m.norm_start - end <= 14 and m.kind == "title" and len(b.norm.text[end : m.norm_start].split()) <= 1:
            return m.code
    return None


def _code_before(b: _Builder, start: int) -> str | None:
    """The actor named in the role phrase right before ``start`` (same sentence, close by)."""
    norm = b.norm.text
    for m in sorted(b.mentions, key=lambda x: x.norm_start, reverse=True):
        if m.norm_end > start or m.kind not in _ROLE_KINDS:
            continue
        if start - m.norm_end > ROLE_REACH or "." in norm[m.norm_end : start] or "\n" in norm[m.norm_end : start]:
            return None
        if norm[max(0, m.norm_start - 4) : m.norm_start] == "لدي ":
            continue  # «السفير التونسي لدى روسيا»: the host state, not the envoy's
        return m.code
    return None


def _most_named(b: _Builder) -> str | None:
    """The state the document names most: where an official named with no state at all serves."""
    counts = Counter(b.states)
    return counts.most_common(1)[0][0] if counts else None
