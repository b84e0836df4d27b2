"""Finding 1 replayed as attacks: a removed person keeps a copy of the key file and their passphrase,
pastes their old slot back, renames a label, strips the MAC; none of it opens the current register."""

from __future__ import annotations

import base64
import datetime as dt
import json
import secrets
import shutil

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from entraide_desktop.data import access, backups, connection, keyring, keys, revocation, rows
from entraide_desktop.data.errors import DatabaseCorrupt, EntraideError, KeyFileError, WrongPassphrase
from tests.conftest import PASSPHRASE

LUC = "phrase de luc au local"
ANNE = "anne arrive en janvier au local"


def _reopen(paths, passphrase=PASSPHRASE):
    return connection.unlock(paths, passphrase)


def test_removed_person_with_old_key_file_and_passphrase_opens_nothing_current(store, paths, tmp_path):
    luc = access.add_person(store, "Luc (coordination)", LUC)
    kept = tmp_path / "copie-de-luc.keys"
    shutil.copyfile(paths.key_file, kept)  # Luc keeps a copy before he leaves
    old_slot, old_key = keys.unlock_slot(keys.read_keyfile(kept), LUC)

    done = access.remove_person(store, luc)
    rows.insert(store, "people", {"first_name": "Après le départ"})
    assert done.removed == "Luc (coordination)" and keys.parse_recovery_key(done.recovery_key) != old_key
    store.close()

    with pytest.raises(DatabaseCorrupt):  # the old data key no longer opens the database
        connection.open_with_key(paths, old_key, connection.Author(old_slot.id, old_slot.label))
    shutil.copyfile(kept, paths.key_file)  # the old key file put back in place
    for passphrase in (LUC, PASSPHRASE):
        with pytest.raises(DatabaseCorrupt, match="copie plus ancienne"):
            connection.unlock(paths, passphrase)


def test_old_recovery_key_no_longer_opens_and_the_new_one_does(store, paths):
    old_recovery = keys.format_recovery_key(store.data_key)
    luc = access.add_person(store, "Luc", LUC)
    done = access.remove_person(store, luc)
    store.close()
    with pytest.raises(EntraideError):
        connection.unlock_with_recovery_key(paths, old_recovery)
    connection.unlock_with_recovery_key(paths, done.recovery_key).close()
    _reopen(paths).close()  # Marie's passphrase still opens, without her typing anything new


def test_person_added_after_the_removal_is_out_of_the_removed_persons_reach(store, paths, tmp_path):
    luc = access.add_person(store, "Luc", LUC)
    kept = keys.read_keyfile(paths.key_file)
    _slot, old_key = keys.unlock_slot(kept, LUC)
    old_private = _private_key(kept, luc, LUC)
    access.remove_person(store, luc)
    anne = access.add_person(store, "Anne (trésorerie)", ANNE)
    current = keys.read_keyfile(paths.key_file)
    for slot in current.slots:  # no seal in the current file opens with Luc's private key
        with pytest.raises(Exception):
            from entraide_desktop.data import key_seal

            key_seal.open_sealed(slot.sealed, old_private, keys._seal_context(current.database_id, slot.id))
    assert current.check != keys.key_check(old_key)
    store.close()
    assert _reopen(paths, ANNE).author.id == anne


def _private_key(keyfile, slot_id, passphrase):
    slot = keyfile.slot(slot_id)
    wrapping = keys.derive_key(passphrase, base64.b64decode(slot.salt), slot.kdf)
    aad = keys._aad(keyfile.database_id, slot.id) + b"|private key"
    return AESGCM(wrapping).decrypt(base64.b64decode(slot.nonce), base64.b64decode(slot.wrapped), aad)


def test_pasted_old_slot_is_refused_at_unlock(store, paths):
    luc = access.add_person(store, "Luc", LUC)
    old_slot = next(s for s in json.loads(paths.key_file.read_text("utf-8"))["slots"] if s["id"] == luc)
    access.remove_person(store, luc)
    store.close()
    data = json.loads(paths.key_file.read_text("utf-8"))
    data["slots"].append(old_slot)
    paths.key_file.write_text(json.dumps(data), "utf-8")
    for passphrase in (LUC, PASSPHRASE):
        with pytest.raises(EntraideError, match="modifié en dehors d'Entraide|plus d'accès"):
            connection.unlock(paths, passphrase)


def test_renamed_label_is_refused_at_unlock(store, paths):
    store.close()
    data = json.loads(paths.key_file.read_text("utf-8"))
    data["slots"][0]["label"] = "Quelqu'un d'autre"
    paths.key_file.write_text(json.dumps(data), "utf-8")
    with pytest.raises(KeyFileError, match="modifié en dehors d'Entraide"):
        connection.unlock(paths, PASSPHRASE)


