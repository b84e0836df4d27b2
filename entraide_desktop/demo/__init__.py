"""Fictional but realistic French-Quebec groups, for the demo and the benchmarks.

``populate`` runs each area's generator in order (members first: the others refer to
people). The same generators make the small demo group and the synthetic ten-year group
of the benchmarks; only the :class:`Scale` differs. The same seed gives the same group.
"""

from __future__ import annotations

import datetime as dt
import importlib
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..config import Paths
from ..data import connection
from ..data.errors import EntraideError
from ..data.maintenance import row_counts
from ..data.people import list_people
from ..data.store import Store
from ..i18n import _

DEMO_PASSPHRASE = "demo-entraide"
DEMO_GROUP = "Le Phare, groupe d'entraide"
AREAS = ("members", "calendar", "responsibilities", "meetings", "treasury")


@dataclass(frozen=True)
class Scale:
    people: int
    years: int
    meetings: int
    label: str


DEMO = Scale(people=70, years=3, meetings=14, label="demo")
TEN_YEARS = Scale(people=1500, years=10, meetings=120, label="ten-year")


@dataclass
class DemoContext:
    """Shared by the generators: what earlier areas created, for later ones to refer to."""

    store: Store
    rng: random.Random
    scale: Scale
    today: dt.date
    progress: Callable[[str], None]
    people: dict[str, list[str]] = field(default_factory=dict)  # role code -> person ids
    extra: dict[str, Any] = field(default_factory=dict)  # free space for areas (activity ids…)

    @property
    def start(self) -> dt.date:
        return dt.date(self.today.year - self.scale.years + 1, 1, 1)

    def all_people(self) -> list[str]:
        seen: dict[str, None] = {}
        for ids in self.people.values():
            seen.update(dict.fromkeys(ids))
        return list(seen)


def populate(store: Store, scale: Scale = DEMO, *, seed: int = 2026, today: dt.date | None = None,
             progress: Callable[[str], None] = lambda _text: None) -> DemoContext:
    ctx = DemoContext(store, random.Random(seed), scale, today or dt.date.today(), progress)
    for area in AREAS:
        module = importlib.import_module(f"{__name__}.{area}")
        generate = getattr(module, "populate", None)
        if generate is not None:
            generate(ctx)
    return ctx


def fill_demo(paths: Paths, passphrase: str, *, seed: int = 2026, scale: Scale = DEMO,
              progress: Callable[[str], None] = lambda _text: None) -> dict[str, int]:
    """Create the demo database (or fill an empty one); returns row counts per table."""

    if paths.database.exists():
        store = connection.unlock(paths, passphrase)
    else:
        store = connection.create_database(
            paths, group_name=DEMO_GROUP, region="Capitale-Nationale", person="Secrétariat (démo)", passphrase=passphrase
        ).store
    try:
        if list_people(store, include_archived=True):
            raise EntraideError(_("Cette base contient déjà des personnes : la démonstration n'a rien ajouté."))
        populate(store, scale, seed=seed, progress=progress)
        return row_counts(store)
    finally:
        store.close()


def ensure_demo_database(paths: Paths) -> None:
    """Create the demo database at ``paths`` when it does not exist yet."""
    if not paths.database.exists():
        fill_demo(paths, DEMO_PASSPHRASE)
