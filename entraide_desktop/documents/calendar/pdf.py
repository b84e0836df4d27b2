"""The printable wall calendar: one month or one week per page, landscape, large type.

``wall_data`` reads what to print from the database (run it on the worker's own connection);
``write_month_pdf`` / ``write_week_pdf`` paint it with QPdfWriter (no widgets, so it works off
the UI thread and from the command line). Types are shown by a painted symbol and a legend,
so the page reads as well in black and white as in colour.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QPageSize, QPainter, QPdfWriter

from ... import i18n
from ...data import files, group
from ...data.calendar.activity_types import ActivityType, list_types
from ...data.calendar.expand import occurrences
from ...data.calendar.labels import capitalised, month_grid, week_days, week_start
from ...data.calendar.occurrence import OccurrenceView
from ...data.errors import EntraideError
from ...data.store import Store
from ...i18n import _
from ..page import LANDSCAPE, POINT, pdf_writer
from . import pdf_pages

PAPERS = {"letter": QPageSize.PageSizeId.Letter, "a4": QPageSize.PageSizeId.A4}
RESOLUTION = 300


@dataclass(frozen=True)
class WallData:
    """Everything a wall calendar page shows (no database needed to paint it)."""

    group: str
    title: str
    days: list[dt.date]
    month: int  # 0 for a week
    by_day: dict[dt.date, list[OccurrenceView]] = field(default_factory=dict)
    types: list[ActivityType] = field(default_factory=list)
    printed_on: dt.date = field(default_factory=dt.date.today)
    public_only: bool = False


def wall_data(
    store: Store,
    *,
    month: tuple[int, int] | None = None,
    week_of: dt.date | None = None,
    type_ids: Collection[str] | None = None,
    public_only: bool = False,
) -> WallData:
    """What to print for a month (``(2026, 12)``) or for the week that contains ``week_of``."""
    if month is not None:
        year, number = month
        days = month_grid(year, number)
        title = i18n.format_month(dt.date(year, number, 1))
    elif week_of is not None:
        days = week_days(week_start(week_of))
        number = 0
        title = _("Semaine du {first} au {last}").format(
            first=i18n.format_skeleton("MMMMd", days[0]), last=i18n.format_date(days[-1], "long")
        )
    else:
        raise ValueError("month or week_of")
    start = dt.datetime.combine(days[0], dt.time())
    end = dt.datetime.combine(days[-1] + dt.timedelta(days=1), dt.time())
    found = occurrences(store, start, end, type_ids=type_ids, public_only=public_only)
    by_day: dict[dt.date, list[OccurrenceView]] = {}
    for occ in found:
        for day in occ.days:
            if days[0] <= day <= days[-1]:
                by_day.setdefault(day, []).append(occ)
    used = {o.type_id for o in found}
    types = [
        t for t in list_types(store, include_archived=True) if t.id in used or (not t.archived and not used)
    ]
    profile = group.profile(store)
    return WallData(
        group=profile.name,
        title=title,
        days=days,
        month=number,
        by_day=by_day,
        types=types,
        public_only=public_only,
    )


def _writer(path: Path, paper: str) -> QPdfWriter:
    if paper not in PAPERS:
        raise EntraideError(_("Format de papier inconnu : « {paper} » (letter ou a4).").format(paper=paper))
    return pdf_writer(path, "", (0, 0, 0, 0), paper=PAPERS[paper], orientation=LANDSCAPE, unit=POINT,
                      resolution=RESOLUTION)


def write_wall_pdf(pages: list[WallData], path: Path, paper: str = "letter") -> int:
    """Paint one page per ``WallData`` into ``path`` (written atomically); returns the number of pages."""
    if not pages:
        raise EntraideError(_("Rien à imprimer."))
    tmp = path.with_name(path.name + ".tmp")
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = _writer(tmp, paper)
    writer.setTitle(" — ".join(p for p in (pages[0].group, capitalised(pages[0].title)) if p))
    painter = QPainter()
    if not painter.begin(writer):
        raise EntraideError(_("Impossible de créer le fichier PDF « {path} ».").format(path=path))
    try:
        for index, page in enumerate(pages):
            if index:
                writer.newPage()
            size = QSizeF(writer.width(), writer.height())
            if page.month:
                pdf_pages.paint_month(painter, size, page, RESOLUTION)
            else:
                pdf_pages.paint_week(painter, size, page, RESOLUTION)
    finally:
        painter.end()
    files.replace(tmp, path)
    return len(pages)


def write_month_pdf(
    store: Store,
    path: Path,
    year: int,
    month: int,
    *,
    paper: str = "letter",
    type_ids: Collection[str] | None = None,
    public_only: bool = False,
) -> int:
    return write_wall_pdf(
        [wall_data(store, month=(year, month), type_ids=type_ids, public_only=public_only)], path, paper
    )


def write_week_pdf(
    store: Store,
    path: Path,
    day: dt.date,
    *,
    paper: str = "letter",
    type_ids: Collection[str] | None = None,
    public_only: bool = False,
) -> int:
    return write_wall_pdf(
        [wall_data(store, week_of=day, type_ids=type_ids, public_only=public_only)], path, paper
    )
