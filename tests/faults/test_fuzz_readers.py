"""Fuzzing the readers of what comes from outside: key files, recovery keys, backups.

Thousands of generated inputs; the only outcome allowed besides success is a person-facing
:class:`EntraideError`, and a refused input changes nothing on disk.
"""

from __future__ import annotations

import hashlib
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entraide_desktop.data import backups, database_file, keys
from entraide_desktop.data.errors import EntraideError
from tests.conftest import PASSPHRASE

pytestmark = pytest.mark.slow  # thousands of mutated files

FUZZ = settings(
    max_examples=int(os.environ.get("ENTRAIDE_FUZZ_EXAMPLES", "1500")),
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20) | st.floats(allow_nan=False),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)


@FUZZ
@given(st.binary(max_size=2000))
def test_key_file_random_bytes(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("k") / "entraide.db.keys"
    path.write_bytes(data)
    try:
        keys.read_keyfile(path)
    except EntraideError:
        pass


@FUZZ
@given(st.data())
def test_key_file_mutated_structure(tmp_path_factory, data):
    """A real key file with one field replaced by anything JSON can hold."""
    valid = {
        "format": "entraide-keys", "version": 1, "database_id": "d", "check": "AAAA",
        "slots": [{"id": "s", "label": "Marie", "kdf": dict(keys.DEFAULT_KDF), "salt": "AAAAAAAAAAAAAAAAAAAAAA==",
                   "nonce": "AAAAAAAAAAAAAAAA", "wrapped": "AAAA", "created": "2026-01-01"}],
    }
    where = data.draw(st.sampled_from(["format", "version", "database_id", "check", "slots", "slot", "kdf"]))
    value = data.draw(json_values)
    if where == "slot":
        valid["slots"][0][data.draw(st.sampled_from(sorted(valid["slots"][0])))] = value
    elif where == "kdf":
        valid["slots"][0]["kdf"][data.draw(st.sampled_from(sorted(keys.DEFAULT_KDF)))] = value
    else:
        valid[where] = value
    path = tmp_path_factory.mktemp("k") / "entraide.db.keys"
    path.write_text(json.dumps(valid), encoding="utf-8")
    try:
        keyfile = keys.read_keyfile(path)
        for slot_id, _label in keyfile.labels():
            try:
                keys.unwrap(keyfile, slot_id, PASSPHRASE)
            except EntraideError:
                pass
    except EntraideError:
        pass


@FUZZ
@given(st.text(max_size=120))
def test_recovery_key_text(text):
    try:
        key = keys.parse_recovery_key(text)
    except EntraideError:
        return
    assert len(key) == keys.KEY_BYTES


@settings(max_examples=int(os.environ.get("ENTRAIDE_FUZZ_BACKUPS", "300")), deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.data())
def test_damaged_backups_are_refused_and_leave_the_database_alone(store, paths, tmp_path_factory, data):
    """Bit flips, truncation and garbage in a backup file: refused with a message, database unchanged."""
    if not hasattr(test_damaged_backups_are_refused_and_leave_the_database_alone, "good"):
        test_damaged_backups_are_refused_and_leave_the_database_alone.good = backups.backup_now(store).path.read_bytes()
    good: bytes = test_damaged_backups_are_refused_and_leave_the_database_alone.good
    damaged = bytearray(good)
    how = data.draw(st.sampled_from(["flip", "truncate", "garbage"]))
    if how == "flip":
        for _ in range(data.draw(st.integers(1, 8))):
            position = data.draw(st.integers(0, len(damaged) - 1))
            damaged[position] ^= 1 << data.draw(st.integers(0, 7))
    elif how == "truncate":
        damaged = damaged[: data.draw(st.integers(0, len(damaged) - 1))]
    else:
        damaged = bytearray(data.draw(st.binary(min_size=0, max_size=9000)))
    path = tmp_path_factory.mktemp("b") / "entraide-2026-01-01-000000-manuelle.db"
    path.write_bytes(bytes(damaged))
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = hashlib.sha256(paths.database.read_bytes()).hexdigest()
    try:
        backups.verify_backup(path, store.data_key)
    except EntraideError:
        pass
    assert hashlib.sha256(paths.database.read_bytes()).hexdigest() == before
    assert database_file.integrity_check(store.db) == []


# -- member lists (CSV / XLSX) -------------------------------------------------------------------

SAMPLE_CSV = (
    "\ufeffPrénom;Nom;Téléphone;Courriel;Date d'adhésion;Statut;Réseau téléphonique\n"
    "Céline;Lévesque;(418) 274-9779;cel.leve@exemple.org;2021-01-17;Membre;oui\n"
    "Stéphane;Lapointe;(581) 292-7955;ste.lapo@exemple.org;15/03/2019;Intervenante;non\n"
).encode("utf-8")


def _preview_or_refusal(store, path):
    from entraide_desktop.data.members.importing import preview_file

    before = store.db.execute("SELECT count(*) FROM people").fetchone()[0]
    try:
        preview = preview_file(store, str(path))
    except EntraideError:
        preview = None
    assert store.db.execute("SELECT count(*) FROM people").fetchone()[0] == before  # a preview writes nothing
    return preview


@FUZZ
@given(st.data())
def test_member_list_csv_mutations(store, tmp_path_factory, data):
    """The sample list with bytes flipped, cut, inserted or re-encoded; random text with separators."""
    kind = data.draw(st.sampled_from(["flip", "cut", "insert", "text", "bytes"]))
    payload = bytearray(SAMPLE_CSV)
    if kind == "flip":
        for _ in range(data.draw(st.integers(1, 10))):
            i = data.draw(st.integers(0, len(payload) - 1))
            payload[i] = data.draw(st.integers(0, 255))
    elif kind == "cut":
        payload = payload[: data.draw(st.integers(0, len(payload)))]
    elif kind == "insert":
        i = data.draw(st.integers(0, len(payload)))
        payload[i:i] = data.draw(st.binary(max_size=40))
    elif kind == "text":
        alphabet = st.sampled_from(list("abcéèÉçô ;,\t\"'\n\r0123456789/-@.") + ["\x00", "\ufeff", "oui", "non"])
        payload = bytearray("".join(data.draw(st.lists(alphabet, max_size=300))).encode(
            data.draw(st.sampled_from(["utf-8", "cp1252", "utf-16"])), errors="replace"))
    else:
        payload = bytearray(data.draw(st.binary(max_size=3000)))
    path = tmp_path_factory.mktemp("csv") / "membres.csv"
    path.write_bytes(bytes(payload))
    _preview_or_refusal(store, path)


@settings(max_examples=int(os.environ.get("ENTRAIDE_FUZZ_XLSX", "300")), deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.data())
def test_member_list_xlsx_damaged(store, tmp_path_factory, data):
    """A real spreadsheet with bytes damaged or cut: a preview or a French refusal, never a crash."""
    import io

    import openpyxl

    if not hasattr(test_member_list_xlsx_damaged, "good"):
        book = openpyxl.Workbook()
        sheet = book.active
        for line in SAMPLE_CSV.decode("utf-8-sig").splitlines():
            sheet.append(line.split(";"))
        buffer = io.BytesIO()
        book.save(buffer)
        test_member_list_xlsx_damaged.good = buffer.getvalue()
    payload = bytearray(test_member_list_xlsx_damaged.good)
    if data.draw(st.booleans()):
        for _ in range(data.draw(st.integers(1, 12))):
            i = data.draw(st.integers(0, len(payload) - 1))
            payload[i] ^= 1 << data.draw(st.integers(0, 7))
    else:
        payload = payload[: data.draw(st.integers(0, len(payload) - 1))]
    path = tmp_path_factory.mktemp("xlsx") / "membres.xlsx"
    path.write_bytes(bytes(payload))
    _preview_or_refusal(store, path)


# -- exchange files (sync bundles) ----------------------------------------------------------------


@pytest.fixture(scope="module")
def sync_pair(tmp_path_factory):
    """Two machines of one group and a valid exchange file from the first (built once)."""
    from entraide_desktop.data import rows
    from entraide_desktop.data.sync import exchange
    from tests.sync.helpers import new_group

    root = tmp_path_factory.mktemp("sync-fuzz")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(keys, "DEFAULT_KDF", {"name": "argon2id", "time_cost": 1, "memory_cost": 256, "parallelism": 1})
        centre, laptop = new_group(root / "machines", ["Ordinateur du centre", "Portable du secrétariat"])
    rows.insert(centre, "people", {"first_name": "Hélène", "phone": "418 555-0101", "notes": "x" * 200})
    usb = root / "cle"
    usb.mkdir()
    good = exchange.export_to(centre, usb).path.read_bytes()
    yield laptop, good
    centre.close()
    laptop.close()


@settings(max_examples=int(os.environ.get("ENTRAIDE_FUZZ_BUNDLES", "1500")), deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.data())
def test_damaged_exchange_files_are_refused_without_change(sync_pair, data):
    from entraide_desktop.data.sync import exchange
    from tests.sync.helpers import file_digest

    laptop, good = sync_pair
    payload = bytearray(good)
    how = data.draw(st.sampled_from(["flip", "cut", "insert", "garbage", "header"]))
    if how == "flip":
        for _ in range(data.draw(st.integers(1, 6))):
            i = data.draw(st.integers(0, len(payload) - 1))
            payload[i] ^= 1 << data.draw(st.integers(0, 7))
    elif how == "cut":
        payload = payload[: data.draw(st.integers(0, len(payload) - 1))]
    elif how == "insert":
        i = data.draw(st.integers(0, len(payload)))
        payload[i:i] = data.draw(st.binary(min_size=1, max_size=64))
    elif how == "garbage":
        payload = bytearray(data.draw(st.binary(max_size=4000)))
    else:  # the readable header rewritten: must not pass authentication
        i = data.draw(st.integers(0, min(len(payload) - 1, 600)))
        payload[i] = data.draw(st.integers(0, 255))
    if bytes(payload) == good:
        return
    before = file_digest(laptop)
    try:
        exchange.import_bytes(laptop, bytes(payload), "fichier.entraide")
    except EntraideError:
        pass
    else:
        raise AssertionError(f"a damaged exchange file ({how}) was accepted")
    assert file_digest(laptop) == before
