"""What an import brought, in words a volunteer understands (shared by the screen and the command line)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from babel.dates import format_timedelta

from ...i18n import _, format_datetime, locale_name, ngettext
from ..schema.registry import SYNCED_TABLES
from .merge import TableChanges


@dataclass
class AreaChanges:
    area: str
    """The area's label as registered (``N_``-marked): translate it when shown."""
    changes: TableChanges


@dataclass
class ImportSummary:
    file_name: str
    machine: str
    site: str
    bundle_id: str
    created: dt.datetime
    imported: dt.datetime
    areas: list[AreaChanges] = field(default_factory=list)
    already_imported: bool = False
    stale: bool = False
    """Older than a file already imported from the same machine."""
    new_conflicts: int = 0
    conflicts_waiting: int = 0
    warnings: list[str] = field(default_factory=list)
    backup: str = ""

    @property
    def total(self) -> int:
        return sum(a.changes.total for a in self.areas)

    @property
    def nothing_new(self) -> bool:
        return self.total == 0


def by_area(per_table: dict[str, TableChanges]) -> list[AreaChanges]:
    """Group per-table changes by the area each table belongs to, in registry order."""
    areas: dict[str, TableChanges] = {}
    for name, spec in SYNCED_TABLES.items():
        if name in per_table:
            areas.setdefault(spec.area, TableChanges()).add(per_table[name])
    return [AreaChanges(area, changes) for area, changes in areas.items() if changes.total]


def age_text(when: dt.datetime, now: dt.datetime | None = None) -> str:
    """« il y a 3 jours », « à l'instant »."""
    now = now or dt.datetime.now()
    delta = now - when
    if delta < dt.timedelta(minutes=1):
        return _("à l'instant")
    return format_timedelta(-delta, add_direction=True, locale=locale_name())


def area_line(area: AreaChanges) -> str:
    c = area.changes
    parts = []
    if c.new:
        parts.append(ngettext("{n} nouvelle fiche", "{n} nouvelles fiches", c.new).format(n=c.new))
    if c.changed:
        parts.append(ngettext("{n} fiche modifiée", "{n} fiches modifiées", c.changed).format(n=c.changed))
    if c.archived:
        parts.append(ngettext("{n} fiche archivée", "{n} fiches archivées", c.archived).format(n=c.archived))
    if c.restored:
        parts.append(ngettext("{n} fiche sortie des archives", "{n} fiches sorties des archives", c.restored).format(n=c.restored))
    if c.erased:
        parts.append(ngettext("{n} fiche effacée pour de bon", "{n} fiches effacées pour de bon", c.erased).format(n=c.erased))
    return _("{area} : {changes}").format(area=_(area.area), changes=", ".join(parts))


def headline(summary: ImportSummary) -> str:
    return _("Fichier reçu de « {machine} », préparé le {when} ({age}).").format(
        machine=summary.machine, when=format_datetime(summary.created), age=age_text(summary.created, summary.imported)
    )


def conflict_lines(summary: ImportSummary) -> list[str]:
    lines = []
    if summary.new_conflicts:
        lines.append(
            ngettext(
                "{n} renseignement a été modifié sur deux postes à la fois : choisissez la bonne version "
                "dans « Renseignements à vérifier ».",
                "{n} renseignements ont été modifiés sur deux postes à la fois : choisissez la bonne version "
                "dans « Renseignements à vérifier ».",
                summary.new_conflicts,
            ).format(n=summary.new_conflicts)
        )
    if summary.conflicts_waiting:
        lines.append(
            ngettext(
                "En tout, {n} renseignement attend votre choix.",
                "En tout, {n} renseignements attendent votre choix.",
                summary.conflicts_waiting,
            ).format(n=summary.conflicts_waiting)
        )
    return lines


def summary_lines(summary: ImportSummary) -> list[str]:
    """The summary as short sentences, most important first."""
    lines = [headline(summary)]
    if summary.already_imported:
        lines.append(_("Ce fichier avait déjà été importé sur ce poste : rien n'a changé."))
    elif summary.nothing_new:
        lines.append(_("Rien de nouveau : ce poste avait déjà toutes ces données."))
    else:
        lines.append(
            ngettext("Une fiche a été mise à jour :", "{n} fiches ont été mises à jour :", summary.total).format(
                n=summary.total
            )
        )
        lines.extend("  • " + area_line(area) for area in summary.areas)
    if summary.stale and not summary.already_imported:
        lines.append(_("Ce fichier est plus ancien que le dernier reçu de ce poste : rien de ce qu'il contient n'a été perdu."))
    lines.extend(conflict_lines(summary))
    lines.extend("⚠ " + warning for warning in summary.warnings)
    return lines
