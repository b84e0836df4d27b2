"""Activities and exceptions: checks, one occurrence only vs the whole series, concurrent edits."""

from __future__ import annotations

import datetime as dt

import pytest

from entraide_desktop.data import calendar, rows
from entraide_desktop.data.calendar import activities as acts
from entraide_desktop.data.calendar import occurrence_edits as edits
from entraide_desktop.data import recurrence as rec
from entraide_desktop.data.calendar.activity_types import (
    archive_type,
    create_type,
    default_type_id,
    ensure_default_types,
    list_types,
)
from entraide_desktop.data.errors import ValidationError
from tests.data.test_calendar_support import COLLECTIVE, PERSONNELLE, person, single, table_count, weekly

MARCH = (dt.datetime(2026, 3, 1), dt.datetime(2026, 4, 1))


def test_three_forms_of_peer_support_to_start_with_and_the_groups_own_types(store):
    ensure_default_types(store)
    ensure_default_types(store)  # idempotent
    types = list_types(store)
    assert [(t.name, t.form, t.symbol) for t in types] == [
        ("Entraide personnelle", "personnelle", "circle"),
        ("Entraide collective", "collective", "square"),
        ("Promotion-vigilance des droits", "promotion", "triangle"),
    ]
    assert all(t.short_label and t.colour.startswith("#") for t in types)
    # The same ids on every computer: two machines seeding the types create the same rows.
    assert types[0].id == default_type_id("personnelle")
    own = create_type(
        store,
        {
            "name": "Fêtes et sorties",
            "short_label": "Fête",
            "colour": "#B8860B",
            "symbol": "star",
            "form": "",
        },
    )
    assert list_types(store)[-1].id == own
    with pytest.raises(ValidationError, match="porte déjà le nom"):
        create_type(store, {"name": "fetes et sorties", "colour": "#000000", "symbol": "star"})
    with pytest.raises(ValidationError, match="symbole"):
        create_type(store, {"name": "Sans symbole", "colour": "#000000", "symbol": ""})
    archive_type(store, own)
    assert own not in {t.id for t in list_types(store)}


def test_end_before_start_is_refused_and_nothing_is_saved(store):
    ensure_default_types(store)
    before = table_count(store, "activities"), table_count(store, "_history")
    with pytest.raises(ValidationError) as error:
        acts.create_activity(
            store,
            acts.ActivityInput(
                "Café-rencontre", PERSONNELLE, dt.datetime(2026, 3, 5, 11, 0), dt.datetime(2026, 3, 5, 9, 30)
            ),
        )
    assert str(error.value) == "L'heure de fin (9 h 30) doit être après l'heure de début (11 h)."
    assert error.value.field == "end"
    with pytest.raises(ValidationError, match="Le dernier jour"):
        acts.create_activity(
            store,
            acts.ActivityInput(
                "Semaine", PERSONNELLE, dt.datetime(2026, 5, 8), dt.datetime(2026, 5, 4), all_day=True
            ),
        )
    with pytest.raises(ValidationError, match="titre"):
        acts.create_activity(
            store,
            acts.ActivityInput("  ", PERSONNELLE, dt.datetime(2026, 3, 5, 9), dt.datetime(2026, 3, 5, 10)),
        )
    assert (table_count(store, "activities"), table_count(store, "_history")) == before


def test_a_leader_who_left_the_register_is_refused(store):
    pid = person(store, "Luc")
    rows.erase(store, "people", pid)
    with pytest.raises(ValidationError, match="n'est plus dans le registre"):
        weekly(store, leaders=(pid,))
    assert table_count(store, "activities") == 0 and table_count(store, "activity_leaders") == 0


def test_all_day_activity_over_several_days(store):
    ensure_default_types(store)
    acts.create_activity(
        store,
        acts.ActivityInput(
            "Semaine de la santé mentale",
            COLLECTIVE,
            dt.datetime(2026, 5, 4),
            dt.datetime(2026, 5, 8),
            all_day=True,
        ),
    )
    (occ,) = calendar.occurrences(store, dt.datetime(2026, 5, 1), dt.datetime(2026, 6, 1))
    assert occ.all_day and occ.start == dt.datetime(2026, 5, 4) and occ.end == dt.datetime(2026, 5, 9)
    assert occ.days == [dt.date(2026, 5, d) for d in range(4, 9)]
    assert occ.key.endswith("@2026-05-04")
    # Seen from the middle of the week too.
    assert calendar.occurrences(store, dt.datetime(2026, 5, 6), dt.datetime(2026, 5, 7))[0].key == occ.key