def test_stripped_mac_is_refused(store, paths):
    store.close()
    data = json.loads(paths.key_file.read_text("utf-8"))
    data["version"] = 1
    del data["mac"]
    data["slots"][0]["label"] = "Quelqu'un d'autre"
    paths.key_file.write_text(json.dumps(data), "utf-8")
    with pytest.raises(KeyFileError, match="modifié en dehors d'Entraide"):
        connection.unlock(paths, PASSPHRASE)


def _format_1_file(paths, data_key, people):
    """A key file as versions before format 2 wrote it: the data key wrapped per passphrase, no MAC."""
    database_id = keys.read_keyfile(paths.key_file).database_id
    slots = []
    for slot_id, label, passphrase in people:
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        wrapped = AESGCM(keys.derive_key(passphrase, salt, keys.DEFAULT_KDF)).encrypt(
            nonce, data_key, keys._aad(database_id, slot_id))
        slots.append({"id": slot_id, "label": label, "kdf": dict(keys.DEFAULT_KDF), "salt": base64.b64encode(salt).decode(),
                      "nonce": base64.b64encode(nonce).decode(), "wrapped": base64.b64encode(wrapped).decode(),
                      "created": "2026-01-01T00:00:00+00:00"})
    paths.key_file.write_text(json.dumps({"format": "entraide-keys", "version": 1, "database_id": database_id,
                                          "check": keys.key_check(data_key), "slots": slots}), "utf-8")


def test_format_1_key_file_is_accepted_once_and_upgraded(store, paths):
    key, marie = store.data_key, store.author.id
    store.db.execute("DELETE FROM _local WHERE key = ?", [keyring.MAC_MARKER])  # a database from before
    store.close()
    _format_1_file(paths, key, [(marie, "Marie (secrétariat)", PASSPHRASE), ("luc-1", "Luc", LUC)])
    reopened = _reopen(paths)
    upgraded = keys.read_keyfile(paths.key_file)
    assert upgraded.mac and keys.mac_is_valid(upgraded, key)
    assert [s.upgraded for s in upgraded.slots] == [True, False]  # Luc is upgraded at his own unlock
    assert revocation.not_yet_upgraded(reopened) == ["Luc"]
    reopened.close()
    assert _reopen(paths, LUC).author.name == "Luc"
    assert all(s.upgraded for s in keys.read_keyfile(paths.key_file).slots)
    # From now on, the same file without its MAC is refused.
    _format_1_file(paths, key, [(marie, "Marie (secrétariat)", PASSPHRASE)])
    with pytest.raises(KeyFileError, match="modifié en dehors d'Entraide"):
        _reopen(paths)


def test_removal_drops_a_slot_not_yet_upgraded_and_says_so(store, paths):
    key, marie = store.data_key, store.author.id
    store.db.execute("DELETE FROM _local WHERE key = ?", [keyring.MAC_MARKER])
    store.close()
    _format_1_file(paths, key, [(marie, "Marie", PASSPHRASE), ("luc-1", "Luc", LUC), ("paul-1", "Paul", ANNE)])
    reopened = _reopen(paths)
    done = access.remove_person(reopened, "paul-1")
    assert done.dropped == ["Luc"]
    reopened.close()
    with pytest.raises(WrongPassphrase):
        _reopen(paths, LUC)
    _reopen(paths).close()


def test_recovery_key_rebuilds_an_altered_key_file_with_one_person(store, paths):
    recovery = keys.format_recovery_key(store.data_key)
    store.close()
    data = json.loads(paths.key_file.read_text("utf-8"))
    data["slots"][0]["label"] = "Renommée"
    paths.key_file.write_text(json.dumps(data), "utf-8")
    recovered = connection.unlock_with_recovery_key(paths, recovery)
    access.reset_passphrase(recovered, None, "Marie", "nouvelle phrase de marie au local")
    recovered.close()
    assert [label for _id, label in keys.read_keyfile(paths.key_file).labels()] == ["Marie"]
    assert paths.key_file.with_name(paths.key_file.name + ".refuse").exists()
    _reopen(paths, "nouvelle phrase de marie au local").close()


def test_backups_older_than_the_removal_can_be_deleted(store, paths):
    old = backups.backup_now(store, "manual")
    luc = access.add_person(store, "Luc", LUC)
    done = access.remove_person(store, luc)
    assert revocation.backups_before(store, done.when + dt.timedelta(seconds=1)) == [old.path]
    newer = backups.backup_now(store, "manual", now=done.when + dt.timedelta(seconds=5))
    deleted = revocation.delete_backups_before(store, done.when + dt.timedelta(seconds=1))
    assert deleted == [old.path] and not old.path.exists() and not old.key_file.exists()
    assert newer.path.exists()
    backups.verify_backup(newer.path, store.data_key)


