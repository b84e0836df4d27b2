"""Per-field version records and their merge (see SYNC.md), as pure functions.

A field's state is a set of *siblings* (values written concurrently), each with its dot
``(site, counter)``, its hybrid-clock time and its author, plus a *context*: the version
vector of every dot the writers had seen. A local write replaces what it has seen with one
new sibling. Merging keeps a sibling unless the other side's context covers it without
holding it; contexts merge by per-site maximum. The merge is commutative, associative and
idempotent. The value shown is the sibling with the highest ``(hlc, site)``; more than one
distinct value among siblings is a conflict.

Encoded as JSON: a record's state is ``{field: [[sibling, …], {site: counter}]}`` and a
sibling is ``[site, counter, hlc, value, author]``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

Value = str | int | float | bool | None


@dataclass(frozen=True, slots=True)  # slots: an import may hold hundreds of thousands of them
class Sibling:
    site: str
    counter: int
    hlc: int
    value: Value
    author: str = ""

    @property
    def dot(self) -> tuple[str, int]:
        return (self.site, self.counter)

    def to_json(self) -> list[Any]:
        return [self.site, self.counter, self.hlc, self.value, self.author]

    @classmethod
    def from_json(cls, raw: list[Any]) -> Sibling:
        return cls(str(raw[0]), int(raw[1]), int(raw[2]), raw[3], str(raw[4]) if len(raw) > 4 else "")


@dataclass(frozen=True, slots=True)
class FieldState:
    siblings: tuple[Sibling, ...]
    context: dict[str, int]

    @property
    def winner(self) -> Sibling:
        """The sibling shown: highest hybrid-clock time, ties broken by site id."""
        return max(self.siblings, key=lambda s: (s.hlc, s.site, s.counter))

    @property
    def value(self) -> Value:
        return self.winner.value if self.siblings else None

    @property
    def in_conflict(self) -> bool:
        return len(self.siblings) > 1 and len({_canonical(s.value) for s in self.siblings}) > 1

    def to_json(self) -> list[Any]:
        return [[s.to_json() for s in self.siblings], dict(sorted(self.context.items()))]

    @classmethod
    def from_json(cls, raw: list[Any]) -> FieldState:
        siblings = tuple(sorted((Sibling.from_json(s) for s in raw[0]), key=_dot_order))
        return cls(siblings, {str(k): int(v) for k, v in raw[1].items()})


RecordState = dict[str, FieldState]


def _dot_order(s: Sibling) -> tuple[str, int, int]:
    return (s.site, s.counter, s.hlc)


def _canonical(value: Value) -> str:
    return json.dumps(value, sort_keys=True)


def covers(context: dict[str, int], dot: tuple[str, int]) -> bool:
    return context.get(dot[0], 0) >= dot[1]


def local_write(state: FieldState | None, sibling: Sibling) -> FieldState:
    """The field after a local write of ``sibling`` over everything this replica has seen."""
    context = dict(state.context) if state else {}
    context[sibling.site] = max(context.get(sibling.site, 0), sibling.counter)
    return FieldState((sibling,), context)


def merge_field(a: FieldState | None, b: FieldState | None) -> FieldState | None:
    """Merge two states of one field (commutative, associative, idempotent)."""
    if a is None:
        return b
    if b is None:
        return a
    a_dots = {s.dot for s in a.siblings}
    b_dots = {s.dot for s in b.siblings}
    kept: set[Sibling] = set()
    for s in a.siblings:
        if s.dot in b_dots or not covers(b.context, s.dot):
            kept.add(s)
    for s in b.siblings:
        if s.dot in a_dots or not covers(a.context, s.dot):
            kept.add(s)
    # The same dot always carries the same write; keep one copy per dot.
    by_dot: dict[tuple[str, int], Sibling] = {}
    for s in sorted(kept, key=_dot_order):
        by_dot.setdefault(s.dot, s)
    context = dict(a.context)
    for site, counter in b.context.items():
        if counter > context.get(site, 0):
            context[site] = counter
    return FieldState(tuple(sorted(by_dot.values(), key=_dot_order)), context)


def merge_record(a: RecordState, b: RecordState) -> RecordState:
    """Field-by-field merge of two record states."""
    merged: RecordState = {}
    for name in a.keys() | b.keys():
        state = merge_field(a.get(name), b.get(name))
        if state is not None:
            merged[name] = state
    return merged


_RECORD_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
"""One encoder for every record (``json.dumps`` with options builds a new one per call)."""


def encode_record(state: RecordState) -> str:
    return _RECORD_JSON({k: v.to_json() for k, v in sorted(state.items())})


def decode_record(text: str) -> RecordState:
    return {k: FieldState.from_json(v) for k, v in json.loads(text).items()}


def record_in_conflict(state: RecordState) -> bool:
    return any(f.in_conflict for f in state.values())


def max_hlc(state: RecordState) -> int:
    return max((s.hlc for f in state.values() for s in f.siblings), default=0)