def test_cancel_and_move_one_occurrence_with_a_reason(store):
    aid = weekly(store)
    march = calendar.occurrences(store, *MARCH)
    edits.cancel_occurrence(store, march[1].key, "Tempête de neige")
    edits.move_occurrence(
        store,
        march[2].key,
        dt.datetime(2026, 3, 18, 19, 30),
        dt.datetime(2026, 3, 18, 21, 0),
        "La salle accueille l'AGA",
        place="Sous-sol de l'église",
    )
    after = {o.key: o for o in calendar.occurrences(store, *MARCH)}
    assert after[march[1].key].cancelled and after[march[1].key].note == "Tempête de neige"
    moved = after[march[2].key]
    assert (
        moved.moved
        and moved.start == dt.datetime(2026, 3, 18, 19, 30)
        and moved.place == "Sous-sol de l'église"
    )
    assert moved.original_start == dt.datetime(2026, 3, 17, 19, 30)
    # Deterministic ids: the same cancellation on another computer is the same row.
    assert rows.get(store, "activity_exceptions", edits.exception_id(aid, "2026-03-10T19:30:00")) is not None
    assert edits.restore_occurrence(store, march[1].key)
    assert not {o.key: o for o in calendar.occurrences(store, *MARCH)}[march[1].key].cancelled


def test_a_moved_occurrence_appears_where_it_was_moved_even_far_away(store):
    weekly(store, until=dt.date(2026, 3, 31))
    first = calendar.occurrences(store, *MARCH)[0]
    edits.move_occurrence(
        store, first.key, dt.datetime(2026, 4, 20, 19, 30), dt.datetime(2026, 4, 20, 21, 0), "Reporté"
    )
    april = calendar.occurrences(store, dt.datetime(2026, 4, 1), dt.datetime(2026, 5, 1))
    assert [o.key for o in april] == [first.key]
    assert first.key not in {o.key for o in calendar.occurrences(store, *MARCH)}
    assert calendar.occurrence(store, first.key).start == dt.datetime(2026, 4, 20, 19, 30)


def test_an_occurrence_that_does_not_exist_cannot_be_changed(store):
    aid = weekly(store)
    with pytest.raises(ValidationError, match="n'existe plus"):
        edits.cancel_occurrence(store, f"{aid}@2026-03-11T19:30:00", "mauvais jour")
    with pytest.raises(ValidationError, match="doit être après"):
        edits.move_occurrence(
            store,
            f"{aid}@2026-03-10T19:30:00",
            dt.datetime(2026, 3, 10, 21),
            dt.datetime(2026, 3, 10, 20),
            "",
        )
    assert table_count(store, "activity_exceptions") == 0


def test_whole_series_edit_without_schedule_change_keeps_exceptions(store):
    aid = weekly(store)
    key = calendar.occurrences(store, *MARCH)[1].key
    edits.cancel_occurrence(store, key, "Congé")
    current = acts.get_activity(store, aid)
    result = acts.update_activity(
        store,
        aid,
        acts.ActivityInput(**{**current.as_input().__dict__, "title": "Groupe du mardi soir"}),
        expected_revision=current.revision,
        today=dt.date(2026, 6, 1),
    )
    assert result == acts.SaveResult(aid)
    occ = {o.key: o for o in calendar.occurrences(store, *MARCH)}[key]
    assert occ.cancelled and occ.title == "Groupe du mardi soir"


