"""Meeting types (editable list with the usual agenda of each) and the group's quorum rule.

The five usual types are built in: each has a deterministic id from its code, so editing one on
two machines edits the same row. Until a group changes a built-in type, its defaults come from
here; the group may add its own types.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

from ...i18n import N_, _, format_percent
from .. import group, rows
from ..errors import ValidationError
from ..schema.core import GROUP_PROFILE_ID
from ..store import Store

VOTERS: dict[str, str] = {
    "members": N_("Les membres en règle présents"),
    "board": N_("Les administrateur·trices présent·es"),
    "present": N_("Toutes les personnes présentes"),
}
QUORUM_KINDS: dict[str, str] = {
    "group": N_("La règle du groupe (règlements généraux)"),
    "number": N_("Un nombre fixe de personnes votantes"),
    "none": N_("Pas de quorum"),
}

# Agenda item kinds, recognised from the title (see ``item_kind``).
OPENING, ELECTION, QUORUM, AGENDA, PREVIOUS_MINUTES, REPORT, VARIA, CLOSING, REGULAR = (
    "opening", "election", "quorum", "agenda", "previous_minutes", "report", "varia", "closing", "regular"
)


@dataclass(frozen=True)
class _BuiltIn:
    code: str
    name: str
    abbrev: str
    voters: str
    quorum_kind: str
    quorum_value: str
    agenda: tuple[str, ...]


BUILT_IN: tuple[_BuiltIn, ...] = (
    _BuiltIn("aga", N_("Assemblée générale annuelle"), "AGA", "members", "group", "", (
        N_("Ouverture de l'assemblée et mot de bienvenue"),
        N_("Nomination d'une présidence et d'un secrétariat d'assemblée"),
        N_("Vérification du quorum et de l'avis de convocation"),
        N_("Lecture et adoption de l'ordre du jour"),
        N_("Lecture et adoption du procès-verbal de l'assemblée générale précédente"),
        N_("Présentation et adoption du rapport d'activités"),
        N_("Présentation et adoption des états financiers"),
        N_("Nomination de la personne chargée de la mission d'examen"),
        N_("Orientations et plan d'action de l'année qui vient"),
        N_("Ratification des actes des administrateur·trices"),
        N_("Élections au conseil d'administration"),
        N_("Varia"),
        N_("Levée de l'assemblée"),
    )),
    _BuiltIn("age", N_("Assemblée générale extraordinaire"), "AGE", "members", "group", "", (
        N_("Ouverture de l'assemblée"),
        N_("Nomination d'une présidence et d'un secrétariat d'assemblée"),
        N_("Vérification du quorum et de l'avis de convocation"),
        N_("Lecture et adoption de l'ordre du jour"),
        N_("Sujet de l'assemblée (tel qu'annoncé dans l'avis de convocation)"),
        N_("Levée de l'assemblée"),
    )),
    _BuiltIn("ca", N_("Conseil d'administration"), "CA", "board", "number", "4", (
        N_("Ouverture de la séance"),
        N_("Vérification du quorum"),
        N_("Adoption de l'ordre du jour"),
        N_("Adoption du procès-verbal de la réunion précédente"),
        N_("Suivis au procès-verbal"),
        N_("Rapport de la coordination"),
        N_("Finances"),
        N_("Nouvelles du comité des membres"),
        N_("Varia"),
        N_("Date de la prochaine réunion"),
        N_("Levée de la séance"),
    )),
    _BuiltIn("comite", N_("Comité des membres"), "CM", "present", "none", "", (
        N_("Ouverture de la rencontre et tour de table"),
        N_("Adoption de l'ordre du jour"),
        N_("Adoption du procès-verbal de la rencontre précédente"),
        N_("Activités à venir"),
        N_("Idées et propositions des membres"),
        N_("Varia"),
        N_("Levée de la rencontre"),
    )),
    _BuiltIn("equipe", N_("Réunion d'équipe"), "RE", "present", "none", "", (
        N_("Ouverture et tour de table"),
        N_("Adoption de l'ordre du jour"),
        N_("Suivis de la dernière réunion"),
        N_("Calendrier des activités"),
        N_("Dossiers en cours"),
        N_("Varia"),
        N_("Levée de la réunion"),
    )),
)


def type_id(code: str) -> str:
    """Deterministic id of a built-in type."""
    return rows.deterministic_id("meeting_types", code)


@dataclass(frozen=True)
class MeetingType:
    id: str
    code: str  # built-in code, "" for the group's own types
    name: str
    abbrev: str
    voters: str
    quorum_kind: str
    quorum_value: str
    agenda: tuple[str, ...] = field(default_factory=tuple)
    sort_order: int = 100
    archived: bool = False

    @property
    def is_assembly(self) -> bool:
        return self.code in ("aga", "age")


def _from_builtin(index: int, b: _BuiltIn) -> MeetingType:
    return MeetingType(type_id(b.code), b.code, _(b.name), b.abbrev, b.voters, b.quorum_kind, b.quorum_value,
                       tuple(_(t) for t in b.agenda), index * 10)


def _from_row(row: dict, default: MeetingType | None) -> MeetingType:
    def pick(name: str, fallback: object) -> object:
        value = row.get(name)
        return fallback if value is None else value

    base = default or MeetingType(row["id"], "", "", "", "present", "none", "")
    agenda = base.agenda
    if row.get("agenda") is not None:
        try:
            agenda = tuple(str(t) for t in json.loads(row["agenda"]) if str(t).strip())
        except ValueError:
            agenda = base.agenda
    return MeetingType(
        row["id"], str(pick("code", base.code) or ""), str(pick("name", base.name)), str(pick("abbrev", base.abbrev)),
        str(pick("voters", base.voters)), str(pick("quorum_kind", base.quorum_kind)),
        str(pick("quorum_value", base.quorum_value) or ""), agenda, int(pick("sort_order", base.sort_order)),  # type: ignore[call-overload]
        bool(row.get("archived")),
    )


def list_types(store: Store, *, include_archived: bool = False) -> list[MeetingType]:
    """Every meeting type, built-in ones first (with the group's changes), then the group's own."""
    defaults = {type_id(b.code): _from_builtin(i, b) for i, b in enumerate(BUILT_IN)}
    stored = {r[0]: r for r in store.db.execute("SELECT * FROM meeting_types").fetchall()}
    columns = [c[1] for c in store.db.execute('PRAGMA table_info("meeting_types")').fetchall()]
    found = []
    for tid, default in defaults.items():
        row = stored.pop(tid, None)
        found.append(_from_row(dict(zip(columns, row, strict=True)), default) if row else default)
    for row in stored.values():
        found.append(_from_row(dict(zip(columns, row, strict=True)), None))
    if not include_archived:
        found = [t for t in found if not t.archived]
    return sorted(found, key=lambda t: (t.sort_order, t.name))


def get_type(store: Store, tid: str) -> MeetingType:
    for t in list_types(store, include_archived=True):
        if t.id == tid:
            return t
    return MeetingType(tid, "", _("Réunion"), "R", "present", "none", "")


def type_by_code(store: Store, code: str) -> MeetingType:
    return get_type(store, type_id(code))


def save_type(
    store: Store,
    tid: str | None,
    *,
    name: str,
    abbrev: str,
    voters: str,
    quorum_kind: str,
    quorum_value: str = "",
    agenda: list[str] | tuple[str, ...] = (),
) -> str:
    """Create (``tid`` None) or change a meeting type; returns its id."""
    name, abbrev = name.strip(), abbrev.strip().upper()
    if not name:
        raise ValidationError(_("Indiquez le nom du type de réunion."), "name")
    if not abbrev or len(abbrev) > 6 or not abbrev.replace("-", "").isalnum():
        raise ValidationError(_("L'abréviation (par exemple « CA ») compte de 1 à 6 lettres ou chiffres."), "abbrev")
    if voters not in VOTERS:
        raise ValidationError(_("Choisissez qui a droit de vote."), "voters")
    if quorum_kind not in QUORUM_KINDS:
        raise ValidationError(_("Choisissez une règle de quorum."), "quorum_kind")
    if quorum_kind == "number":
        quorum_value = str(_positive_int(quorum_value, "quorum_value"))
    else:
        quorum_value = ""
    values = {
        "name": name, "abbrev": abbrev, "voters": voters, "quorum_kind": quorum_kind, "quorum_value": quorum_value,
        "agenda": json.dumps([t.strip() for t in agenda if t.strip()], ensure_ascii=False),
    }
    with store.write():
        if tid is None:
            order = 100 + len(list_types(store, include_archived=True))
            return rows.insert(store, "meeting_types", {**values, "code": "", "sort_order": order})
        current = get_type(store, tid)
        if rows.get(store, "meeting_types", tid) is None:
            rows.insert(store, "meeting_types", {**values, "code": current.code, "sort_order": current.sort_order},
                        row_id=tid)
        else:
            rows.update(store, "meeting_types", tid, values)
    return tid


def archive_type(store: Store, tid: str) -> None:
    """Hide a type from new meetings (its meetings keep it)."""
    current = get_type(store, tid)
    with store.write():
        if rows.get(store, "meeting_types", tid) is None:
            rows.insert(store, "meeting_types", {"code": current.code, "sort_order": current.sort_order}, row_id=tid)
        rows.archive(store, "meeting_types", tid)


def _positive_int(value: object, field_name: str) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        number = 0
    if number < 1:
        raise ValidationError(_("Le quorum est un nombre entier de personnes (1 ou plus)."), field_name)
    return number


# -- the group's rule ---------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupQuorumRule:
    kind: str  # "number" | "share" | "" (not set)
    value: float  # people, or a fraction 0..1

    def describe(self) -> str:
        if self.kind == "number":
            return _("{n} membres en règle").format(n=int(self.value))
        if self.kind == "share":
            return _("{pct} des membres en règle").format(pct=_percent(self.value))
        return _("aucune règle définie")

    def required(self, in_good_standing: int) -> int | None:
        if self.kind == "number":
            return int(self.value)
        if self.kind == "share":
            return max(1, math.ceil(round(self.value * in_good_standing, 6)))
        return None


def _percent(value: float) -> str:
    return format_percent(value)


def group_quorum_rule(store: Store) -> GroupQuorumRule:
    profile = group.profile(store)
    kind = profile.quorum_kind
    try:
        value = float(profile.quorum_value or 0)
    except ValueError:
        value = 0.0
    if kind not in ("number", "share") or value <= 0:
        return GroupQuorumRule("", 0.0)
    return GroupQuorumRule(kind, value)


def set_group_quorum_rule(store: Store, kind: str, value: str | float) -> GroupQuorumRule:
    """Set the rule of the group's bylaws: ``number`` of members, or ``share`` (0.1 or "10 %")."""
    if kind == "number":
        stored = str(_positive_int(value, "quorum_value"))
    elif kind == "share":
        text = str(value).replace(",", ".").replace("%", "").strip()
        try:
            number = float(text)
        except ValueError:
            number = -1.0
        if isinstance(value, str) and ("%" in value or number > 1):
            number /= 100
        if not 0 < number <= 1:
            raise ValidationError(_("La proportion doit être entre 1 % et 100 % des membres en règle."), "quorum_value")
        stored = repr(round(number, 4))
    elif kind == "":
        stored = ""
    else:
        raise ValidationError(_("Choisissez une règle de quorum."), "quorum_kind")
    rows.update(store, "group_profile", GROUP_PROFILE_ID, {"quorum_kind": kind or None, "quorum_value": stored or None})
    return group_quorum_rule(store)


# -- agenda items -------------------------------------------------------------------------------

_KIND_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (PREVIOUS_MINUTES, ("procès-verbal", "proces-verbal", "compte rendu")),
    (AGENDA, ("ordre du jour",)),
    (QUORUM, ("quorum",)),
    (ELECTION, ("présidence", "presidence")),
    (REPORT, ("rapport d'activités", "rapport d’activités")),
    (CLOSING, ("levée", "levee", "clôture", "cloture", "fin de la")),
    (VARIA, ("varia", "divers")),
    (OPENING, ("ouverture", "mot de bienvenue")),
)


def item_kind(title: str) -> str:
    """The usual item a title names (ouverture, ordre du jour, procès-verbal…), or "regular"."""
    folded = title.casefold()
    for kind, words in _KIND_WORDS:
        if any(w in folded for w in words):
            if kind == PREVIOUS_MINUTES and "suivi" in folded:
                return REGULAR
            return kind
    return REGULAR