def test_remove_access_from_the_command_line_prints_the_new_recovery_key_once(store, paths, monkeypatch, capsys):
    from entraide_desktop.cli import run

    old = backups.backup_now(store, "manual", now=dt.datetime.now() - dt.timedelta(days=2))
    access.add_person(store, "Luc (coordination)", LUC)
    store.close()
    monkeypatch.setenv("ENTRAIDE_PASSPHRASE", PASSPHRASE)
    assert run(["--database", str(paths.database), "list-access"]) == 0
    assert "Luc (coordination)" in capsys.readouterr().out
    argv = ["--database", str(paths.database), "remove-access", "luc (coordination)", "--yes", "--delete-old-backups"]
    assert run(argv) == 0
    printed = capsys.readouterr().out
    recovery = next(line.strip() for line in printed.splitlines() if line.startswith("    "))
    assert "nouvelle clé" in printed and not old.path.exists()
    connection.unlock_with_recovery_key(paths, recovery).close()
    with pytest.raises(EntraideError):
        connection.unlock(paths, LUC)
    assert run(["--database", str(paths.database), "remove-access", "Personne", "--yes"]) == 1
    assert "Personne ne porte ce nom" in capsys.readouterr().err


def _other_b64(value: str) -> str:
    raw = bytearray(base64.b64decode(value))
    raw[0] ^= 1
    return base64.b64encode(bytes(raw)).decode()


MUTATIONS = {
    "label": lambda d: d["slots"][1].update(label="Marie (secrétariat)2"),
    "created": lambda d: d["slots"][1].update(created="2020-01-01T00:00:00+00:00"),
    "public key": lambda d: d["slots"][0].update(public=_other_b64(d["slots"][0]["public"])),
    "sealed key": lambda d: d["slots"][0]["sealed"].update(box=_other_b64(d["slots"][0]["sealed"]["box"])),
    "slot order": lambda d: d["slots"].reverse(),
    "slot removed": lambda d: d["slots"].pop(1),
    "generation": lambda d: d.update(generation=d["generation"] + 1),
    "database id": lambda d: d.update(database_id="00000000-0000-0000-0000-000000000000"),
    "mac": lambda d: d.update(mac=_other_b64(d["mac"])),
}


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_any_change_to_the_key_file_outside_the_app_is_refused(store, paths, mutation):
    access.add_person(store, "Luc", LUC)
    store.close()
    data = json.loads(paths.key_file.read_text("utf-8"))
    MUTATIONS[mutation](data)
    paths.key_file.write_text(json.dumps(data), "utf-8")
    before = paths.database.read_bytes()
    with pytest.raises(EntraideError):
        connection.unlock(paths, PASSPHRASE)
    assert paths.database.read_bytes() == before


def test_removal_is_refused_when_no_one_left_could_open_the_register(store, paths):
    key, marie = store.data_key, store.author.id
    store.db.execute("DELETE FROM _local WHERE key = ?", [keyring.MAC_MARKER])
    store.close()
    _format_1_file(paths, key, [(marie, "Marie", PASSPHRASE), ("luc-1", "Luc", LUC)])
    reopened = _reopen(paths, LUC)  # Luc is upgraded; Marie, who has not opened since, is not
    before = paths.key_file.read_bytes()
    with pytest.raises(EntraideError, match="aucune autre personne n'a ouvert"):
        access.remove_person(reopened, "luc-1")
    assert paths.key_file.read_bytes() == before
    reopened.close()
    _reopen(paths).close()


def test_an_altered_pending_key_file_is_refused_not_signed(store, paths, monkeypatch):
    """A re-key stopped after PRAGMA rekey leaves the new key file pending; altering it is refused."""
    luc = access.add_person(store, "Luc", LUC)

    def stop(name):
        if name == "rekeyed":
            raise KeyboardInterrupt

    monkeypatch.setattr(revocation, "_step", stop)
    with pytest.raises(KeyboardInterrupt):
        access.remove_person(store, luc)
    store.close()
    pending = keyring.pending_path(paths)
    data = json.loads(pending.read_text("utf-8"))
    data["slots"][0]["label"] = "Quelqu'un d'autre"
    pending.write_text(json.dumps(data), "utf-8")
    with pytest.raises(KeyFileError, match="modifié en dehors d'Entraide"):
        connection.unlock(paths, PASSPHRASE)
    data["slots"][0]["label"] = "Marie (secrétariat)"
    pending.write_text(json.dumps(data), "utf-8")
    assert connection.unlock(paths, PASSPHRASE).author.name == "Marie (secrétariat)"
    assert not pending.exists()
