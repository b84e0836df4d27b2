"""Activity types: the three forms of peer support to start with, and the group's own types.

Every type has a colour AND a symbol and a short label, so that nothing is told by colour
alone (screen readers, colour blindness, black-and-white printing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...i18n import N_, _
from .. import rows
from ..errors import ValidationError
from ..store import Store
from ..text import fold

TABLE = "activity_types"

FORMS: dict[str, str] = {
    "personnelle": N_("Entraide personnelle"),
    "collective": N_("Entraide collective"),
    "promotion": N_("Promotion-vigilance des droits"),
    "": N_("Autre (propre au groupe)"),
}

SYMBOLS: dict[str, str] = {
    "circle": N_("Rond"),
    "square": N_("Carré"),
    "triangle": N_("Triangle"),
    "diamond": N_("Losange"),
    "star": N_("Étoile"),
    "cross": N_("Croix"),
    "hexagon": N_("Hexagone"),
    "ring": N_("Anneau"),
}
"""Shape codes painted beside an activity (ui and documents draw them the same way)."""

PALETTE = ("#1f6f78", "#c0531b", "#6a3d9a", "#2e7d32", "#b8860b", "#ad1457", "#37474f", "#1565c0")
"""Colours with enough contrast on white for text and on paper."""

DEFAULT_TYPES = (
    # (form, name, colour, symbol, short label)
    ("personnelle", N_("Entraide personnelle"), "#1f6f78", "circle", N_("Personnelle")),
    ("collective", N_("Entraide collective"), "#c0531b", "square", N_("Collective")),
    ("promotion", N_("Promotion-vigilance des droits"), "#6a3d9a", "triangle", N_("Droits")),
)


@dataclass(frozen=True)
class ActivityType:
    id: str
    name: str
    form: str
    colour: str
    symbol: str
    short_label: str
    position: int = 0
    archived: bool = False

    @property
    def form_label(self) -> str:
        return _(FORMS.get(self.form, FORMS[""]))


def default_type_id(form: str) -> str:
    return rows.deterministic_id(TABLE, "default", form)


def ensure_default_types(store: Store) -> None:
    """Create the three starting types when the group has no type at all (same ids everywhere)."""
    if store.db.execute("SELECT 1 FROM activity_types LIMIT 1").fetchone():
        return
    with store.write():
        for position, (form, name, colour, symbol, label) in enumerate(DEFAULT_TYPES):
            type_id = default_type_id(form)
            if rows.get(store, TABLE, type_id) is None and not rows.is_erased(store, TABLE, type_id):
                rows.insert(
                    store,
                    TABLE,
                    {
                        "name": _(name),
                        "form": form,
                        "colour": colour,
                        "symbol": symbol,
                        "short_label": _(label),
                        "position": position,
                    },
                    row_id=type_id,
                )


def _from_row(row: dict) -> ActivityType:
    return ActivityType(
        id=row["id"],
        name=row.get("name") or "",
        form=row.get("form") or "",
        colour=row.get("colour") or PALETTE[-2],
        symbol=row.get("symbol") if row.get("symbol") in SYMBOLS else "circle",
        short_label=row.get("short_label") or (row.get("name") or "")[:10],
        position=int(row.get("position") or 0),
        archived=bool(row.get("archived")),
    )


def list_types(store: Store, *, include_archived: bool = False) -> list[ActivityType]:
    """The group's types in their order (archived ones on request: old activities still use them)."""
    cursor = store.db.execute(
        "SELECT id, name, form, colour, symbol, short_label, position, archived FROM activity_types"
        + ("" if include_archived else " WHERE archived = 0")
    )
    names = [c[0] for c in cursor.description]
    found = [_from_row(dict(zip(names, r, strict=True))) for r in cursor.fetchall()]
    return sorted(found, key=lambda t: (t.archived, t.position, fold(t.name)))


def types_by_id(store: Store) -> dict[str, ActivityType]:
    return {t.id: t for t in list_types(store, include_archived=True)}


_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _clean(store: Store, values: dict, type_id: str | None) -> dict:
    name = (values.get("name") or "").strip()
    if not name:
        raise ValidationError(_("Donnez un nom au type d'activité."), "name")
    for other in list_types(store):
        if other.id != type_id and fold(other.name) == fold(name):
            raise ValidationError(
                _("Un type d'activité porte déjà le nom « {name} ».").format(name=other.name), "name"
            )
    label = (values.get("short_label") or "").strip() or name[:12]
    if len(label) > 16:
        raise ValidationError(_("L'étiquette courte doit avoir au plus 16 caractères."), "short_label")
    colour = (values.get("colour") or "").strip()
    if not _COLOUR.match(colour):
        raise ValidationError(_("Choisissez une couleur (par exemple #1f6f78)."), "colour")
    symbol = values.get("symbol") or ""
    if symbol not in SYMBOLS:
        raise ValidationError(_("Choisissez un symbole pour ce type."), "symbol")
    form = values.get("form") or ""
    if form not in FORMS:
        raise ValidationError(_("Cette forme d'entraide n'est pas reconnue."), "form")
    return {"name": name, "short_label": label, "colour": colour.lower(), "symbol": symbol, "form": form}


def create_type(store: Store, values: dict) -> str:
    """Add one of the group's own types; returns its id."""
    with store.write():
        clean = _clean(store, values, None)
        position = 1 + max((t.position for t in list_types(store, include_archived=True)), default=0)
        return rows.insert(store, TABLE, {**clean, "position": position})


def update_type(store: Store, type_id: str, values: dict) -> None:
    with store.write():
        rows.require(store, TABLE, type_id)
        rows.update(store, TABLE, type_id, _clean(store, values, type_id))


def archive_type(store: Store, type_id: str) -> None:
    """Retire a type: existing activities keep it, new ones cannot choose it."""
    with store.write():
        rows.require(store, TABLE, type_id)
        if len(list_types(store)) <= 1:
            raise ValidationError(_("Gardez au moins un type d'activité."))
        rows.archive(store, TABLE, type_id)


def restore_type(store: Store, type_id: str) -> None:
    rows.restore(store, TABLE, type_id)