def test_changing_the_schedule_after_it_started_splits_the_series_and_keeps_the_past(store):
    from entraide_desktop.data.calendar.attendance import record_attendance

    aid = weekly(store, until=dt.date(2026, 6, 30))
    past = calendar.occurrences(store, *MARCH)[0]
    record_attendance(store, past.key, 9, now=dt.datetime(2026, 5, 1))
    future_key = f"{aid}@2026-06-23T19:30:00"
    edits.cancel_occurrence(store, future_key, "Fête nationale")
    current = acts.get_activity(store, aid)
    changed = acts.ActivityInput(
        **{
            **current.as_input().__dict__,
            "start": dt.datetime(2026, 3, 3, 18, 30),
            "end": dt.datetime(2026, 3, 3, 20, 0),
        }
    )
    result = acts.update_activity(store, aid, changed, today=dt.date(2026, 5, 1))
    assert result.split and result.activity_id != aid
    # The past keeps 19 h 30 and its attendance; from May on, 18 h 30.
    assert {o.start.time() for o in calendar.occurrences(store, *MARCH)} == {dt.time(19, 30)}
    may = calendar.occurrences(store, dt.datetime(2026, 5, 1), dt.datetime(2026, 6, 1))
    assert {o.start.time() for o in may} == {dt.time(18, 30)} and {o.activity_id for o in may} == {
        result.activity_id
    }
    assert rows.get(store, "activities", result.activity_id)["continues"] == aid
    summary = {
        s.type_name: s for s in calendar.activity_summary(store, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    }
    assert summary["Entraide personnelle"].activities == 1
    assert summary["Entraide personnelle"].attendance >= 9
    # The cancelled 23 June (19 h 30) no longer matches the 18 h 30 schedule: it is reported as removed.
    assert result.removed_exceptions == 1


def test_changing_the_day_before_it_started_keeps_one_activity_and_drops_orphan_exceptions(store):
    aid = weekly(store, start=dt.datetime(2026, 9, 1, 19, 30))
    edits.cancel_occurrence(store, f"{aid}@2026-09-08T19:30:00", "Congé")
    current = acts.get_activity(store, aid)
    wednesday = acts.ActivityInput(
        **{
            **current.as_input().__dict__,
            "start": dt.datetime(2026, 9, 2, 19, 30),
            "end": dt.datetime(2026, 9, 2, 21, 0),
        }
    )
    result = acts.update_activity(store, aid, wednesday, today=dt.date(2026, 8, 1))
    assert result == acts.SaveResult(aid, removed_exceptions=1)
    assert {
        o.start.weekday()
        for o in calendar.occurrences(store, dt.datetime(2026, 9, 1), dt.datetime(2026, 10, 1))
    } == {2}


def test_an_edit_made_elsewhere_meanwhile_is_not_overwritten(store):
    aid = weekly(store)
    opened = acts.get_activity(store, aid)  # window A opens the form
    other = acts.get_activity(store, aid)  # window B (or a sync) saves first
    acts.update_activity(
        store,
        aid,
        acts.ActivityInput(**{**other.as_input().__dict__, "place": "Petit salon"}),
        expected_revision=other.revision,
    )
    before = table_count(store, "_history")
    with pytest.raises(acts.ConcurrentEdit) as error:
        acts.update_activity(
            store,
            aid,
            acts.ActivityInput(**{**opened.as_input().__dict__, "title": "Autre titre"}),
            expected_revision=opened.revision,
        )
    assert "modifiée ailleurs" in str(error.value)
    assert table_count(store, "_history") == before
    now = acts.get_activity(store, aid)
    assert (now.title, now.place) == ("Groupe de discussion du mardi", "Petit salon")


def test_archived_and_members_only_activities_and_type_filter(store):
    public = weekly(store)
    members = weekly(store, title="Comité des membres", public=False, type_id=COLLECTIVE)
    gone = weekly(store, title="Ancien atelier")
    acts.archive_activity(store, gone)
    titles = {o.title for o in calendar.occurrences(store, *MARCH)}
    assert titles == {"Groupe de discussion du mardi", "Comité des membres"}
    assert {o.activity_id for o in calendar.occurrences(store, *MARCH, public_only=True)} == {public}
    assert {o.activity_id for o in calendar.occurrences(store, *MARCH, type_ids={COLLECTIVE})} == {members}


def test_leaders_are_named_only_with_their_consent(store):
    ana = person(store, "Ana", "Tremblay", consent=True)
    luc = person(store, "Luc", "Gagnon", consent=False)
    weekly(store, leaders=(ana, luc))
    (first, *_rest) = calendar.occurrences(store, *MARCH)
    assert first.leaders == ("Ana Tremblay",)
    assert acts.get_activity(store, first.activity_id).leader_ids == (
        ana,
        luc,
    )  # the secretary still sees both


def test_upcoming_feeds_the_home_page_in_time_order(store):
    weekly(store, start=dt.datetime(2026, 3, 3, 19, 30))
    single(store, "Cuisine collective", dt.datetime(2026, 3, 4, 9, 0))
    key = f"{weekly(store, title='Café-rencontre', start=dt.datetime(2026, 3, 5, 9, 30))}@2026-03-05T09:30:00"
    edits.cancel_occurrence(store, key, "Tempête")
    found = calendar.upcoming(store, dt.datetime(2026, 3, 3), days=3)
    assert [(o.title, o.cancelled) for o in found] == [
        ("Groupe de discussion du mardi", False),
        ("Cuisine collective", False),
        ("Café-rencontre", True),
    ]
    assert found[2].note == "Tempête" and all(o.key for o in found)


def test_occurrence_keys_are_stable_and_found_back(store):
    aid = weekly(store)
    occ = calendar.occurrences(store, *MARCH)[0]
    assert (
        occ.key
        == f"{aid}@2026-03-03T19:30:00"
        == calendar.occurrence_key(aid, dt.datetime(2026, 3, 3, 19, 30))
    )
    assert calendar.parse_key(occ.key) == (aid, dt.datetime(2026, 3, 3, 19, 30))
    assert calendar.occurrence(store, occ.key) == occ
    assert calendar.occurrence(store, "n'importe quoi") is None


def test_recurrence_kinds_from_the_form(store):
    aid = weekly(store, kind="monthly_nth", start=dt.datetime(2026, 9, 8, 18, 30), until=dt.date(2027, 6, 30))
    activity = acts.get_activity(store, aid)
    assert activity.recurrence == rec.Recurrence("monthly_nth", until=dt.date(2027, 6, 30))
    assert rows.get(store, "activities", aid)["rrule"] == "FREQ=MONTHLY;BYDAY=+2TU;UNTIL=20270630T235959"
