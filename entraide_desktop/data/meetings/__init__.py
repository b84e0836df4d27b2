"""Meetings and minutes (filled by the meetings issue). ``reminders`` feeds the home page (follow-ups)."""

from __future__ import annotations

import datetime as dt

from ..reminders import Reminder
from ..store import Store


def reminders(store: Store, today: dt.date) -> list[Reminder]:
    return []
