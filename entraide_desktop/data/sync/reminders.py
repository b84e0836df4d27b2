"""The sync area's reminders on the home page: conflicts waiting for a choice, machines not heard
from for a long time (a provider of ``data.reminders``)."""

from __future__ import annotations

import datetime as dt

from ...i18n import _, ngettext
from ..reminders import Reminder
from ..store import Store
from . import conflicts, machines

QUIET_DAYS = 14
"""A known machine with no exchange for this long gets a reminder on the home page."""


def reminders(store: Store, today: dt.date) -> list[Reminder]:
    """Conflicts waiting for a choice; machines not heard from for a long time."""
    found = []
    waiting = conflicts.count_waiting(store)
    if waiting:
        found.append(
            Reminder(
                "sync",
                ngettext(
                    "{n} renseignement a été modifié sur deux postes à la fois : choisissez la bonne version.",
                    "{n} renseignements ont été modifiés sur deux postes à la fois : choisissez la bonne version.",
                    waiting,
                ).format(n=waiting),
                urgent=True,
                target_id="conflicts",
            )
        )
    for machine in machines.known_machines(store):
        last = machine.last_exchange
        if last is None:
            continue
        days = (today - last.date()).days
        if days >= QUIET_DAYS:
            found.append(
                Reminder(
                    "sync",
                    _("Aucun échange avec « {machine} » depuis {days} jours : pensez à synchroniser.").format(
                        machine=machine.name, days=days
                    ),
                    due=last.date() + dt.timedelta(days=QUIET_DAYS),
                )
            )
    return found
