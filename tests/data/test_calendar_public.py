"""The public calendar file read by the members' consultation mode holds no personal data."""

from __future__ import annotations

import datetime as dt
import json

from entraide_desktop.data import rows
from entraide_desktop.data.calendar import occurrence_edits as edits
from entraide_desktop.data.calendar.public import read_public_calendar, write_public_calendar
from tests.data.test_calendar_support import COLLECTIVE, person, weekly

TODAY = dt.date(2026, 3, 2)


def test_only_public_activities_and_consented_leader_names(store, paths):
    ana = person(store, "Ana", "Tremblay", consent=True, email="ana@exemple.org", phone="418 555-0101")
    luc = person(store, "Lucien", "Gagnon", consent=False, email="lucien@exemple.org", phone="581 555-0199")
    weekly(store, leaders=(ana, luc), notes="Clé du local : demander à Ginette")
    weekly(
        store,
        title="Comité des membres",
        public=False,
        type_id=COLLECTIVE,
        leaders=(luc,),
        notes="Ordre du jour confidentiel",
    )
    key = f"{weekly(store, title='Café-rencontre', start=dt.datetime(2026, 3, 5, 9, 30))}@2026-03-05T09:30:00"
    edits.cancel_occurrence(store, key, "Tempête de neige")
    path = write_public_calendar(store, paths, TODAY)
    assert path == paths.public_calendar and path.exists()
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    titles = {o["title"] for o in data["occurrences"]}
    assert titles == {"Groupe de discussion du mardi", "Café-rencontre"}
    assert {tuple(o["leaders"]) for o in data["occurrences"] if o["title"].startswith("Groupe")} == {
        ("Ana Tremblay",)
    }
    # By construction: nothing else about anyone.
    for secret in (
        "Lucien",
        "Gagnon",
        "@exemple.org",
        "555-",
        "Ginette",
        "Clé du local",
        "Comité des membres",
        "confidentiel",
        ana,
        luc,
    ):
        assert secret not in text, secret
    assert set(data) == {
        "format",
        "version",
        "group",
        "updated",
        "first_day",
        "last_day",
        "types",
        "occurrences",
    }
    assert set(data["occurrences"][0]) == {
        "title",
        "start",
        "end",
        "all_day",
        "type_id",
        "place",
        "description",
        "cancelled",
        "moved",
        "reason",
        "leaders",
    }
    cancelled = [o for o in data["occurrences"] if o["cancelled"]]
    assert [(o["title"], o["reason"]) for o in cancelled] == [("Café-rencontre", "Tempête de neige")]
    assert data["group"] == "Le Phare"


def test_withdrawn_consent_removes_the_name_at_the_next_write(store, paths):
    ana = person(store, "Ana", "Tremblay", consent=True)
    weekly(store, leaders=(ana,))
    write_public_calendar(store, paths, TODAY)
    assert "Ana Tremblay" in paths.public_calendar.read_text(encoding="utf-8")
    consent = store.db.execute("SELECT id FROM consents WHERE person_id = ?", [ana]).fetchone()[0]
    rows.update(store, "consents", consent, {"withdrawn_on": "2026-01-01"})
    write_public_calendar(store, paths, TODAY)
    assert "Ana" not in paths.public_calendar.read_text(encoding="utf-8")


def test_the_demo_groups_public_file_has_no_member_data(demo_store):
    paths = demo_store.paths
    write_public_calendar(demo_store, paths, dt.date(2026, 11, 25))
    text = paths.public_calendar.read_text(encoding="utf-8")
    consenting = {
        r[0]
        for r in demo_store.db.execute(
            "SELECT person_id FROM consents WHERE purpose = 'calendar_leader' AND granted = 1 AND "
            "withdrawn_on IS NULL"
        )
    }
    for pid, first, last, email, phone, mobile, address in demo_store.db.execute(
        "SELECT id, first_name, last_name, email, phone, mobile, address FROM people"
    ).fetchall():
        assert pid not in text
        for value in (email, phone, mobile, address):
            assert not value or value not in text
        if pid not in consenting and last:
            assert f"{first} {last}" not in text
    for (notes,) in demo_store.db.execute("SELECT notes FROM activities WHERE notes != ''"):
        assert notes not in text
    for (title,) in demo_store.db.execute(
        "SELECT DISTINCT title FROM activities WHERE visibility = 'members'"
    ):
        assert title not in text
    calendar = read_public_calendar(paths.public_calendar)
    assert calendar is not None and calendar.group
    assert len(calendar.occurrences) > 50
    assert calendar.first_day <= dt.date(2026, 11, 25) <= calendar.last_day


def test_written_atomically_and_read_back(store, paths):
    weekly(store)
    write_public_calendar(store, paths, TODAY)
    write_public_calendar(store, paths, TODAY)
    leftovers = [p.name for p in paths.public_calendar.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []
    calendar = read_public_calendar(paths.public_calendar)
    assert calendar is not None
    week = calendar.between(dt.datetime(2026, 3, 2), dt.datetime(2026, 3, 9))
    assert [(o.title, o.start) for o in week] == [
        ("Groupe de discussion du mardi", dt.datetime(2026, 3, 3, 19, 30))
    ]
    assert {t.name for t in calendar.types.values()} >= {"Entraide personnelle"}


def test_missing_or_damaged_file_reads_as_none(paths):
    assert read_public_calendar(paths.public_calendar) is None
    paths.public_calendar.parent.mkdir(parents=True, exist_ok=True)
    paths.public_calendar.write_text("{pas du json", encoding="utf-8")
    assert read_public_calendar(paths.public_calendar) is None
