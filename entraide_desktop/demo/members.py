"""Demo people: roles, contacts, yearly memberships and consents."""

from __future__ import annotations

import datetime as dt
import json

from ..data import rows
from ..data.people import consent_id
from ..data.text import fold
from . import DemoContext
from .names import AREA_CODES, FIRST_NAMES, LAST_NAMES, STREETS


def membership_year(on: dt.date) -> tuple[dt.date, dt.date]:
    """The group's membership year, April 1 to March 31."""
    start_year = on.year if on.month >= 4 else on.year - 1
    return dt.date(start_year, 4, 1), dt.date(start_year + 1, 3, 31)


def _phone(ctx: DemoContext) -> str:
    rng = ctx.rng
    return f"{rng.choice(AREA_CODES)} 555-{rng.randrange(0, 10000):04d}"


def populate(ctx: DemoContext) -> None:
    ctx.progress("Membres")
    rng, store = ctx.rng, ctx.store
    span_days = (ctx.today - ctx.start).days + 365 * 2
    people: list[dict] = []
    for _ in range(ctx.scale.people):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        roll = rng.random()
        roles = ["membre"] if roll < 0.78 else ["intervenant"] if roll < 0.86 else ["benevole"] if roll < 0.95 else ["membre", "administrateur"]
        if roles == ["membre"] and rng.random() < 0.08:
            roles.append("administrateur")
        since = ctx.today - dt.timedelta(days=rng.randrange(0, span_days))
        handle = fold(first)[:3] + "." + fold(last).replace(" ", "")[:4]
        person = {
            "first_name": first,
            "last_name": last if rng.random() > 0.07 else None,
            "display_name": (first.split("-")[0] if rng.random() < 0.15 else None),
            "roles": json.dumps(roles),
            "status": "actif" if rng.random() < 0.85 else "inactif",
            "phone": _phone(ctx) if rng.random() < 0.6 else None,
            "mobile": _phone(ctx) if rng.random() < 0.5 else None,
            "email": f"{handle}@exemple.org" if rng.random() < 0.55 else None,
            "address": f"{rng.randrange(10, 2999)}, {rng.choice(STREETS)}, Québec" if rng.random() < 0.4 else None,
            "contact_method": rng.choice(["téléphone", "cellulaire", "courriel", None]),
            "member_since": since.isoformat(),
        }
        people.append(person)
    ids = rows.insert_many(store, "people", people)
    for pid, person in zip(ids, people, strict=True):
        for role in json.loads(person["roles"]):
            ctx.people.setdefault(role, []).append(pid)
    _memberships(ctx, ids, people)
    _consents(ctx, ids, people)


def _memberships(ctx: DemoContext, ids: list[str], people: list[dict]) -> None:
    rng = ctx.rng
    batch = []
    for pid, person in zip(ids, people, strict=True):
        if "membre" not in json.loads(person["roles"]):
            continue
        since = dt.date.fromisoformat(person["member_since"])
        start, _end = membership_year(max(since, ctx.start))
        while start <= ctx.today:
            if rng.random() < (0.9 if person["status"] == "actif" else 0.4):
                paid = start + dt.timedelta(days=rng.randrange(0, 60))
                batch.append(
                    {
                        "person_id": pid,
                        "period_start": start.isoformat(),
                        "period_end": dt.date(start.year + 1, 3, 31).isoformat(),
                        "paid_on": min(paid, ctx.today).isoformat(),
                        "amount": rng.choice(["5.00", "5.00", "0.00", "10.00"]),
                    }
                )
            start = dt.date(start.year + 1, 4, 1)
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
