"""``rows.merge_remote_many`` (the batched path of imports) does exactly what ``rows.merge_remote`` does."""

from __future__ import annotations

import shutil

from entraide_desktop.config import paths_for
from entraide_desktop.data import connection, rows
from entraide_desktop.data.sync import exchange
from tests.conftest import PASSPHRASE
from tests.sync.helpers import dump, new_group


def test_batched_merge_equals_one_by_one(tmp_path):
    source, one = new_group(tmp_path / "m", ["Source", "Un à un"])
    ids = [rows.insert(source, "people", {"first_name": f"P{i}", "phone": str(i)}) for i in range(8)]
    folder = tmp_path / "cle"
    folder.mkdir()
    exchange.import_file(one, exchange.export_to(source, folder).path)
    rows.update(one, "people", ids[0], {"phone": "local"})  # becomes a conflict
    rows.update(one, "people", ids[1], {"email": "local@exemple.org"})  # another field
    rows.erase(one, "people", ids[2])  # erased here: the remote edit must not bring it back
    one.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copytree(one.database_path.parent, tmp_path / "copie")
    many = connection.unlock(paths_for(tmp_path / "copie" / "entraide.db"), PASSPHRASE)
    try:
        rows.update(source, "people", ids[0], {"phone": "distant"})
        rows.update(source, "people", ids[1], {"phone": "distant"})
        rows.update(source, "people", ids[2], {"phone": "distant"})
        rows.archive(source, "people", ids[3])
        new_id = rows.insert(source, "people", {"first_name": "Nouvelle"})
        remote = [(row_id, rows.record_state(source, "people", row_id)) for row_id in [*ids, new_id]]
        expected = {}
        for row_id, state in remote:
            changed = rows.merge_remote(one, "people", row_id, state)
            if changed:
                expected[row_id] = changed
        assert rows.merge_remote_many(many, "people", remote) == expected
        assert set(expected) == {ids[0], ids[1], ids[3], new_id}
        assert dump(one) == dump(many)
        assert rows.history(one, "people", ids[0]) == rows.history(many, "people", ids[0])
        assert rows.merge_remote_many(many, "people", remote) == {}  # again: nothing
    finally:
        for store in (source, one, many):
            store.close()
