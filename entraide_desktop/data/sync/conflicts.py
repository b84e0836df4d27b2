"""Information changed on two machines at once, shown side by side so a person can settle it.

A field edited on two machines before they exchanged files keeps both versions (see
``versions.py``). For the fields a silent choice would hurt (``review_fields``: phone
numbers, notes, minutes…) the secretary picks one or writes a merged value; resolving is an
ordinary ``rows.update``, which covers every version, so the choice reaches the other
machines like any edit. Other fields show the latest version; the other stays in the history.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from dataclasses import dataclass

from ...i18n import N_, _
from .. import rows
from ..clock import to_seconds
from ..schema.registry import SYNCED_TABLES, spec_for
from ..store import Store
from ..treasury.money import format_cents
from ..versions import Value
from .labels import field_label, record_label
from .machines import names_by_site
from ..errors import ValidationError


@dataclass(frozen=True)
class Version:
    value: Value
    text: str
    machines: tuple[str, ...]
    authors: tuple[str, ...]
    when: dt.datetime
    shown: bool
    """The version currently displayed everywhere (the most recent)."""


@dataclass(frozen=True)
class Conflict:
    table: str
    row_id: str
    field: str
    area: str
    record: str
    label: str
    versions: tuple[Version, ...]
    long_text: bool

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.table, self.row_id, self.field)


REVISIONS = {"edited": N_("Modifiée"), "deleted": N_("Supprimée")}


def value_text(field: str, value: Value) -> str:
    """A value as a person reads it."""
    if value is None or value == "":
        return _("(vide)")
    if field == rows.ARCHIVED:
        return _("Archivée") if value else _("Active")
    if isinstance(value, float):
        return f"{value:g}"
    if field.endswith("_cents") and isinstance(value, int):
        return format_cents(value)
    if field == "revision" and value in REVISIONS:
        return _(REVISIONS[value])
    return str(value)


def _versions(store: Store, field: str, state, names: dict[str, str]) -> tuple[Version, ...]:  # noqa: ANN001
    winner = state.winner
    grouped: dict[str, list] = {}
    for sibling in state.siblings:
        grouped.setdefault(json.dumps(sibling.value, sort_keys=True), []).append(sibling)
    versions = []
    for siblings in grouped.values():
        latest = max(siblings, key=lambda s: (s.hlc, s.site, s.counter))
        versions.append(
            Version(
                value=latest.value,
                text=value_text(field, latest.value),
                machines=tuple(dict.fromkeys(names.get(s.site, _("Un autre poste")) for s in siblings)),
                authors=tuple(dict.fromkeys(s.author for s in siblings if s.author)),
                when=dt.datetime.fromtimestamp(to_seconds(latest.hlc)),
                shown=winner in siblings,
            )
        )
    versions.sort(key=lambda v: (not v.shown, -v.when.timestamp()))
    return tuple(versions)


def waiting(store: Store, *, all_fields: bool = False) -> list[Conflict]:
    """Conflicts to settle, most recent first (only review fields unless ``all_fields``)."""
    names = names_by_site(store)
    found = []
    for item in rows.conflicts(store):
        spec = SYNCED_TABLES.get(item.table)
        if spec is None or not (all_fields or item.field in spec.review_fields):
            continue
        row = rows.get(store, item.table, item.row_id) or {}
        found.append(
            Conflict(
                table=item.table,
                row_id=item.row_id,
                field=item.field,
                area=_(spec.area),
                record=record_label(item.table, row),
                label=field_label(item.table, item.field),
                versions=_versions(store, item.field, item.state, names),
                long_text=item.field in spec.long_text_fields,
            )
        )
    return found


def count_waiting(store: Store) -> int:
    return len(waiting(store))


def get(store: Store, table: str, row_id: str, field: str) -> Conflict | None:
    for conflict in waiting(store, all_fields=True):
        if conflict.key == (table, row_id, field):
            return conflict
    return None


def resolve(store: Store, table: str, row_id: str, field: str, value: Value) -> None:
    """Keep ``value`` (one of the versions, or a merged text): an ordinary edit that covers every version.

    A typed value for a field whose versions are numbers is stored as a number.
    """
    spec_for(table)
    if isinstance(value, str):
        value = _typed(value, rows.record_state(store, table, row_id).get(field))
    rows.update(store, table, row_id, {field: value})


def _typed(text: str, state) -> Value:  # noqa: ANN001
    if not text.strip():
        return None
    kinds = {type(s.value) for s in (state.siblings if state else ()) if s.value is not None}
    if kinds and kinds <= {int, float}:
        try:
            number = float(text.strip().replace(",", "."))
        except ValueError:

            raise ValidationError(_("Ce renseignement est un nombre : écrivez un nombre."), "value") from None
        return int(number) if number.is_integer() and kinds == {int} else number
    return text


def diff_lines(old: str, new: str) -> list[tuple[str, str]]:
    """Line-by-line difference: (" " same, "-" only in the first, "+" only in the second, text)."""
    result = []
    for line in difflib.ndiff((old or "").splitlines(), (new or "").splitlines()):
        kind, text = line[:1], line[2:]
        if kind in (" ", "-", "+"):
            result.append((kind, text))
    return result
