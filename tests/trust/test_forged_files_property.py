"""A Hypothesis property: files forged from a valid group key, with random counters, clocks,
tombstones, repetition rules, values and sizes, never crash an import, stay within a stated
memory bound, and leave an honest machine's data intact (and its later edits still arrive)."""

from __future__ import annotations

import json
import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entraide_desktop.data import rows
from entraide_desktop.data.clock import DAY_MS, now_ms, pack, wall_ms
from entraide_desktop.data.database_file import integrity_check
from entraide_desktop.data.sync import exchange
from entraide_desktop.data.sync.container import BundleRefused
from tests.sync.helpers import new_group
from tests.trust.forge import forge

MEMORY_BOUND = 256 * 1024 * 1024
"""Peak memory allocated by one import of a forged file of at most about 1 MB (see docs/sync.md)."""
FORGER = "f0f0f0f0f0f0f0f0"

SITES = st.sampled_from([FORGER, "0123456789abcdef", "pas-un-poste", ""])
COUNTERS = st.one_of(st.integers(0, 20), st.just(10**12), st.integers(-5, 2**64))
CLOCKS = st.one_of(st.just(pack(now_ms())), st.just(2**63 - 1), st.integers(-(2**63), 2**64),
                   st.integers(0, 90).map(lambda d: pack(now_ms() + d * DAY_MS)))
RULES = st.sampled_from(["FREQ=SECONDLY;COUNT=100000", "FREQ=MINUTELY;UNTIL=20991231", "FREQ=HOURLY",
                         "FREQ=DAILY;UNTIL=20991231", "FREQ=DAILY;BYSECOND=1,2,3;COUNT=9", "FREQ=WEEKLY;COUNT=10",
                         "n'importe quoi", "FREQ=DAILY;INTERVAL=0;COUNT=3"])
VALUES = st.one_of(st.none(), st.text(max_size=30), st.integers(-(2**70), 2**70), st.floats(), st.booleans(),
                   st.lists(st.integers(), max_size=3), st.just("x" * 300_000), RULES,
                   st.sampled_from(["2026-12-01", "2026-12-01T10:00:00", "hier"]))
FIELDS = st.sampled_from([("people", "first_name"), ("people", "archived"), ("people", "member_since"),
                          ("activities", "rrule"), ("activities", "start_at"), ("attendance_counts", "head_count"),
                          ("memberships", "amount"), ("people", "pas_un_champ")])


@st.composite
def forged_records(draw, honest_ids: list[str]):
    found = []
    for _n in range(draw(st.integers(0, 4))):
        table, name = draw(FIELDS)
        row_id = draw(st.one_of(st.sampled_from(honest_ids), st.uuids().map(str), st.just("x" * 200)))
        site, counter = draw(SITES), draw(COUNTERS)
        context = {site: draw(st.one_of(st.just(counter), COUNTERS))}
        if draw(st.booleans()):
            context[draw(SITES)] = draw(COUNTERS)
        field = [[[site, counter, draw(CLOCKS), draw(VALUES), draw(st.sampled_from(["Quelqu'un", "N" * 500]))]],
                 context]
        found.append((table, row_id, json.dumps({name: field})))
    return found


@st.composite
def forged_file(draw, honest_ids: list[str]):
    stones = [[draw(st.sampled_from(["people", "memberships", "pas_une_table"])),
               draw(st.one_of(st.uuids().map(str), st.sampled_from(honest_ids))), draw(SITES), draw(CLOCKS), "X"]
              for _n in range(draw(st.integers(0, 3)))]
    records = draw(forged_records(honest_ids))
    vector = {draw(SITES): draw(COUNTERS) for _n in range(draw(st.integers(0, 2)))}
    lines = [json.dumps({"machine": "Fabriqué", "peers": draw(st.sampled_from([[], [[FORGER, "x", 2**70]], "n"]))})]
    lines += [f"V\t{t}\t{r}\t{s}" for t, r, s in records] + ["T\t" + json.dumps(s) for s in stones]
    payload = "\n".join(lines).encode()
    padding = draw(st.sampled_from([b"", b"\n\n", b"\n" + b"V\tpeople\t" * 1000, b"\0" * (40 * 1024 * 1024)]))
    size = draw(st.one_of(st.none(), st.integers(-1, 2**40)))
    return {"payload": payload + padding, "size": size, "vector": vector, "created": draw(CLOCKS) >> 16,
            "stones": stones}


@pytest.fixture(scope="module")
def honest(tmp_path_factory):
    """The centre (receiving forged files), the laptop (an honest machine) and the centre's own records."""
    centre, laptop = new_group(tmp_path_factory.mktemp("forged"), ["Ordinateur du centre", "Portable du secrétariat"])
    ids = [rows.insert(laptop, "people", {"first_name": f"Personne {n}", "phone": "418 555-0101"}) for n in range(5)]
    exchange.import_bytes(centre, exchange.bundles.build(laptop)[0], "portable", backup=False)
    yield centre, laptop, ids
    centre.close()
    laptop.close()


def _people(store) -> dict[str, tuple]:
    return {r[0]: tuple(r[1:]) for r in store.db.execute("SELECT id, first_name, phone, archived FROM people")}


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_forged_files_never_crash_stay_bounded_and_spare_honest_data(honest, data):
    centre, laptop, ids = honest
    spec = data.draw(forged_file(ids))
    site = data.draw(SITES)
    try:
        raw = forge(centre, site=site or FORGER, payload=spec["payload"], size=spec["size"],
                    vector=spec["vector"], created=spec["created"])
    except (ValueError, OverflowError):
        return  # not even sealable (a header number out of JSON's range)
    before = _people(centre)
    targeted = {stone[1] for stone in spec["stones"]}
    tracemalloc.start()
    try:
        exchange.import_bytes(centre, raw, "fabrique.entraide", backup=False)
        accepted = True
    except BundleRefused as refusal:
        accepted = False
        assert refusal.message and "Traceback" not in refusal.message
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert peak < MEMORY_BOUND, f"{peak / 2**20:.0f} Mo for a {len(raw)} byte file"
    assert integrity_check(centre.db) == []
    after = _people(centre)
    if not accepted:
        assert after == before, "a refused file changed the database"
    untouched = [pid for pid in ids if pid not in targeted and pid in before]
    for pid in untouched:  # a forged edit may change a field, never the rest of the record
        assert pid in after and after[pid][1] == before[pid][1], "an honest record lost a field it was not sent"
    assert wall_ms(centre.clock.last) <= now_ms() + DAY_MS
    # Honest work goes on: a local write works, and the laptop's next real edit arrives.
    rows.insert(centre, "people", {"first_name": "Après le fichier"})
    survivor = next((pid for pid in ids if rows.get(laptop, "people", pid) and rows.get(centre, "people", pid)), None)
    if survivor is not None:
        value = f"Vrai {now_ms()}"
        rows.update(laptop, "people", survivor, {"phone": value})
        exchange.import_bytes(centre, exchange.bundles.build(laptop)[0], "portable", backup=False, confirm_mass=True)
        assert rows.get(centre, "people", survivor)["phone"] == value, "a real edit was ignored"
