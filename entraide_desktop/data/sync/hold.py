"""A pause on mass changes: a file that would erase or archive many people is held until confirmed.

One exchange file once erased all 71 people of a group, for good, and the erasure spread at
the next sync. An honest machine rarely erases or archives more than a few people between
two exchanges, so an import that would erase or archive more than :data:`FEW_PEOPLE`
people, or more than :data:`SHARE` of the register, is held: nothing is written, and
:class:`HeldImport` says what the file would do. The screen asks, the command line wants
``--yes``; both then import again with ``confirm_mass=True``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...i18n import _, ngettext
from .. import rows
from ..people import display_name
from ..store import Store
from ..versions import merge_field
from .container import BundleRefused
from .merge import Plan

FEW_PEOPLE = 3
SHARE = 0.10
SHOWN_NAMES = 8


@dataclass
class MassChange:
    """What a held file would do to the register."""

    machine: str
    register: int
    erased: list[str] = field(default_factory=list)
    archived: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.erased) + len(self.archived)

    def headline(self) -> str:
        return _("Le fichier de « {machine} » changerait beaucoup de fiches du registre ({n} personnes inscrites).") \
            .format(machine=self.machine, n=self.register)

    def details(self) -> list[str]:
        lines = []
        for names, text in ((self.erased, ngettext("{n} personne serait effacée pour de bon : {names}",
                                                   "{n} personnes seraient effacées pour de bon : {names}",
                                                   len(self.erased))),
                            (self.archived, ngettext("{n} personne serait archivée : {names}",
                                                     "{n} personnes seraient archivées : {names}", len(self.archived)))):
            if names:
                shown = ", ".join(sorted(names)[:SHOWN_NAMES])
                if len(names) > SHOWN_NAMES:
                    shown += " " + _("et {n} autres").format(n=len(names) - SHOWN_NAMES)
                lines.append("• " + text.format(n=len(names), names=shown))
        return lines

    def advice(self) -> str:
        return _("Rien n'a été importé. Vérifiez auprès de la personne qui a préparé ce fichier avant de confirmer ; "
                 "une fiche effacée ne revient pas.")


class HeldImport(BundleRefused):
    """The file would erase or archive many people: nothing was imported; confirm to apply it."""

    def __init__(self, change: MassChange) -> None:
        self.change = change
        super().__init__("\n".join([change.headline(), *change.details(), change.advice()]))


def is_mass(count: int, register: int) -> bool:
    """More than a few people, or (from two people on) more than a tenth of the register."""
    return count > FEW_PEOPLE or (count >= 2 and count > SHARE * register)


def mass_change(store: Store, plan: Plan, machine: str) -> MassChange | None:
    """What ``plan`` would do to people, when it is a mass change (None otherwise); reads only."""
    erased_ids = [s.row_id for s in plan.tombstones if s.table == "people"]
    archiving = [(row_id, remote) for table, row_id, remote, new in plan.merges
                 if table == "people" and not new and rows.ARCHIVED in remote]
    if not erased_ids and not archiving:
        return None
    change = MassChange(machine, store.db.execute("SELECT count(*) FROM people WHERE archived = 0").fetchone()[0])
    for row_id in erased_ids:
        person = rows.get(store, "people", row_id)
        if person is not None:
            change.erased.append(display_name(person))
    for row_id, remote in archiving:
        person = rows.get(store, "people", row_id)
        if person is None or person[rows.ARCHIVED]:
            continue
        merged = merge_field(rows.record_state(store, "people", row_id).get(rows.ARCHIVED), remote[rows.ARCHIVED])
        if merged is not None and merged.value:
            change.archived.append(display_name(person))
    return change if is_mass(change.count, change.register) else None
