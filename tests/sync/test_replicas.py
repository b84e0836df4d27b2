"""Three to five machines of one group, real encrypted databases on disk, exchanging files at random.

Hypothesis drives inserts, edits, archives, restores, erasures, rows created on several
machines at once with the same deterministic id, clock jumps, exports into a pool of files,
imports of any file in any order (stale, repeated), truncated and bit-flipped files, a
failure inside the import transaction and copied database files. After every step:
the database is intact, no write this machine has seen is lost (each is a version or covered
by a later one, or its row was erased), and importing a file twice changes nothing. At the
end, one exchange round leaves every machine with identical data.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from entraide_desktop.config import paths_for
from entraide_desktop.data import connection, database_file, row_merge, rows
from entraide_desktop.data.clock import DAY_MS, HybridClock
from entraide_desktop.data.store import Store
from entraide_desktop.data.sync import bundle as bundles
from entraide_desktop.data.sync import exchange, machines, merge, state
from entraide_desktop.data.sync.bundle import BundleRefused, OwnBundle
from tests.conftest import PASSPHRASE
from tests.sync.helpers import dump, new_group

pytestmark = pytest.mark.slow  # a Hypothesis state machine over several replicas: half a minute

MAX_REPLICAS = 5
FIELDS = ["first_name", "phone", "notes", "status"]
VALUES = st.sampled_from(["Ana", "Luc", "418 555-0101", "Hélène\nappelle le mardi", "", None])
PERSONS = ["p1", "p2", "p3"]
PURPOSES = ["photos", "phone_network"]
LOCAL_WORK = ["insert", "edit", "archive", "restore", "erase", "consent"]
ACTIONS = [*LOCAL_WORK, "edit", "edit", "export", "export", "import", "import", "import", "import_damaged",
           "import_failure", "clock_jump", "copy"]


@dataclass(frozen=True)
class Write:
    table: str
    row_id: str
    field: str
    site: str
    counter: int


@dataclass
class Replica:
    store: Store
    offset: list[int]  # clock offset in ms, changed by clock jumps

    @property
    def site(self) -> str:
        return self.store.site_id


def _clock(replica: Replica) -> None:
    offset = replica.offset
    replica.store._state.clock = HybridClock(replica.store.clock.last, now=lambda: machines.now_ms() + offset[0])


class Replicas(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="entraide-replicas-"))
        self.replicas: list[Replica] = []
        self.pool: list[tuple[bytes, bundles.Header]] = []
        self.writes: list[Write] = []
        # Every row the test made, in the order it made them (a dict keeps that order).
        self.known_rows: dict[tuple[str, str], None] = {}

    # -- set-up ------------------------------------------------------------------------------
    @initialize(count=st.integers(3, 4))
    def machines(self, count: int) -> None:
        names = [f"Poste {i}" for i in range(count)]
        for store in new_group(self.root / "group", names):
            replica = Replica(store, [0])
            _clock(replica)
            self.replicas.append(replica)
        # A shared start: two people every machine knows, so that concurrent edits meet.
        first = self.replicas[0]
        for name in ("Hélène", "Luc"):
            row_id = rows.insert(first.store, "people", {"first_name": name, "notes": "première version"})
            self._record(first, "people", row_id, {"first_name", "notes", "archived"})
        raw, _header = bundles.build(first.store)
        for replica in self.replicas[1:]:
            exchange.import_bytes(replica.store, raw, "départ", backup=False)

    def _pick(self, data: st.DataObject) -> Replica:
        return data.draw(st.sampled_from(self.replicas), label="machine")

    def _rows_of(self, replica: Replica, table: str) -> list[str]:
        """The rows this machine has, in the order the test made them: not by id, which is random, or
        Hypothesis would draw a different row when it replays the same steps."""
        here = {r[0] for r in replica.store.db.execute(f'SELECT id FROM "{table}"').fetchall()}
        return [row_id for t, row_id in self.known_rows if t == table and row_id in here]

    def _record(self, replica: Replica, table: str, row_id: str, fields: set[str]) -> None:
        counter = replica.store._state.counter
        for name in fields:
            self.writes.append(Write(table, row_id, name, replica.site, counter))
        self.known_rows.setdefault((table, row_id))

    # -- local work --------------------------------------------------------------------------
    @rule(data=st.data(), action=st.sampled_from(ACTIONS))
    def step(self, data: st.DataObject, action: str) -> None:
        """One action drawn among all (one rule, so that every run mixes work and exchanges)."""
        if action in LOCAL_WORK:
            self.local_work(data, action, data.draw(VALUES, label="value"))
        elif action == "copy":
            if len(self.replicas) < MAX_REPLICAS:
                self.copy_database_file(data)
        elif action == "clock_jump":
            self.clock_jump(data, data.draw(st.integers(-40, 40), label="days"))
        elif action == "export":
            self.export(data, data.draw(st.booleans(), label="to disk"))
        elif self.pool:
            if action == "import":
                self.import_file(data, data.draw(st.booleans(), label="backup"))
            elif action == "import_damaged":
                self.import_damaged(data, data.draw(st.sampled_from(["truncate", "flip"]), label="damage"),
                                    data.draw(st.floats(0, 1), label="where"))
            else:
                self.import_with_failure(data, data.draw(st.integers(1, 3), label="fail at"))

    def local_work(self, data: st.DataObject, kind: str, value) -> None:  # noqa: ANN001
        replica = self._pick(data)
        store = replica.store
        if kind == "insert":
            row_id = rows.insert(store, "people", {"first_name": value, "phone": value})
            self._record(replica, "people", row_id, {"first_name", "phone", "archived"})
            return
        if kind == "consent":
            self._consent(replica, data)
            return
        ids = self._rows_of(replica, "people")
        if kind == "erase":
            ids += self._rows_of(replica, "consents")
        if not ids:
            return
        row_id = data.draw(st.sampled_from(ids), label="row")
        if kind == "edit":
            field = data.draw(st.sampled_from(FIELDS), label="field")
            self._record(replica, "people", row_id, rows.update(store, "people", row_id, {field: value}))
        elif kind in ("archive", "restore"):
            done = (rows.archive if kind == "archive" else rows.restore)(store, "people", row_id)
            self._record(replica, "people", row_id, {rows.ARCHIVED} if done else set())
        else:
            rows.erase(store, "people" if rows.get(store, "people", row_id) else "consents", row_id)

    def _consent(self, replica: Replica, data: st.DataObject) -> None:
        """The same consent recorded on several machines: one deterministic row."""
        person = data.draw(st.sampled_from(PERSONS), label="person")
        purpose = data.draw(st.sampled_from(PURPOSES), label="purpose")
        row_id = rows.deterministic_id("consents", person, purpose)
        if rows.is_erased(replica.store, "consents", row_id):
            return
        values = {"person_id": person, "purpose": purpose, "granted": data.draw(st.integers(0, 1), label="granted")}
        if rows.get(replica.store, "consents", row_id) is not None:
            changed = rows.update(replica.store, "consents", row_id, values)
        else:
            rows.insert(replica.store, "consents", values, row_id=row_id)
            changed = {*values, rows.ARCHIVED}
        self._record(replica, "consents", row_id, changed)

    def clock_jump(self, data: st.DataObject, days: int) -> None:
        self._pick(data).offset[0] = days * DAY_MS

    # -- exchanges ---------------------------------------------------------------------------
    def export(self, data: st.DataObject, to_disk: bool) -> None:
        replica = self._pick(data)
        if to_disk:
            folder = self.root / "usb" / replica.site
            folder.mkdir(parents=True, exist_ok=True)
            path = exchange.export_to(replica.store, folder).path
            raw = path.read_bytes()
            header = bundles.peek(raw, path.name)
        else:
            raw, header = bundles.build(replica.store, created_ms=machines.now_ms() + replica.offset[0])
        self.pool.append((raw, header))

    def import_file(self, data: st.DataObject, backup: bool) -> None:
        replica = self._pick(data)
        raw, header = data.draw(st.sampled_from(self.pool), label="file")
        store = replica.store
        if header.site == replica.site:
            try:
                exchange.import_bytes(store, raw, "propre")
            except OwnBundle:
                return
            raise AssertionError("a machine imported its own file")
        opened = bundles.open_bundle(store, raw, "fichier")
        if state.dominated(header.vector, state.current_vector(store)):
            # The shortcut must agree with a full comparison.
            assert merge.plan_merge(store, opened.snapshot).empty
        exchange.import_bytes(store, raw, "fichier", backup=backup, confirm_mass=True)
        after = dump(store)
        again = exchange.import_bytes(store, raw, "fichier")
        assert again.already_imported and dump(store) == after
        assert merge.plan_merge(store, opened.snapshot).empty, "a repeated import would change something"

    def import_damaged(self, data: st.DataObject, kind: str, where: float) -> None:
        replica = self._pick(data)
        raw, header = data.draw(st.sampled_from(self.pool), label="file")
        position = min(int(len(raw) * where), len(raw) - 1)
        if kind == "truncate":
            damaged = raw[:position]
        else:
            flipped = bytearray(raw)
            flipped[position] ^= 1 << data.draw(st.integers(0, 7), label="bit")
            damaged = bytes(flipped)
        before = dump(replica.store)
        try:
            exchange.import_bytes(replica.store, damaged, "abîmé")
        except BundleRefused:
            pass
        else:
            raise AssertionError("a damaged file was imported")
        assert dump(replica.store) == before

    def import_with_failure(self, data: st.DataObject, fail_at: int) -> None:
        replica = self._pick(data)
        raw, header = data.draw(st.sampled_from(self.pool), label="file")
        if header.site == replica.site:
            return
        before = dump(replica.store)
        real = row_merge._merged
        calls = []

        def failing(*args, **kwargs):  # noqa: ANN002, ANN003
            calls.append(args[2])
            if len(calls) >= fail_at:
                raise RuntimeError("panne")
            return real(*args, **kwargs)

        row_merge._merged = failing
        try:
            exchange.import_bytes(replica.store, raw, "fichier", backup=False, shortcut=False, confirm_mass=True)
        except RuntimeError:
            assert dump(replica.store) == before
        finally:
            row_merge._merged = real

    def copy_database_file(self, data: st.DataObject) -> None:
        source = self._pick(data)
        source.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        target = self.root / f"copy{len(self.replicas)}"
        shutil.copytree(source.store.database_path.parent, target)
        store = connection.unlock(paths_for(target / source.store.database_path.name), PASSPHRASE)
        assert store.site_id != source.site and store.site_id_was_renewed
        replica = Replica(store, list(source.offset))
        _clock(replica)
        self.replicas.append(replica)

    # -- invariants --------------------------------------------------------------------------
    @invariant()
    def intact_and_nothing_seen_is_lost(self) -> None:
        for replica in self.replicas:
            assert database_file.integrity_check(replica.store.db) == []
            self._check_writes(replica, only_seen=True)

    def _check_writes(self, replica: Replica, *, only_seen: bool) -> None:
        store = replica.store
        vector = state.current_vector(store)
        for w in self.writes:
            if only_seen and vector.get(w.site, 0) < w.counter:
                continue
            if rows.is_erased(store, w.table, w.row_id):
                continue
            field = rows.record_state(store, w.table, w.row_id).get(w.field)
            assert field is not None, f"write lost on {replica.site}: {w}"
            assert (w.site, w.counter) in {s.dot for s in field.siblings} or field.context.get(w.site, 0) >= w.counter, (
                f"write lost on {replica.site}: {w}"
            )

    def teardown(self) -> None:
        try:
            if self.replicas:
                files = [(r, bundles.build(r.store)[0]) for r in self.replicas]
                for replica in self.replicas:
                    for source, raw in files:
                        if source is not replica:
                            exchange.import_bytes(replica.store, raw, "tour final", backup=False, confirm_mass=True)
                reference = dump(self.replicas[0].store)
                for replica in self.replicas:
                    assert dump(replica.store) == reference, "machines differ after a full exchange"
                    self._check_writes(replica, only_seen=False)
        finally:
            for replica in self.replicas:
                replica.store.close()
            shutil.rmtree(self.root, ignore_errors=True)


Replicas.TestCase.settings = settings(
    max_examples=60, stateful_step_count=40, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
test_replicas = Replicas.TestCase
