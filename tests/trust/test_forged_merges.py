"""Findings 2 of issue 12, replayed as attacks: forged exchange files are refused or bounded,
and the honest database is unchanged (byte for byte when refused)."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from entraide_desktop.config import paths_for
from entraide_desktop.data import connection, rows
from entraide_desktop.data import recurrence
from entraide_desktop.data.calendar.expand import occurrences
from entraide_desktop.data.clock import DAY_MS, now_ms, pack, wall_ms
from entraide_desktop.data.sync import exchange
from entraide_desktop.data.sync.checks import ForgedFile
from entraide_desktop.data.sync.container import BundleRefused
from tests.conftest import PASSPHRASE
from tests.sync.helpers import file_digest
from tests.trust.forge import forge, record, sibling

FORGER = "f0f0f0f0f0f0f0f0"
PERSON = "11111111-2222-4333-8444-555555555555"


def _refused(store, data: bytes, match: str) -> str:
    before = file_digest(store)
    with pytest.raises(BundleRefused, match=match) as caught:
        exchange.import_bytes(store, data, "fabrique.entraide", backup=False)
    assert file_digest(store) == before, "a refused file changed the database"
    return caught.value.message


def _people(fields: dict, counter: int = 1, hlc: int | None = None, site: str = FORGER) -> str:
    hlc = hlc if hlc is not None else pack(now_ms())
    return record({name: sibling(site, counter, hlc, value) for name, value in fields.items()})


# -- clocks ---------------------------------------------------------------------------------------


def test_a_stamp_at_the_largest_time_is_refused_and_the_clock_is_untouched(pair):
    centre, _laptop = pair
    clock_before = centre.clock.last
    forged = forge(centre, site=FORGER, records=[("people", PERSON, _people({"first_name": "Ève"}, hlc=2**63 - 1))])
    message = _refused(centre, forged, "date impossible")
    assert "rien n'a changé" in message
    assert centre.clock.last == clock_before
    rows.insert(centre, "people", {"first_name": "Après"})  # later writes still work


def test_a_stamp_weeks_ahead_is_kept_but_never_becomes_the_local_clock(pair):
    centre, _laptop = pair
    ahead = pack(now_ms() + 40 * DAY_MS)
    forged = forge(centre, site=FORGER, records=[("people", PERSON, _people({"first_name": "Ève"}, hlc=ahead))])
    summary = exchange.import_bytes(centre, forged, "fabrique.entraide", backup=False)
    assert any("décalée" in w for w in summary.warnings), "the far clock is reported"
    assert wall_ms(centre.clock.last) <= now_ms() + DAY_MS
    rows.update(centre, "people", PERSON, {"first_name": "Ève-Marie"})
    assert rows.get(centre, "people", PERSON)["first_name"] == "Ève-Marie"


def test_a_clock_poisoned_before_this_fix_is_repaired_at_open(paths):
    created = connection.create_database(paths, group_name="Le Phare", region="", person="Marie", passphrase=PASSPHRASE)
    store = created.store
    pid = rows.insert(store, "people", {"first_name": "Ève"})
    with store.write():  # what an older version stored after merging a record stamped 2**63 - 1
        store.db.execute("UPDATE _local SET value = ? WHERE key = 'clock'", [str(2**63 - 1)])
        text = store.db.execute("SELECT state FROM _versions WHERE row_id = ?", [pid]).fetchone()[0]
        stamp = rows.record_state(store, "people", pid)["first_name"].winner.hlc
        store.db.execute("UPDATE _versions SET state = ?, hlc = ? WHERE row_id = ?",
                         [text.replace(str(stamp), str(2**63 - 1)), 2**63 - 1, pid])
        store.db.execute("UPDATE _history SET hlc = ? WHERE row_id = ?", [2**63 - 1, pid])
    store.close()
    for _restart in range(2):
        store = connection.unlock(paths_for(paths.database), PASSPHRASE)
        assert wall_ms(store.clock.last) <= now_ms() + DAY_MS
        rows.insert(store, "people", {"first_name": "Sans erreur"})  # no OverflowError
        assert all(change.when.year <= 2200 for change in rows.history(store, "people", pid))  # history shows
        rows.update(store, "people", pid, {"first_name": "Ève-Marie"})
        assert rows.get(store, "people", pid)["first_name"] == "Ève-Marie"
        store.close()


# -- counters -------------------------------------------------------------------------------------


def test_a_claimed_counter_of_a_trillion_cannot_hide_a_machines_later_edits(pair, usb):
    centre, laptop = pair
    pid = rows.insert(laptop, "people", {"first_name": "Luc"})
    exchange.import_file(centre, exchange.export_to(laptop, usb).path)
    # A forger claims the laptop already made 10¹² changes (and one of them on Luc's record).
    huge = 10**12
    forged = forge(centre, site=FORGER, vector={FORGER: 1, laptop.site_id: huge},
                   records=[("people", pid, record({"first_name": sibling(FORGER, 1, pack(now_ms()), "X")},
                                                   {FORGER: 1, laptop.site_id: huge}))])
    assert "million" in _refused(centre, forged, "données impossibles")
    # The laptop's real edit still arrives.
    rows.update(laptop, "people", pid, {"first_name": "Lucien"})
    exchange.import_file(centre, exchange.export_to(laptop, usb).path)
    assert rows.get(centre, "people", pid)["first_name"] == "Lucien"


def test_a_file_claiming_a_huge_counter_in_its_header_only_is_refused(pair):
    centre, laptop = pair
    forged = forge(centre, site=FORGER, vector={FORGER: 1, laptop.site_id: 10**12})
    _refused(centre, forged, "million")


# -- values ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "fields", "why"),
    [
        ("people", {"first_name": "x" * 300_000}, "first_name"),
        ("people", {"first_name": ["une", "liste"]}, "first_name"),
        ("people", {"member_since": "pas une date"}, "member_since"),
        ("people", {"archived": "oui"}, "archived"),
        ("people", {"archived": True}, "archived"),
        ("attendance_counts", {"head_count": 10**30}, "head_count"),
        ("attendance_counts", {"head_count": "douze"}, "head_count"),
        ("people", {"first_name": {"une": "table"}}, "first_name"),
        ("people", {"first_name": float("inf")}, "first_name"),
        ("activities", {"rrule": "FREQ=SECONDLY;COUNT=500"}, "rrule"),
        ("activities", {"rrule": "FREQ=DAILY;BYHOUR=1,2,3;COUNT=500"}, "rrule"),
        ("activities", {"rrule": "FREQ=DAILY"}, "rrule"),  # no end
    ],
)
def test_a_value_that_does_not_fit_its_field_is_refused_in_french(pair, table, fields, why):
    centre, _laptop = pair
    forged = forge(centre, site=FORGER, records=[(table, PERSON, _people(fields))])
    message = _refused(centre, forged, "données impossibles")
    assert f"« {why} »" in message


def test_a_record_id_or_author_out_of_bounds_is_refused(pair):
    centre, _laptop = pair
    _refused(centre, forge(centre, site=FORGER, records=[("people", "x" * 500, _people({"first_name": "A"}))]),
             "identifiant de fiche")
    long_author = record({"first_name": sibling(FORGER, 1, pack(now_ms()), "A", "N" * 5000)})
    _refused(centre, forge(centre, site=FORGER, records=[("people", PERSON, long_author)]), "auteur")


@pytest.mark.slow  # syncs the whole demo group between two machines: seconds; each forged-file test above is quick
def test_an_honest_demo_group_passes_every_check(pair):
    from entraide_desktop.demo import DEMO, populate  # noqa: PLC0415

    centre, laptop = pair
    populate(centre, DEMO, seed=3)
    exchange.import_bytes(laptop, exchange.bundles.build(centre)[0], "centre.entraide", backup=False)
    assert laptop.db.execute("SELECT count(*) FROM people").fetchone()[0] == \
        centre.db.execute("SELECT count(*) FROM people").fetchone()[0]


# -- recurrence -----------------------------------------------------------------------------------


def test_an_activity_repeating_every_second_never_hangs_a_view(store):
    # Stored as an older version would have merged it: the views treat it as not repeating.
    rows.insert(store, "activities", {"title": "Piège", "start_at": "2026-12-01T10:00:00",
                                      "end_at": "2026-12-01T11:00:00", "rrule": "FREQ=SECONDLY;UNTIL=20271231"})
    rows.insert(store, "activities", {"title": "Chaque jour", "start_at": "2026-01-01T10:00:00",
                                      "end_at": "2026-01-01T11:00:00", "rrule": "FREQ=DAILY;INTERVAL=1;UNTIL=20991231"})
    began = time.perf_counter()
    found = occurrences(store, dt.datetime(2026, 1, 1), dt.datetime(2100, 1, 1))
    assert time.perf_counter() - began < 10
    assert sum(o.title == "Piège" for o in found) == 1
    assert sum(o.title == "Chaque jour" for o in found) == recurrence.MAX_STARTS


@pytest.mark.parametrize("rule", ["FREQ=HOURLY;COUNT=10", "FREQ=MINUTELY;COUNT=10", "FREQ=SECONDLY;COUNT=10",
                                  "FREQ=DAILY;BYHOUR=9,10;COUNT=10"])
def test_the_data_layer_refuses_sub_daily_rules(rule):
    from entraide_desktop.data.errors import ValidationError  # noqa: PLC0415

    with pytest.raises(ValidationError, match="quotidienne"):
        recurrence.check_rule(rule, dt.datetime(2026, 12, 1, 10))


# -- sizes ----------------------------------------------------------------------------------------


def test_a_small_file_announcing_a_huge_content_is_refused_before_unpacking(pair):
    centre, _laptop = pair
    bomb = b"\n" * (200 * 1024 * 1024)  # 200 Mo of nothing, about 200 ko once compressed
    forged = forge(centre, site=FORGER, payload=bomb)
    assert len(forged) < 1024 * 1024
    message = _refused(centre, forged, "taille permise")
    assert "rien n'a changé" in message


def test_a_forged_file_is_a_bundle_refusal(pair):
    assert issubclass(ForgedFile, BundleRefused)


def test_text_with_a_lone_surrogate_is_refused_not_a_traceback(pair):
    centre, _laptop = pair
    bad_value = record({"first_name": sibling(FORGER, 1, pack(now_ms()), "\ud800")})
    _refused(centre, forge(centre, site=FORGER, records=[("people", PERSON, bad_value)]), "first_name")
    bad_author = record({"first_name": sibling(FORGER, 1, pack(now_ms()), "Ève", "\udfff")})
    _refused(centre, forge(centre, site=FORGER, records=[("people", PERSON, bad_author)]), "auteur")


def test_no_machine_writes_a_text_the_others_would_refuse(pair):
    from entraide_desktop.data.errors import ValidationError  # noqa: PLC0415

    centre, _laptop = pair
    with pytest.raises(ValidationError, match="trop long"):
        rows.insert(centre, "people", {"first_name": "Ève", "notes": "x" * (rows.MAX_TEXT_CHARS + 1)})


def test_a_clock_merely_ahead_of_a_wrong_wall_clock_is_kept_monotonic():
    from entraide_desktop.data.clock import HybridClock  # noqa: PLC0415

    issued = pack(now_ms())
    behind = HybridClock(issued, now=lambda: now_ms() - 40 * DAY_MS)  # the computer's date went back 40 days
    assert behind.tick() > issued
