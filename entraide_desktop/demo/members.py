"""Demo people: roles, contacts, yearly memberships, consents, a few edits by another person,
archived records and one record entered twice (to try merging)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from ..data import rows
from ..data.members.memberships import default_period, membership_year
from ..data.people import consent_id
from ..data.store import Author
from ..data.text import fold
from . import DemoContext
from .names import AREA_CODES, CHOSEN_NAMES, CONTACT_HOURS, FIRST_NAMES, LAST_NAMES, NOTES, RELATIONS, STREETS

__all__ = ["membership_year", "populate"]

OTHER_AUTHOR = Author("demo-accueil", "Lucie (accueil)")
"""A second person who keeps the register on the shared computer (their edits show in the history)."""


def _phone(ctx: DemoContext) -> str:
    rng = ctx.rng
    return f"{rng.choice(AREA_CODES)} 555-{rng.randrange(0, 10000):04d}"


ROLE_ROLLS = ((0.78, ("membre",)), (0.86, ("intervenant",)), (0.95, ("benevole",)), (1.0, ("membre", "administrateur")))
"""(up to this roll, these roles): most people are members; some staff, volunteers, board members."""
MEMBER_EXTRA_ROLES = (("administrateur", 0.08), ("benevole", 0.1))  # a plain member may take one more role


def _maybe(ctx: DemoContext, chance: float, make: Callable[[], Any]) -> Any:
    """Every personal field is optional: filled for about ``chance`` of the people."""
    return make() if ctx.rng.random() < chance else None


def _roles(ctx: DemoContext) -> list[str]:
    roll = ctx.rng.random()
    roles = list(next(roles for limit, roles in ROLE_ROLLS if roll < limit))
    for extra, chance in MEMBER_EXTRA_ROLES:
        if roles == ["membre"] and ctx.rng.random() < chance:
            roles.append(extra)
    return roles


def _person(ctx: DemoContext, span_days: int) -> dict:
    rng = ctx.rng
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    roles = _roles(ctx)
    since = ctx.today - dt.timedelta(days=rng.randrange(0, span_days))
    handle = fold(first)[:3] + "." + fold(last).replace(" ", "")[:4]
    phone, mobile = _maybe(ctx, 0.6, lambda: _phone(ctx)), _maybe(ctx, 0.5, lambda: _phone(ctx))
    email = _maybe(ctx, 0.55, lambda: f"{handle}@exemple.org")
    chosen = _maybe(ctx, 0.1, lambda: rng.choice(CHOSEN_NAMES))
    methods = [m for m, has in (("phone", phone), ("mobile", mobile), ("text", mobile), ("email", email)) if has]
    emergency = _maybe(ctx, 0.25, lambda: f"{rng.choice(FIRST_NAMES)} ({rng.choice(RELATIONS)}), {_phone(ctx)}")
    return {
        "first_name": first,
        "last_name": last if rng.random() > 0.07 else None,
        "display_name": chosen,
        "roles": json.dumps(roles),
        "status": "actif" if rng.random() < 0.85 else "inactif",
        "phone": phone,
        "mobile": mobile,
        "email": email,
        "address": _maybe(ctx, 0.4, lambda: f"{rng.randrange(10, 2999)}, {rng.choice(STREETS)}, Québec"),
        "contact_method": rng.choice(methods) if methods and rng.random() < 0.7 else None,
        "contact_hours": _maybe(ctx, 0.3, lambda: rng.choice(CONTACT_HOURS)),
        "emergency_contact": emergency,
        "member_since": since.isoformat(),
        "notes": _maybe(ctx, 0.12, lambda: rng.choice(NOTES)),
        "archived": 1 if rng.random() < 0.03 else 0,
    }


def populate(ctx: DemoContext) -> None:
    ctx.progress("Membres")
    store = ctx.store
    span_days = (ctx.today - ctx.start).days + 365 * 2
    people = [_person(ctx, span_days) for _ in range(ctx.scale.people)]
    # The same person entered twice by two volunteers: try « Fusionner » on it.
    twin = dict(people[0], email=None, notes=None, archived=0, member_since=ctx.today.isoformat())
    twin["phone"] = twin["phone"] or twin["mobile"] or _phone(ctx)
    people[0]["phone"] = twin["phone"]
    people.append(twin)
    ids = rows.insert_many(store, "people", people)
    ctx.extra["person_ids"] = ids  # in the order entered, for the areas that draw from everyone
    for pid, person in zip(ids[:-1], people[:-1], strict=True):
        if person["archived"]:
            continue
        for role in json.loads(person["roles"]):
            ctx.people.setdefault(role, []).append(pid)
    _memberships(ctx, ids, people)
    _consents(ctx, ids, people)
    _later_edits(ctx, ids, people)


def _memberships(ctx: DemoContext, ids: list[str], people: list[dict]) -> None:
    rng = ctx.rng
    batch = []
    period_of = default_period(ctx.store)  # the group's membership year (April to March by default)
    for pid, person in zip(ids, people, strict=True):
        if "membre" not in json.loads(person["roles"]):
            continue
        since = dt.date.fromisoformat(person["member_since"])
        start, end = period_of(max(since, ctx.start))
        while start <= ctx.today:
            if rng.random() < (0.9 if person["status"] == "actif" else 0.4):
                paid = start + dt.timedelta(days=rng.randrange(0, 60))
                batch.append(
                    {
                        "person_id": pid,
                        "period_start": start.isoformat(),
                        "period_end": end.isoformat(),
                        "paid_on": min(paid, ctx.today).isoformat(),
                        "amount": rng.choice(["5.00", "5.00", "0.00", "10.00", None]),
                    }
                )
            start, end = period_of(end + dt.timedelta(days=1))
    rows.insert_many(ctx.store, "memberships", batch)


def _consents(ctx: DemoContext, ids: list[str], people: list[dict]) -> None:
    rng = ctx.rng
    batch = []
    for pid, person in zip(ids, people, strict=True):
        since = person["member_since"]
        for purpose, chance in (("phone_network", 0.45), ("calendar_leader", 0.6), ("photos", 0.35), ("mailings", 0.7)):
            if rng.random() < chance:
                withdrawn = None
                if rng.random() < 0.08:
                    withdrawn = (ctx.today - dt.timedelta(days=rng.randrange(1, 200))).isoformat()
                batch.append(
                    {
                        "id": consent_id(pid, purpose),
                        "person_id": pid,
                        "purpose": purpose,
                        "granted": 1,
                        "granted_on": since,
                        "withdrawn_on": withdrawn if withdrawn and withdrawn > since else None,
                    }
                )
    rows.insert_many(ctx.store, "consents", batch)


def _later_edits(ctx: DemoContext, ids: list[str], people: list[dict]) -> None:
    """A few records updated later from the reception desk: their history shows two authors."""
    rng = ctx.rng
    desk = ctx.store.with_author(OTHER_AUTHOR)
    with desk.write():
        for pid, person in zip(ids, people, strict=True):
            if person["archived"] or rng.random() >= 0.05:
                continue
            change = rng.choice(("phone", "status", "contact_hours"))
            if change == "phone":
                rows.update(desk, "people", pid, {"mobile": _phone(ctx)})
            elif change == "status":
                rows.update(desk, "people", pid, {"status": "inactif" if person["status"] == "actif" else "actif"})
            else:
                rows.update(desk, "people", pid, {"contact_hours": rng.choice(CONTACT_HOURS)})
