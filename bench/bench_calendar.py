"""Calendar: month view of a busy month, expanding a year of recurring activities, wall-calendar PDF.

Targets (calendar issue): month view of a busy month (60+ occurrences) renders in ≤ 30 ms;
expanding a year of all recurring activities ≤ 50 ms; wall-calendar PDF for one month ≤ 1 s.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import replace
from pathlib import Path

from common import Group, Result, median_ms, timed
from generate import TODAY


def _clear_caches() -> None:
    from entraide_desktop.data import recurrence as rec

    rec._parsed.cache_clear()
    rec._shifted.cache_clear()
    rec.all_starts.cache_clear()


def _busiest_month(store) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    from entraide_desktop.data.calendar import occurrences

    best = (0, TODAY.year, TODAY.month)
    for back in range(12):
        total = TODAY.month - 1 - back
        year, month = TODAY.year + total // 12, total % 12 + 1
        first = dt.datetime(year, month, 1)
        found = occurrences(store, first, first + dt.timedelta(days=31))
        best = max(best, (len(found), year, month))
    return best


def run(group: Group) -> list[Result]:
    from entraide_desktop.data.calendar import occurrences
    from entraide_desktop.data import recurrence as rec
    from entraide_desktop.data.calendar.public import write_public_calendar
    from entraide_desktop.documents.calendar.ics import build_calendar
    from entraide_desktop.documents.calendar.pdf import write_month_pdf
    from entraide_desktop.ui.app import create_application
    from entraide_desktop.ui.calendar.month_view import MonthView

    app = create_application()
    store = group.open()
    results: list[Result] = []
    try:
        count, year, month = _busiest_month(store)
        view = MonthView()
        view.resize(900, 620)  # the month view's share of a 1366 × 768 window
        view.select_day(dt.date(year, month, 15), emit=False)
        first, last = view.visible_range()
        start, end = (
            dt.datetime.combine(first, dt.time()),
            dt.datetime.combine(last + dt.timedelta(days=1), dt.time()),
        )
        found = occurrences(store, start, end)
        # A busy month: the group's busiest, topped up to 64 occurrences in the month when needed.
        extra = []
        in_month = [o for o in found if o.start.month == month]
        shift = 1
        while len(in_month) + len(extra) < 64:
            for occ in in_month:
                moved = occ.start + dt.timedelta(hours=shift)
                if moved.month == month and len(in_month) + len(extra) < 64:
                    extra.append(
                        replace(
                            occ,
                            start=moved,
                            end=occ.end + dt.timedelta(hours=shift),
                            key=occ.key + f"+{shift}",
                        )
                    )
            shift += 1
        busy = found + extra
        view.show()
        app.processEvents()

        def paint() -> None:
            view._wrapped = {}
            view.set_occurrences(busy)
            view.repaint()

        results.append(
            Result(
                f"vue du mois chargée et dessinée ({len(busy)} occurrences)",
                median_ms(timed(paint, repeat=9)),
                "ms",
                30.0,
                note=f"{year}-{month:02d}, {count} réelles",
            )
        )

        def load_and_paint() -> None:
            _clear_caches()
            view._wrapped = {}
            view.set_occurrences(occurrences(store, start, end))
            view.repaint()

        results.append(
            Result(
                "vue du mois : requête + dessin (mois réel, à froid)",
                median_ms(timed(load_and_paint)),
                "ms",
                note="6 semaines affichées",
            )
        )
        view.close()

        year_start, year_end = dt.datetime(TODAY.year, 1, 1), dt.datetime(TODAY.year + 1, 1, 1)
        rows = store.db.execute(
            "SELECT start_at, rrule FROM activities WHERE archived = 0 AND rrule != '' AND start_at "
            "< ? AND _last_end > ?",
            [year_end.isoformat(), year_start.isoformat()],
        ).fetchall()
        every = store.db.execute(
            "SELECT start_at, rrule FROM activities WHERE archived = 0 AND rrule != ''"
        ).fetchall()

        def expand_year(series: list) -> int:  # type: ignore[type-arg]
            _clear_caches()
            total = 0
            for begin, rule in series:
                total += len(rec.starts_between(rule, dt.datetime.fromisoformat(begin), year_start, year_end))
            return total

        expanded = expand_year(every)
        results.append(
            Result(
                f"expansion d'une année, toutes les séries ({len(every)} séries, {expanded} occ.)",
                median_ms(timed(lambda: expand_year(every))),
                "ms",
                50.0,
                note="à froid, sans cache",
            )
        )
        results.append(
            Result(
                f"expansion d'une année, séries actives cette année ({len(rows)})",
                median_ms(timed(lambda: expand_year(rows))),
                "ms",
                50.0,
                note="à froid",
            )
        )

        def year_with_exceptions() -> None:
            _clear_caches()
            occurrences(store, year_start, year_end)

        results.append(
            Result(
                "occurrences d'une année avec exceptions et animateurs",
                median_ms(timed(year_with_exceptions)),
                "ms",
                note="requêtes comprises",
            )
        )

        with tempfile.TemporaryDirectory() as folder:
            pdf = Path(folder) / "mois.pdf"
            seconds = median_ms(timed(lambda: write_month_pdf(store, pdf, year, month), repeat=5)) / 1000
            results.append(
                Result(
                    "calendrier mural PDF d'un mois",
                    seconds,
                    "s",
                    1.0,
                    note=f"{pdf.stat().st_size // 1024} Kio",
                )
            )
            ics_ms = median_ms(timed(lambda: build_calendar(store)[0].to_ical(), repeat=3))
            results.append(Result("export ICS de tout le calendrier", ics_ms, "ms"))
            paths = group.paths()
            public_ms = median_ms(timed(lambda: write_public_calendar(store, paths), repeat=5))
            results.append(Result("réécriture du calendrier public (mode consultation)", public_ms, "ms"))
    finally:
        store.close()
    return results
