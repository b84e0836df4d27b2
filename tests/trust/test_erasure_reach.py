"""Finding 3 of issue 12: an erasure (Law 25) must reach what another machine recorded concurrently.

Replayed first as the review found it (a membership payment and a consent recorded on another
machine before it had the erasure), in every order of exchange; then as a Hypothesis property
on 3 to 5 machines with concurrent edits, erasures, relays and replays.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entraide_desktop.data import rows
from entraide_desktop.data.members import add_membership, erase_person, grant_consent
from entraide_desktop.data.members.erase import erase_records
from entraide_desktop.data.members.erased_rows import BLANKED, ERASED_WITH_PERSON
from entraide_desktop.data.people import consent_id
from entraide_desktop.data.sync import bundle as bundles
from entraide_desktop.data.sync import exchange
from entraide_desktop.data.versions import covers
from tests.sync.helpers import dump, new_group

PAID = {"paid_on": dt.date(2026, 11, 2), "amount": "10", "note": "Payé comptant au local"}


def _send(source, target, usb) -> exchange.ImportSummary:
    return exchange.import_file(target, exchange.export_to(source, usb).path, confirm_mass=True)


def _traces(store, person_id: str) -> list[tuple[str, str]]:
    """What is left of the person on this machine: their own rows, and notes on shared rows."""
    found = [(table, r[0]) for table, column in ERASED_WITH_PERSON
             for r in store.db.execute(f'SELECT id FROM "{table}" WHERE "{column}" = ?', [person_id])]
    found += [(table, r[0]) for table, column, fields in BLANKED
              for r in store.db.execute(f'SELECT id, {", ".join(fields)} FROM "{table}" WHERE "{column}" = ?',
                                        [person_id]) if any(r[1:])]
    if rows.get(store, "people", person_id) is not None:
        found.append(("people", person_id))
    return found


@pytest.mark.parametrize("order", ["eraser first", "recorder first", "relayed"])
def test_a_payment_and_a_consent_recorded_elsewhere_meanwhile_are_erased_on_arrival(trio, usb, order):
    centre, laptop, third = trio
    pid = rows.insert(centre, "people", {"first_name": "Hélène", "last_name": "Roy"})
    for other in (laptop, third):
        _send(centre, other, usb)
    erase_person(centre, pid, "Hélène Roy")
    # The laptop, before it has the centre's file, records a payment, a consent, an unavailability
    # and an assignment with a note.
    membership = add_membership(laptop, pid, PAID)
    grant_consent(laptop, pid, "photos")
    rows.insert(laptop, "unavailabilities", {"person_id": pid, "note": "Absente en janvier"})
    assignment = rows.insert(laptop, "assignments", {"person_id": pid, "note": "Préfère les soirs"})
    if order == "eraser first":
        _send(centre, laptop, usb)
        summary = _send(laptop, centre, usb)
    elif order == "recorder first":
        summary = _send(laptop, centre, usb)
        _send(centre, laptop, usb)
    else:  # the laptop's rows reach the third machine first, then the erasure, then the centre via the third
        _send(laptop, third, usb)
        _send(centre, third, usb)
        summary = _send(third, centre, usb)
        _send(third, laptop, usb)
    _send(laptop, third, usb)
    for store in (centre, laptop, third):
        assert _traces(store, pid) == [], store.paths.database
        assert rows.is_erased(store, "memberships", membership)
        assert rows.get(store, "assignments", assignment)["note"] == ""  # kept, counted, without the note
    assert not any(area.changes.new for area in summary.areas if area.area == "Membres"), \
        "the erased person's rows are not reported as new records"


# -- property: 3 to 5 machines, concurrent edits and erasures, any exchange order ---------------------------

PEOPLE = 4
OPS = st.lists(
    st.one_of(
        st.tuples(st.sampled_from(["member", "consent", "note", "edit", "erase"]), st.integers(0, 4),
                  st.integers(0, PEOPLE - 1)),
        st.tuples(st.just("export"), st.integers(0, 4), st.just(0)),
        st.tuples(st.just("import"), st.integers(0, 4), st.integers(0, 30)),
    ),
    min_size=4, max_size=24,
)


def _exchange_until_quiet(stores, limit: int = 6) -> None:
    for _round in range(limit):
        files = [(store, bundles.build(store)[0]) for store in stores]
        before = [dump(store) for store in stores]
        for store in stores:
            for source, raw in files:
                if source is not store:
                    exchange.import_bytes(store, raw, "tour", backup=False, confirm_mass=True)
        if [dump(store) for store in stores] == before and len({str(dump(s)) for s in stores}) == 1:
            return


@pytest.mark.slow
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(machines=st.integers(3, 5), ops=OPS)
def test_no_erased_persons_data_survives_and_no_honest_edit_is_lost(machines, ops):
    root = Path(tempfile.mkdtemp(prefix="entraide-erasure-"))
    stores = new_group(root, [f"Poste {n}" for n in range(machines)])
    try:
        people = [rows.insert(stores[0], "people", {"first_name": f"Personne {n}"}) for n in range(PEOPLE)]
        raw = bundles.build(stores[0])[0]
        for store in stores[1:]:
            exchange.import_bytes(store, raw, "départ", backup=False, confirm_mass=True)
        pool: list[bytes] = []
        writes: list[tuple[str, str, str, str, int, str]] = []  # table, row, field, site, counter, person
        for kind, machine, arg in ops:
            store = stores[machine % machines]
            if kind == "export":
                pool.append(bundles.build(store)[0])
            elif kind == "import":
                if pool:
                    try:
                        exchange.import_bytes(store, pool[arg % len(pool)], "fichier", backup=False,
                                              confirm_mass=True)
                    except exchange.OwnBundle:
                        pass
            else:
                person = people[arg]
                if rows.get(store, "people", person) is None:
                    continue  # erased here already: the screens offer nothing for them
                _local_work(store, kind, person, writes)
        _exchange_until_quiet(stores)
        reference = dump(stores[0])
        for store in stores:
            assert dump(store) == reference, "machines differ after a full exchange"
        erased = {p for p in people if rows.is_erased(stores[0], "people", p)}
        for store in stores:
            for person in erased:
                assert _traces(store, person) == [], f"data of an erased person survived on {store.paths.database}"
        for table, row_id, name, site, counter, person in writes:
            if person in erased:
                continue
            assert rows.get(stores[0], table, row_id) is not None, f"an honest {table} row was lost"
            state = rows.record_state(stores[0], table, row_id).get(name)
            assert state is not None and (any(s.dot == (site, counter) for s in state.siblings)
                                          or covers(state.context, (site, counter))), "an honest edit was lost"
    finally:
        for store in stores:
            store.close()
        shutil.rmtree(root, ignore_errors=True)


def _local_work(store, kind: str, person: str, writes: list) -> None:
    if kind == "erase":
        erase_records(store, person)
        return
    if kind == "member":
        row_id, table, fields = add_membership(store, person, PAID), "memberships", ("amount", "note")
    elif kind == "consent":
        if not grant_consent(store, person, "photos", dt.date(2026, 11, 1) + dt.timedelta(days=len(writes) % 20)):
            return
        row_id, table, fields = consent_id(person, "photos"), "consents", ("granted_on",)
    elif kind == "note":
        row_id = rows.insert(store, "assignments", {"person_id": person, "note": f"Note {len(writes)}"})
        table, fields = "assignments", ("note",)
    else:
        row_id, table, fields = person, "people", ("first_name",)
        rows.update(store, "people", person, {"first_name": f"Nom {len(writes)}"})
    counter = store._state.counter
    writes.extend((table, row_id, name, store.site_id, counter, person) for name in fields)
