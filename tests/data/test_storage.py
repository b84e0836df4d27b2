"""The encrypted database, its key file, the recovery key and the refusals that change nothing."""

from __future__ import annotations

import errno
import hashlib
import json
import subprocess
import sys

import pytest

from entraide_desktop.data import access, connection, database_file, keys, rows
from entraide_desktop.data.errors import (
    DatabaseCorrupt,
    DatabaseMissing,
    DiskFull,
    EntraideError,
    KeyFileError,
    NewerSchema,
    ValidationError,
    WrongPassphrase,
    WrongRecoveryKey,
)
from entraide_desktop.data.schema.core import GROUP_PROFILE_ID
from tests.conftest import PASSPHRASE


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_sqlite_utils_runs_on_sqlcipher():
    code = (
        "import entraide_desktop.data, sqlite_utils.utils, sqlcipher3;"
        "assert sqlite_utils.utils.sqlite3 is sqlcipher3;"
        "assert sqlite_utils.utils.OperationalError is sqlcipher3.dbapi2.OperationalError"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_importing_sqlite_utils_first_is_refused():
    code = "import sqlite_utils; import entraide_desktop.data"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode != 0
    assert "must be imported before sqlite_utils" in result.stderr


def test_database_file_holds_no_clear_text(store, paths):
    rows.insert(store, "people", {"first_name": "Hélène", "last_name": "Côté-Tremblay", "email": "helene@exemple.org"})
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for path in paths.database.parent.iterdir():
        data = path.read_bytes()
        for needle in ("Côté-Tremblay", "helene@exemple.org", "Le Phare"):
            assert needle.encode("utf-8") not in data, (path.name, needle)
    assert not paths.database.read_bytes().startswith(b"SQLite format 3")


def test_pragmas_wal_and_foreign_keys(store):
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert database_file.integrity_check(store.db) == []


def test_unlock_with_passphrase_records_the_author(store, paths):
    store.close()
    reopened = connection.unlock(paths, PASSPHRASE)
    assert reopened.author.name == "Marie (secrétariat)"
    rows.update(reopened, "group_profile", GROUP_PROFILE_ID, {"region": "Montérégie"})
    last = rows.history(reopened, "group_profile", GROUP_PROFILE_ID)[-1]
    assert (last.field, last.value, last.author) == ("region", "Montérégie", "Marie (secrétariat)")
    reopened.close()


def test_wrong_passphrase_is_a_clear_french_message(store, paths):
    store.close()
    before = digest(paths.database)
    with pytest.raises(WrongPassphrase) as info:
        connection.unlock(paths, "pas la bonne phrase")
    assert "Phrase de passe incorrecte" in str(info.value)
    assert digest(paths.database) == before


def test_change_passphrase_keeps_the_database_and_rejects_the_old_one(store, paths):
    store.close()
    before = digest(paths.database)
    store = connection.unlock(paths, PASSPHRASE)
    access.change_passphrase(store, store.author.id, PASSPHRASE, "une toute nouvelle phrase")
    store.close()
    assert digest(paths.database) == before  # not re-encrypted
    with pytest.raises(WrongPassphrase):
        connection.unlock(paths, PASSPHRASE)
    connection.unlock(paths, "une toute nouvelle phrase").close()


def test_change_passphrase_needs_the_old_one(store):
    with pytest.raises(WrongPassphrase):
        access.change_passphrase(store, store.author.id, "mauvaise ancienne phrase", "une toute nouvelle phrase")


def test_weak_or_mismatched_passphrase_refused():
    with pytest.raises(ValidationError, match="au moins"):
        keys.check_passphrase_strength("court")
    with pytest.raises(ValidationError, match="pas identiques"):
        keys.check_passphrase_strength("une phrase assez longue", "une autre phrase longue")


def test_several_people_each_with_their_passphrase(store, paths):
    slot = access.add_person(store, "Luc (coordination)", "phrase de luc au local")
    store.close()
    luc = connection.unlock(paths, "phrase de luc au local")
    assert (luc.author.id, luc.author.name) == (slot, "Luc (coordination)")
    rows.update(luc, "group_profile", GROUP_PROFILE_ID, {"region": "Estrie"})
    assert rows.history(luc, "group_profile", GROUP_PROFILE_ID)[-1].author == "Luc (coordination)"
    access.remove_person(luc, slot)
    luc.close()
    with pytest.raises(WrongPassphrase):
        connection.unlock(paths, "phrase de luc au local")


def test_last_access_cannot_be_removed(store):
    with pytest.raises(EntraideError, match="dernier accès"):
        access.remove_person(store, store.author.id)


def test_recovery_key_round_trip_and_typos():
    key = keys.new_data_key()
    text = keys.format_recovery_key(key)
    assert len(text.split("-")) == 14
    assert keys.parse_recovery_key(text) == key
    assert keys.parse_recovery_key(text.lower().replace("-", " ")) == key
    wrong = text[:5] + ("A" if text[5] != "A" else "B") + text[6:]
    with pytest.raises(WrongRecoveryKey):
        keys.parse_recovery_key(wrong)


def test_recovery_key_opens_when_key_file_is_lost(paths):
    created = connection.create_database(paths, group_name="Le Phare", region="", person="Marie", passphrase=PASSPHRASE)
    created.store.close()
    paths.key_file.unlink()
    with pytest.raises(KeyFileError, match="clé de récupération"):
        connection.unlock(paths, PASSPHRASE)
    recovered = connection.unlock_with_recovery_key(paths, created.recovery_key)
    slot = access.reset_passphrase(recovered, None, "Marie", "nouvelle phrase de marie")
    recovered.close()
    again = connection.unlock(paths, "nouvelle phrase de marie", slot)
    assert rows.get(again, "group_profile", GROUP_PROFILE_ID)["name"] == "Le Phare"
    again.close()


def test_recovery_key_of_another_group_is_refused(paths, tmp_path):
    from entraide_desktop.config import paths_for

    other = connection.create_database(paths_for(tmp_path / "autre" / "a.db"), group_name="Autre", region="",
                                       person="X", passphrase=PASSPHRASE)
    other.store.close()
    mine = connection.create_database(paths, group_name="Le Phare", region="", person="Marie", passphrase=PASSPHRASE)
    mine.store.close()
    with pytest.raises(WrongRecoveryKey):
        connection.unlock_with_recovery_key(paths, other.recovery_key)


def test_damaged_key_file_gets_a_clear_message(store, paths):
    store.close()
    paths.key_file.write_text("{pas du json", encoding="utf-8")
    with pytest.raises(KeyFileError, match="endommagé"):
        connection.unlock(paths, PASSPHRASE)


def test_missing_database(paths):
    with pytest.raises(DatabaseMissing, match="introuvable"):
        connection.unlock(paths, PASSPHRASE)


@pytest.mark.parametrize("content", [b"", b"\x00" * 4096, b"SQLite format 3\x00" + bytes(range(256)) * 20])
def test_corrupted_database_is_refused_and_left_alone(store, paths, content):
    store.close()
    paths.database.write_bytes(content)
    for side in ("-wal", "-shm"):
        paths.database.with_name(paths.database.name + side).unlink(missing_ok=True)
    before = digest(paths.database)
    with pytest.raises(DatabaseCorrupt):
        connection.unlock(paths, PASSPHRASE)
    assert digest(paths.database) == before


def test_newer_schema_is_refused_without_change(store, paths):
    store.db["_sqlite_migrations"].insert(
        {"migration_set": "entraide", "name": "9999_from_the_future", "applied_at": "2030-01-01"}
    )
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    before = digest(paths.database)
    with pytest.raises(NewerSchema, match="plus récente"):
        connection.unlock(paths, PASSPHRASE)
    assert digest(paths.database) == before


def test_copy_is_taken_before_pending_migrations(store, paths):
    store.db.execute("DELETE FROM _sqlite_migrations WHERE name = '0100_members'")
    for table in ("people", "memberships", "consents"):
        store.db.execute(f"DROP TABLE {table}")
    store.db.conn.commit()
    store.close()
    reopened = connection.unlock(paths, PASSPHRASE)
    copies = list(paths.database_backups_dir.glob("entraide-*-avant-mise-a-jour.db"))
    assert len(copies) == 1
    assert "people" in reopened.db.table_names()
    reopened.close()
    # The copy is encrypted with the same key and lacks the migrated table.
    db = database_file.connect(copies[0], reopened.data_key)
    assert "people" not in db.table_names()
    db.close()


def test_disk_full_during_a_write_is_reported_and_rolls_back(store):
    from entraide_desktop.data.errors import user_facing_errors

    count = store.db.execute("SELECT count(*) FROM people").fetchone()[0]
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DiskFull, match="disque est plein"):
        with user_facing_errors():
            rows.insert_many(store, "people", [{"first_name": "X" * 2000, "notes": "y" * 4000} for _ in range(200)])
    assert store.db.execute("SELECT count(*) FROM people").fetchone()[0] == count


