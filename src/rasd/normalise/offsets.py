"""The original offset of each character of a folded text, kept as pieces copied whole (the matching fold
and the date fold both drop or change few characters): a list with an entry per character cost more to
build than the rest of a fold."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import overload


class Offsets(Sequence[int]):
    """The original index of each folded character, kept as pieces copied whole: a list with an entry
    per character cost more to build than the rest of the fold."""

    __slots__ = ("_length", "_origins", "_starts")

    def __init__(self, starts: list[int], origins: list[int], length: int) -> None:
        self._starts = starts
        self._origins = origins
        self._length = length

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, i: int) -> int: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[int]: ...

    def __getitem__(self, i: int | slice) -> int | Sequence[int]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self._length))]
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError(i)
        piece = bisect_right(self._starts, i) - 1
        return self._origins[piece] + i - self._starts[piece]

    def position(self, original: int) -> int:
        """``bisect_left(self, original)``: the first folded character from ``original`` on."""
        piece = bisect_right(self._origins, original) - 1
        if piece < 0:
            return 0
        end = self._starts[piece + 1] if piece + 1 < len(self._starts) else self._length
        return min(self._starts[piece] + original - self._origins[piece], end)

    def positions(self, originals: list[int]) -> list[int]:
        """``position`` of each (a document's sentence bounds at once), its steps inlined: a document
        asks for a few dozen, and the calls cost more than the bisections."""
        starts, origins, length = self._starts, self._origins, self._length
        pieces = len(starts)
        out = []
        for original in originals:
            piece = bisect_right(origins, original) - 1
            if piece < 0:
                out.append(0)
                continue
            end = starts[piece + 1] if piece + 1 < pieces else length
            out.append(min(starts[piece] + original - origins[piece], end))
        return out

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    @classmethod
    def around_runs(cls, runs: list[tuple[int, int]], original_length: int) -> Offsets:
        """The offsets of a fold that dropped these [start, end) runs of the original and kept the rest."""
        starts: list[int] = []
        origins: list[int] = []
        kept = 0
        pos = 0
        for start, end in [*runs, (original_length, original_length)]:
            if start > pos:
                starts.append(kept)
                origins.append(pos)
                kept += start - pos
            pos = end
        return cls(starts, origins, kept)
