"""The per-field merge is commutative, associative and idempotent, and loses no write."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from entraide_desktop.data.versions import FieldState, Sibling, local_write, merge_field

SITES = ["a", "b", "c"]


@st.composite
def histories(draw):
    """Three replicas writing one field and exchanging states in random order; returns their states."""
    states: dict[str, FieldState | None] = {s: None for s in SITES}
    counters = dict.fromkeys(SITES, 0)
    written: list[Sibling] = []
    hlc = 0
    for _ in range(draw(st.integers(0, 12))):
        if draw(st.booleans()):
            site = draw(st.sampled_from(SITES))
            counters[site] += 1
            hlc += draw(st.integers(-3, 5))  # clocks may go backwards
            sibling = Sibling(site, counters[site], hlc, draw(st.sampled_from(["x", "y", "z", None])), site)
            states[site] = local_write(states[site], sibling)
            written.append(sibling)
        else:
            source, target = draw(st.sampled_from(SITES)), draw(st.sampled_from(SITES))
            states[target] = merge_field(states[target], states[source])
    return states, written


def same(a, b):
    if a is None or b is None:
        return a is b
    return set(a.siblings) == set(b.siblings) and a.context == b.context


@settings(max_examples=300, deadline=None, derandomize=True)
@given(histories())
def test_commutative_associative_idempotent(data):
    states, _ = data
    a, b, c = (states[s] for s in SITES)
    assert same(merge_field(a, b), merge_field(b, a))
    assert same(merge_field(merge_field(a, b), c), merge_field(a, merge_field(b, c)))
    assert same(merge_field(a, a), a)
    assert same(merge_field(merge_field(a, b), b), merge_field(a, b))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(histories())
def test_no_write_is_lost(data):
    states, written = data
    merged = None
    for s in SITES:
        merged = merge_field(merged, states[s])
    if merged is None:
        return
    # Every write that reached a replica is either a sibling or covered by a later write.
    dots = {s.dot for s in merged.siblings}
    for sibling in written:
        assert sibling.dot in dots or merged.context.get(sibling.site, 0) >= sibling.counter


def test_concurrent_writes_are_siblings_and_a_later_write_covers_them():
    base = local_write(None, Sibling("a", 1, 10, "x"))
    left = local_write(base, Sibling("a", 2, 20, "left"))
    right = local_write(base, Sibling("b", 1, 15, "right"))
    merged = merge_field(left, right)
    assert {s.value for s in merged.siblings} == {"left", "right"} and merged.in_conflict
    assert merged.value == "left"  # the latest clock is shown
    resolved = local_write(merged, Sibling("b", 2, 30, "both"))
    final = merge_field(resolved, left)
    assert [s.value for s in final.siblings] == ["both"] and not final.in_conflict