def test_key_file_write_on_full_disk_keeps_the_old_file(store, paths, monkeypatch):
    before = paths.key_file.read_bytes()
    real_replace = connection.keys.os.replace

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(connection.keys.os, "replace", full)
    with pytest.raises(DiskFull):
        access.add_person(store, "Luc", "phrase de luc au local")
    monkeypatch.setattr(connection.keys.os, "replace", real_replace)
    assert paths.key_file.read_bytes() == before


def test_existing_database_is_never_overwritten_by_setup(store, paths):
    store.close()
    before = digest(paths.database)
    with pytest.raises(EntraideError, match="existe déjà"):
        connection.create_database(paths, group_name="Autre", region="", person="X", passphrase=PASSPHRASE)
    assert digest(paths.database) == before


def test_key_file_records_no_passphrase(store, paths):
    data = json.loads(paths.key_file.read_text(encoding="utf-8"))
    assert PASSPHRASE not in paths.key_file.read_text(encoding="utf-8")
    assert data["slots"][0]["kdf"]["name"] == "argon2id"


@pytest.mark.parametrize("module", ["calendar", "members", "meetings", "responsibilities", "sync", "people", "reminders",
                                    "rows", "group", "backups"])
def test_each_area_imports_on_its_own(module):
    """No area depends on another having been imported first (a background thread may load it first)."""
    subprocess.run([sys.executable, "-c", f"import entraide_desktop.data.{module}"], check=True)


