"""The catalogue: recurring tasks, standing roles and elected mandates, with their handover notes."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from ...i18n import N_, _, join_list, ngettext
from .. import rows
from ..errors import NotFound, ValidationError
from ..people import ROLES, parse_roles
from ..store import Store
from ..text import fold
from .defaults import STARTING_CATALOGUE

TABLE = "responsibilities"

KINDS: dict[str, str] = {"task": N_("Tâche régulière"), "role": N_("Rôle permanent"), "mandate": N_("Mandat électif")}
KIND_HEADINGS: dict[str, str] = {
    "task": N_("Tâches régulières"),
    "role": N_("Rôles permanents"),
    "mandate": N_("Mandats électifs"),
}
FREQUENCIES: dict[str, str] = {"weekly": N_("Chaque semaine"), "monthly": N_("Chaque mois"), "as_needed": N_("Au besoin")}
KIND_ORDER = {kind: i for i, kind in enumerate(KINDS)}
MAX_SEATS = 99
MAX_TERM_MONTHS = 120


@dataclass(frozen=True)
class Responsibility:
    id: str
    kind: str
    title: str
    description: str = ""
    handover: str = ""
    frequency: str = ""
    seats: int = 1
    term_months: int = 0
    eligible_roles: tuple[str, ...] = ()
    code: str = ""
    archived: bool = False

    @property
    def is_mandate(self) -> bool:
        return self.kind == "mandate"

    @property
    def kind_label(self) -> str:
        return _(KINDS.get(self.kind, self.kind))

    @property
    def frequency_label(self) -> str:
        return _(FREQUENCIES[self.frequency]) if self.frequency in FREQUENCIES else ""

    def may_hold(self, roles: Iterable[str]) -> bool:
        """True when a person with ``roles`` may hold it (no restriction, or one allowed role)."""
        return not self.eligible_roles or bool(set(self.eligible_roles) & set(roles))

    def eligibility_text(self) -> str:
        """« Ouvert à toute personne du registre » or « Réservé aux personnes qui ont le rôle : Membre »."""
        if not self.eligible_roles:
            return _("Ouvert à toute personne du registre")
        labels = [_(ROLES.get(r, r)) for r in self.eligible_roles]
        return _("Réservé aux personnes qui ont le rôle : {roles}").format(roles=join_list(labels))

    def summary(self) -> str:
        """One line that says what it is: kind, rhythm or term, seats."""
        parts = [self.kind_label]
        if self.kind == "task" and self.frequency_label:
            parts.append(self.frequency_label.lower())
        if self.is_mandate:
            parts.append(_("mandat de {n} mois").format(n=self.term_months))
            parts.append(ngettext("{n} siège", "{n} sièges", self.seats).format(n=self.seats))
        elif self.seats > 1:
            parts.append(_("{n} personnes à la fois").format(n=self.seats))
        return " · ".join(parts)


def _from_row(row: dict) -> Responsibility:
    return Responsibility(
        id=row["id"],
        kind=row.get("kind") or "task",
        title=row.get("title") or "",
        description=row.get("description") or "",
        handover=row.get("handover") or "",
        frequency=row.get("frequency") or "",
        seats=int(row.get("seats") or 1),
        term_months=int(row.get("term_months") or 0),
        eligible_roles=parse_roles(row.get("eligible_roles")),
        code=row.get("code") or "",
        archived=bool(row.get("archived")),
    )


def list_responsibilities(store: Store, *, kind: str | None = None, include_archived: bool = False) -> list[Responsibility]:
    """The catalogue, tasks then roles then mandates, each by title (accent-blind)."""
    sql = f"SELECT * FROM {TABLE}"
    where, args = [], []
    if not include_archived:
        where.append("archived = 0")
    if kind:
        where.append("kind = ?")
        args.append(kind)
    if where:
        sql += " WHERE " + " AND ".join(where)
    cursor = store.db.execute(sql, args)
    names = [c[0] for c in cursor.description]
    found = [_from_row(dict(zip(names, r, strict=True))) for r in cursor.fetchall()]
    return sorted(found, key=lambda r: (KIND_ORDER.get(r.kind, 9), fold(r.title), r.id))


def get_responsibility(store: Store, responsibility_id: str) -> Responsibility:
    row = rows.get(store, TABLE, responsibility_id)
    if row is None:
        raise NotFound(_("Cette responsabilité n'existe pas ou plus (elle a peut-être été effacée sur un autre poste)."))
    return _from_row(row)


def _clean(values: dict[str, object]) -> dict[str, object]:
    """Check a catalogue entry; returns the values to store. Raises ValidationError in French."""
    kind = str(values.get("kind") or "")
    if kind not in KINDS:
        raise ValidationError(_("Choisissez le genre de responsabilité : tâche, rôle ou mandat."), "kind")
    title = " ".join(str(values.get("title") or "").split())
    if not title:
        raise ValidationError(_("Donnez un nom à la responsabilité (par exemple « Préparer le café »)."), "title")
    try:
        seats = int(values.get("seats") or 1)
    except (TypeError, ValueError):
        raise ValidationError(_("Le nombre de personnes doit être un nombre entier."), "seats") from None
    if not 1 <= seats <= MAX_SEATS:
        raise ValidationError(_("Le nombre de sièges ou de personnes doit être entre 1 et {max}.").format(max=MAX_SEATS), "seats")
    term = int(values.get("term_months") or 0)
    if kind == "mandate" and not 1 <= term <= MAX_TERM_MONTHS:
        raise ValidationError(
            _("Indiquez la durée d'un mandat, en mois (entre 1 et {max}).").format(max=MAX_TERM_MONTHS), "term_months"
        )
    frequency = str(values.get("frequency") or "")
    if kind == "task" and frequency not in FREQUENCIES:
        frequency = "weekly"
    roles = [r for r in (values.get("eligible_roles") or []) if r in ROLES]  # type: ignore[union-attr]
    return {
        "kind": kind,
        "title": title,
        "description": str(values.get("description") or "").strip(),
        "handover": str(values.get("handover") or "").strip(),
        "frequency": frequency if kind == "task" else "",
        "seats": seats,
        "term_months": term if kind == "mandate" else None,
        "eligible_roles": json.dumps(roles),
    }


def save_responsibility(store: Store, values: dict[str, object], responsibility_id: str | None = None) -> str:
    """Create (no id) or change a catalogue entry; returns its id. Nothing is saved on an error."""
    clean = _clean(values)
    with store.write():
        if responsibility_id is None:
            return rows.insert(store, TABLE, {**clean, "code": ""})
        current = get_responsibility(store, responsibility_id)
        if clean["kind"] != current.kind and _has_assignments(store, responsibility_id):
            raise ValidationError(
                _("Cette responsabilité a déjà été confiée : son genre (tâche, rôle ou mandat) ne peut plus changer. "
                  "Créez-en une nouvelle au besoin."),
                "kind",
            )
        if clean["kind"] == "mandate":
            used = store.db.execute(
                "SELECT max(seat) FROM assignments WHERE responsibility_id = ? AND archived = 0", [responsibility_id]
            ).fetchone()[0]
            if used and used > int(clean["seats"]):  # type: ignore[call-overload]
                raise ValidationError(
                    _("Le siège {seat} de ce mandat a déjà été occupé : gardez au moins {seat} sièges.").format(seat=used),
                    "seats",
                )
        rows.update(store, TABLE, responsibility_id, clean)
    return responsibility_id


def _has_assignments(store: Store, responsibility_id: str) -> bool:
    return store.db.execute(
        "SELECT 1 FROM assignments WHERE responsibility_id = ? AND archived = 0 LIMIT 1", [responsibility_id]
    ).fetchone() is not None


def archive_responsibility(store: Store, responsibility_id: str) -> None:
    """Take it out of the catalogue (its history stays counted); reversible."""
    get_responsibility(store, responsibility_id)
    rows.archive(store, TABLE, responsibility_id)


def restore_responsibility(store: Store, responsibility_id: str) -> None:
    get_responsibility(store, responsibility_id)
    rows.restore(store, TABLE, responsibility_id)


def starting_id(code: str) -> str:
    """The id of a starting-catalogue entry: the same on every machine."""
    return rows.deterministic_id(TABLE, "starting-catalogue", code)


def install_starting_catalogue(store: Store) -> list[str]:
    """Add the starting catalogue's entries that are not there yet; returns the ids added."""
    added = []
    with store.write():
        for entry in STARTING_CATALOGUE:
            row_id = starting_id(str(entry["code"]))
            if rows.get(store, TABLE, row_id) is not None or rows.is_erased(store, TABLE, row_id):
                continue
            values = {
                "kind": entry["kind"],
                "title": _(str(entry["title"])),
                "description": _(str(entry["description"])),
                "handover": _(str(entry["handover"])),
                "frequency": entry.get("frequency", ""),
                "seats": entry.get("seats", 1),
                "term_months": entry.get("term_months"),
                "eligible_roles": json.dumps(entry.get("eligible_roles", [])),
                "code": entry["code"],
            }
            added.append(rows.insert(store, TABLE, values, row_id=row_id))
    return added
