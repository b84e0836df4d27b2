"""Things to do, shown on the home page: each area provides its own reminders.

A provider is ``reminders(store, today) -> list[Reminder]`` in an area module listed in
``PROVIDERS``; a provider that does not exist yet is skipped.
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass

from .store import Store

PROVIDERS = (
    "entraide_desktop.data.responsibilities",
    "entraide_desktop.data.meetings",
    "entraide_desktop.data.members",
    "entraide_desktop.data.sync.reminders",
    "entraide_desktop.data.backups",
)


@dataclass(frozen=True)
class Reminder:
    """One thing to do. ``area`` is the page key that opens it (e.g. "responsibilities")."""

    area: str
    text: str
    due: dt.date | None = None
    urgent: bool = False
    target_id: str = ""


def collect(store: Store, today: dt.date | None = None) -> list[Reminder]:
    """Every provider's reminders, urgent and soonest first."""
    today = today or dt.date.today()
    found: list[Reminder] = []
    for name in PROVIDERS:
        module = importlib.import_module(name)
        provider = getattr(module, "reminders", None)
        if provider is not None:
            found.extend(provider(store, today))
    return sorted(found, key=lambda r: (not r.urgent, r.due or dt.date.max, r.text))