def test_versions_move_to_a_rowid_table_and_the_file_is_compacted(store, paths):
    ids = rows.insert_many(store, "people", [{"first_name": f"Personne {i}", "notes": "x" * 400} for i in range(300)])
    before = store.db.execute("SELECT tbl, row_id, state, conflicted, hlc FROM _versions ORDER BY tbl, row_id").fetchall()
    with store.write():  # the layout of databases created before the change
        store.db.execute(
            "CREATE TABLE _old (tbl TEXT NOT NULL, row_id TEXT NOT NULL, state TEXT NOT NULL, conflicted INTEGER "
            "NOT NULL DEFAULT 0, hlc INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (tbl, row_id)) WITHOUT ROWID"
        )
        store.db.execute("INSERT INTO _old SELECT tbl, row_id, state, conflicted, hlc FROM _versions")
        store.db.execute("DROP TABLE _versions")
        store.db.execute("ALTER TABLE _old RENAME TO _versions")
        store.db.execute("DELETE FROM _sqlite_migrations WHERE name = '0900_versions_rowid_table'")
    store.close()
    reopened = connection.unlock(paths, PASSPHRASE)
    db = reopened.db
    assert db.execute("SELECT count(rowid) FROM _versions").fetchone()[0] == len(before)  # a rowid table now
    assert db.execute("SELECT tbl, row_id, state, conflicted, hlc FROM _versions ORDER BY tbl, row_id").fetchall() == before
    assert db.execute("PRAGMA freelist_count").fetchone()[0] < db.execute("PRAGMA page_count").fetchone()[0] / 4
    rows.update(reopened, "people", ids[0], {"first_name": "Renommée"})  # updated in place, still one record
    assert db.execute("SELECT count(*) FROM _versions WHERE row_id = ?", [ids[0]]).fetchone()[0] == 1
    assert rows.get(reopened, "people", ids[0])["first_name"] == "Renommée"
    reopened.close()
