"""Bounds on what an exchange file may claim, checked before anything is merged.

Anyone holding the group key can seal a file, so an authenticated file is still hostile
until checked. A :class:`Guard` is built per import from this machine's own clock and
version vector; it checks the header, each record that brings something new and each
tombstone:

- **clocks**: a stamp after :data:`LATEST_WALL_MS` (the year 2200: no clock is that wrong)
  refuses the file. A stamp merely ahead is kept as it is (rewriting it would make two machines
  hold the same write differently, and they would never agree again), but this machine's clock
  never follows it more than ``clock.MAX_AHEAD_MS`` ahead (``HybridClock.observe``), and the
  import summary reports the clock as far ahead;
- **counters**: a machine's write counter may not jump by more than
  :data:`MAX_COUNTER_STEP` over what this machine knows of it (else its later real edits
  would be taken as already seen and ignored): the file is refused;
- **values**: each field's value must fit its column (text, integer, number, date) and
  :data:`MAX_TEXT_CHARS`; ids, sites, authors and sibling counts are bounded; a repeating
  activity's rule must be one the calendar accepts (see ``data.recurrence``).

A refusal is a :class:`ForgedFile` with a French message naming what was wrong.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any

from ...i18n import _
from .. import recurrence
from ..clock import LATEST_WALL_MS, MAX_AHEAD_MS, now_ms, wall_ms
from ..rows import MAX_TEXT_CHARS
from ..store import Store
from ..versions import RecordState
from .container import BundleRefused
from .state import current_vector

MAX_COUNTER_STEP = 1_000_000
"""How many writes a machine may have made that this machine has not heard of (per file)."""
MAX_PAYLOAD_FLOOR = 16 * 1024 * 1024
MAX_RATIO = 16
"""Exchange files compress about 8 to 1 (the demo group 8.5, the ten-year group 7.4): a payload may
unpack to at most :data:`MAX_PAYLOAD_FLOOR` plus this many times the compressed size, checked
before unpacking (a 1 MB file: at most 32 MiB)."""
MAX_RECORDS_FLOOR = 20_000
MIN_COMPRESSED_PER_RECORD = 16
MAX_SIBLINGS = 64
MAX_NAME_CHARS = 200
MAX_INT = 2**63 - 1
_SITE = re.compile(r"[0-9a-f]{16}")
_SURROGATE = re.compile("[\ud800-\udfff]")
"""A lone surrogate decodes from JSON but cannot be stored (SQLite takes UTF-8 only)."""
_ROW_ID = re.compile(r"[0-9A-Za-z_.:-]{1,80}")
_DATE_NAMES = ("_on", "_at", "date", "_since", "original_start", "new_start", "new_end", "due")


class ForgedFile(BundleRefused):
    """An authenticated file whose content no honest Entraide could have written."""


def payload_limit(compressed: int) -> int:
    """The largest payload a file with ``compressed`` bytes of content may announce."""
    return MAX_PAYLOAD_FLOOR + MAX_RATIO * compressed


def record_limit(compressed: int) -> int:
    """The most records a file with ``compressed`` bytes of content may hold: honest records take about
    110 compressed bytes each (the ten-year group), forged tiny ones 3, at a cost in memory."""
    return MAX_RECORDS_FLOOR + compressed // MIN_COMPRESSED_PER_RECORD


def _forged(detail: str) -> ForgedFile:
    return ForgedFile(
        _("Ce fichier contient des données impossibles ({detail}) : il a été refusé et rien n'a changé. "
          "Il a peut-être été fabriqué ou modifié par quelqu'un qui a la clé du groupe.").format(detail=detail)
    )


def _column_kinds(store: Store, table: str) -> dict[str, str]:
    kinds = {}
    for row in store.db.execute(f'PRAGMA table_info("{table}")').fetchall():
        name, declared = row[1], (row[2] or "").upper()
        if name == "id" or name.startswith("_"):
            continue
        if "INT" in declared:
            kinds[name] = "int"
        elif "REAL" in declared or "FLOA" in declared or "DOUB" in declared:
            kinds[name] = "real"
        elif name.endswith(_DATE_NAMES):
            kinds[name] = "date"
        else:
            kinds[name] = "text"
    return kinds


def value_problem(kind: str, name: str, value: Any) -> str:
    """Why ``value`` cannot be stored in a column of ``kind`` (empty when it can).

    Lenient where SQLite is (a number in a text column, a numeric or empty text in a number
    column), strict on size, on type (no list, no mapping, no true/false) and on dates and rules.
    """
    if value is None:
        return ""
    number = (type(value) is int and -MAX_INT <= value <= MAX_INT) or (
        type(value) is float and math.isfinite(value) and abs(value) <= MAX_INT)
    if kind in ("int", "real"):
        ok = number or (type(value) is str and len(value) <= 40 and _is_number(value))
    elif kind == "date":
        ok = type(value) is str and (not value or (len(value) <= 40 and _is_date(value)))
    else:
        ok = number or (type(value) is str and len(value) <= MAX_TEXT_CHARS
                        and (value.isascii() or not _SURROGATE.search(value)))
        if ok and name == "rrule" and value:
            ok = type(value) is str and rule_accepted(value)
    return "" if ok else _("valeur refusée pour « {field} »").format(field=name)


def _is_number(text: str) -> bool:
    if not text.strip():
        return True
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


def _is_date(text: str) -> bool:
    try:
        dt.datetime.fromisoformat(text)
    except ValueError:
        try:
            dt.time.fromisoformat(text)
        except ValueError:
            return False
    return True


def rule_accepted(text: str) -> bool:
    """A repetition rule the calendar would accept: daily to yearly, with an end (see ``recurrence.check_rule``)."""
    if not recurrence.usable(text):
        return False
    parts = recurrence.rule_parts(text)
    count, interval = parts.get("COUNT", ""), parts.get("INTERVAL", "1")
    if count and not (count.isdigit() and 1 <= int(count) <= recurrence.MAX_COUNT):
        return False
    return ("UNTIL" in parts or bool(count)) and interval.isdigit() and 1 <= int(interval) <= 366


@dataclass
class Guard:
    """Checks for one import, against this machine's clock and what it knows of each machine."""

    now: int
    known: dict[str, int]
    bound_counters: bool = True
    kinds: dict[str, dict[str, str]] = field(default_factory=dict)
    ahead: int = 0
    sites: set[str] = field(default_factory=set)
    attested: dict[str, int] | None = None  # per machine, the highest write counter it signed (see signed.py)
    revoked: dict[str, int] = field(default_factory=dict)  # removed machines: the last counter still theirs
    signers: set[str] = field(default_factory=set)  # machines with a known key (others wrote before signatures)

    @classmethod
    def for_store(cls, store: Store, now: int | None = None, *, joining: bool = False) -> Guard:
        """``joining``: the join file brings the whole group's history, nothing to compare counters with."""

        return cls(now or now_ms(), current_vector(store), bound_counters=not joining)

    def hlc(self, value: int) -> int:
        """A received stamp, checked: before 1970 or after 2200 is impossible."""
        if not 0 <= wall_ms(value) <= LATEST_WALL_MS:
            raise _forged(_("une date impossible"))
        if wall_ms(value) > self.now + MAX_AHEAD_MS:
            self.ahead += 1
        return value

    def counter(self, site: str, value: int) -> None:
        if site not in self.sites:
            if not _SITE.fullmatch(site):
                raise _forged(_("un identifiant de poste invalide"))
            self.sites.add(site)
        if not 0 <= value <= MAX_INT:
            raise _forged(_("un compteur de modifications hors limites"))
        if self.bound_counters and value > self.known.get(site, 0) + MAX_COUNTER_STEP:
            raise _forged(_("un poste qui aurait fait plus d'un million de modifications d'un coup"))
        if self.attested is not None and site in self.signers and value > self.known.get(site, 0):
            if site in self.revoked and value > self.revoked[site]:
                raise _forged(_("des modifications d'un poste retiré du groupe"))
            if value > self.attested.get(site, 0):
                raise _forged(_("des modifications attribuées à un poste qui ne les a pas signées"))

    def limit(self, attested: dict[str, int], revoked: dict[str, int], signers: set[str], header: Any) -> None:
        """From now on, a signing machine's writes are accepted only up to the counter it signed (and the
        header is checked again). A machine with no key wrote before files were signed: its old bounds stay."""
        self.attested, self.revoked, self.signers = attested, revoked, signers
        for site, counter in header.vector.items():
            self.counter(site, counter)

    def header(self, header: Any) -> None:
        """The header of an exchange file (``bundle.Header``): sites, name, creation time and vector."""
        if not 0 <= header.created <= LATEST_WALL_MS:
            raise _forged(_("une date de création hors limites"))
        sites = [header.site, *header.previous_sites]
        if not all(_SITE.fullmatch(site) for site in sites) or _SURROGATE.search(header.machine):
            raise _forged(_("un poste mal identifié"))
        for site, counter in header.vector.items():
            self.counter(site, counter)

    def meta(self, meta: dict[str, Any]) -> None:
        """Keep only well-formed entries of the sender's list of machines (names and dates bounded)."""
        peers = meta.get("peers")
        kept = []
        for entry in peers if isinstance(peers, list) else []:
            if (isinstance(entry, list) and len(entry) == 3 and isinstance(entry[0], str) and _SITE.fullmatch(entry[0])
                    and (entry[1] is None or (isinstance(entry[1], str) and len(entry[1]) <= MAX_NAME_CHARS))
                    and (entry[2] is None or (type(entry[2]) is int and 0 <= entry[2] <= MAX_INT))):
                kept.append(entry)
        meta["peers"] = kept[:1000]

    def record(self, store: Store, table: str, row_id: str, state: RecordState) -> RecordState:
        """The record's synced fields, checked; :class:`ForgedFile` when something cannot be right."""
        if not _ROW_ID.fullmatch(row_id):
            raise _forged(_("un identifiant de fiche invalide"))
        kinds = self.kinds.get(table)
        if kinds is None:
            kinds = self.kinds[table] = _column_kinds(store, table)
        checked: RecordState = {}
        top: dict[str, int] = {}
        ahead = self.now + MAX_AHEAD_MS
        for name, fstate in state.items():
            kind = kinds.get(name)
            if kind is None:
                continue  # not a field here: dropped by the merge
            context = fstate.context
            if len(fstate.siblings) > MAX_SIBLINGS or len(context) > MAX_SIBLINGS:
                raise _forged(_("trop de versions d'un même renseignement"))
            for site, counter in context.items():
                if counter > top.get(site, -1):
                    top[site] = counter
            for s in fstate.siblings:
                # Every sibling is covered by its own context: checking the contexts' counters checks its own.
                if not 1 <= s.counter <= context.get(s.site, 0):
                    raise _forged(_("une version qui ne figure pas dans son propre historique"))
                if len(s.author) > MAX_NAME_CHARS or (not s.author.isascii() and _SURROGATE.search(s.author)):
                    raise _forged(_("un nom d'auteur trop long ou illisible"))
                value = s.value
                if not (kind == "text" and type(value) is str and len(value) <= MAX_TEXT_CHARS and value.isascii()
                        and name != "rrule"):
                    problem = value_problem(kind, name, value)
                    if problem:
                        raise _forged(problem)
                wall = wall_ms(s.hlc)
                if not 0 <= wall <= LATEST_WALL_MS:
                    raise _forged(_("une date impossible"))
                if wall > ahead:
                    self.ahead += 1
            checked[name] = fstate
        for site, counter in top.items():
            self.counter(site, counter)
        return checked

    def tombstone(self, row_id: str, site: str, hlc: int, author: str) -> int:
        if (not _ROW_ID.fullmatch(row_id) or not _SITE.fullmatch(site) or len(author) > MAX_NAME_CHARS
                or _SURROGATE.search(author)):
            raise _forged(_("un effacement mal formé"))
        return self.hlc(hlc)
