"""Areas of the application, derived from the tables a change touched.

The write path announces the synced tables a transaction touched (``Store.write``); screens
think in areas ("members", "calendar"…). The schema registry gives each synced table an area
label; this module maps those labels to the area keys screens listen to, once, so that a new
area only adds its label here. It also lists the data layer's follow-ups (see ``follow_ups``).
"""

from __future__ import annotations

from collections.abc import Iterable

from .schema.registry import SYNCED_TABLES

AREA_KEYS: dict[str, str] = {
    "Membres": "members",
    "Calendrier": "calendar",
    "Groupe": "group",
    "Réunions": "meetings",
    "Responsabilités": "responsibilities",
    "Importations": "members",
    "Trésorerie": "treasury",
}
"""Area label in the schema registry (``SyncedTable.area``, untranslated) → area key."""

EVERYTHING = "*"


def area_of(table: str) -> str:
    """The area key of a synced table ("*" when its area is not known here)."""
    spec = SYNCED_TABLES.get(table)
    return AREA_KEYS.get(spec.area, EVERYTHING) if spec is not None else EVERYTHING


def areas_of(tables: Iterable[str]) -> set[str]:
    return {area_of(table) for table in tables}


def tables_of(*areas: str) -> frozenset[str]:
    """The synced tables of some areas (known once the schema modules are imported)."""
    return frozenset(name for name in SYNCED_TABLES if area_of(name) in areas)
