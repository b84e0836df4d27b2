"""Calendar import: an ICS of 200 weekly series over two years, with their exceptions, read and written.

Target (issue 13): preview and import of 200 series with two years of exceptions ≤ 1 s. Each
series has about 16 cancelled occurrences (EXDATE) and 4 moved ones (RECURRENCE-ID): about
4,000 exceptions in all, as Google Calendar writes them. Run on a new, empty group database.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path

from common import PASSPHRASE, Group, Result

SERIES = 200
TODAY = dt.date(2026, 11, 25)


def _ics(path: Path) -> int:
    rng = random.Random(13)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Google Inc//Google Calendar 70.9054//EN"]
    exceptions = 0
    for n in range(SERIES):
        first = dt.datetime(2025, 1, 6, 9, 0) + dt.timedelta(days=rng.randrange(7), hours=rng.randrange(11))
        weeks = [first + dt.timedelta(weeks=w) for w in range(104)]
        cancelled = sorted(rng.sample(weeks[1:], 16))
        moved = sorted(rng.sample([w for w in weeks[1:] if w not in cancelled], 4))
        stamp = "20261120T150000Z"
        uid = f"serie-{n}@google.com"
        lines += ["BEGIN:VEVENT", f"DTSTART;TZID=America/Toronto:{first:%Y%m%dT%H%M%S}",
                  f"DTEND;TZID=America/Toronto:{first + dt.timedelta(minutes=90):%Y%m%dT%H%M%S}",
                  f"RRULE:FREQ=WEEKLY;UNTIL={weeks[-1] + dt.timedelta(hours=6):%Y%m%dT%H%M%SZ}",
                  *(f"EXDATE;TZID=America/Toronto:{c:%Y%m%dT%H%M%S}" for c in cancelled),
                  f"DTSTAMP:{stamp}", f"UID:{uid}", f"SUMMARY:Activité {n}", "LOCATION:Local du groupe",
                  "END:VEVENT"]
        for when in moved:
            later = when + dt.timedelta(days=1)
            lines += ["BEGIN:VEVENT", f"DTSTART;TZID=America/Toronto:{later:%Y%m%dT%H%M%S}",
                      f"DTEND;TZID=America/Toronto:{later + dt.timedelta(minutes=90):%Y%m%dT%H%M%S}",
                      f"DTSTAMP:{stamp}", f"UID:{uid}", f"RECURRENCE-ID;TZID=America/Toronto:{when:%Y%m%dT%H%M%S}",
                      f"SUMMARY:Activité {n} (déplacée)", "END:VEVENT"]
        exceptions += len(cancelled) + len(moved)
    lines.append("END:VCALENDAR")
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8", newline="")
    return exceptions


def run(group: Group) -> list[Result]:
    del group  # a new database: the import adds to an empty calendar
    from entraide_desktop.config import paths_for
    from entraide_desktop.data.calendar.activity_types import ensure_default_types
    from entraide_desktop.data.calendar.ics_import import apply_calendar, preview_calendar
    from entraide_desktop.data.connection import create_database

    whole, preview_only, written = [], [], 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ics = folder / "agenda.ics"
        exceptions = _ics(ics)
        for run_number in range(3):
            created = create_database(paths_for(folder / f"run{run_number}" / "entraide.db"), group_name="Banc",
                                      region="Québec", person="Banc d'essai", passphrase=PASSPHRASE)
            store = created.store
            ensure_default_types(store)
            start = time.perf_counter()
            preview = preview_calendar(store, ics, today=TODAY)
            middle = time.perf_counter()
            result = apply_calendar(store, preview)
            end = time.perf_counter()
            whole.append(end - start)
            preview_only.append(middle - start)
            written = result.exceptions
            store.close()
    return [
        Result(f"importation ICS de {SERIES} séries sur deux ans (aperçu et écriture)", statistics.median(whole), "s",
               1.0, note=f"{exceptions} exceptions dans le fichier, {written} écrites"),
        Result(f"aperçu seul de l'ICS de {SERIES} séries", statistics.median(preview_only), "s",
               note="lecture (icalendar) et vérification, rien d'écrit"),
    ]
