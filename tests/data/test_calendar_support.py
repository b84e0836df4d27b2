"""Helpers shared by the calendar tests (no test here)."""

from __future__ import annotations

import datetime as dt
import json

from entraide_desktop.data import rows
from entraide_desktop.data.calendar import activities as acts
from entraide_desktop.data import recurrence as rec
from entraide_desktop.data.calendar.activity_types import default_type_id, ensure_default_types
from entraide_desktop.data.people import consent_id

PERSONNELLE = default_type_id("personnelle")
COLLECTIVE = default_type_id("collective")
PROMOTION = default_type_id("promotion")


def person(
    store, first: str, last: str = "", *, consent: bool = False, email: str = "", phone: str = ""
) -> str:
    pid = rows.insert(
        store,
        "people",
        {
            "first_name": first,
            "last_name": last or None,
            "roles": json.dumps(["membre"]),
            "email": email or None,
            "phone": phone or None,
        },
    )
    if consent:
        rows.insert(
            store,
            "consents",
            {"person_id": pid, "purpose": "calendar_leader", "granted": 1, "granted_on": "2020-01-01"},
            row_id=consent_id(pid, "calendar_leader"),
        )
    return pid


def weekly(
    store,
    title: str = "Groupe de discussion du mardi",
    *,
    start=dt.datetime(2026, 3, 3, 19, 30),
    minutes: int = 90,
    until=dt.date(2026, 12, 22),
    kind: str = "weekly",
    type_id: str = PERSONNELLE,
    public: bool = True,
    leaders: tuple[str, ...] = (),
    notes: str = "",
    count: int | None = None,
    place: str = "Salle commune",
) -> str:
    ensure_default_types(store)
    recurrence = rec.Recurrence(kind, until=None if count else until, count=count)
    return acts.create_activity(
        store,
        acts.ActivityInput(
            title=title,
            type_id=type_id,
            start=start,
            end=start + dt.timedelta(minutes=minutes),
            recurrence=recurrence,
            place=place,
            notes=notes,
            public=public,
            leader_ids=leaders,
            description="Entre pairs, sans jugement.",
        ),
    )


def single(store, title: str, start: dt.datetime, minutes: int = 120, **options) -> str:
    ensure_default_types(store)
    return acts.create_activity(
        store,
        acts.ActivityInput(
            title=title,
            type_id=options.pop("type_id", COLLECTIVE),
            start=start,
            end=start + dt.timedelta(minutes=minutes),
            **options,
        ),
    )


def table_count(store, table: str) -> int:
    return store.db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
