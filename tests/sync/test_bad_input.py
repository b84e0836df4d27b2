"""Files that must be refused with a clear French message, leaving the database byte-for-byte unchanged."""

from __future__ import annotations

import os
import random
import zlib

import pytest

from entraide_desktop.data import rows
from entraide_desktop.data.errors import NewerSchema
from entraide_desktop.data.sync import bundle as bundles
from entraide_desktop.data.sync import container, exchange, identity
from entraide_desktop.data.sync.bundle import BundleRefused
from tests.sync.helpers import file_digest, new_group


@pytest.fixture
def sent(pair, usb):
    """A valid file from the centre, and the laptop that will receive bad copies of it."""
    centre, laptop = pair
    rows.insert(centre, "people", {"first_name": "Hélène", "phone": "418 555-0101"})
    path = exchange.export_to(centre, usb).path
    return centre, laptop, path


def _refused(laptop, path, match: str) -> str:
    before = file_digest(laptop)
    with pytest.raises(BundleRefused, match=match) as caught:
        exchange.import_file(laptop, path)
    assert file_digest(laptop) == before, "a refused file changed the database"
    assert not list(laptop.paths.database_backups_dir.glob("entraide-*-avant-import.db")), "no backup for a refused file"
    return caught.value.message


def test_empty_file(sent, tmp_path):
    _c, laptop, _p = sent
    empty = tmp_path / "vide.entraide"
    empty.write_bytes(b"")
    assert "vide" in _refused(laptop, empty, "vide")


def test_random_bytes(sent, tmp_path):
    _c, laptop, _p = sent
    noise = tmp_path / "bruit.entraide"
    noise.write_bytes(random.Random(1).randbytes(5000))
    _refused(laptop, noise, "n'est pas un fichier d'échange")


def test_random_bytes_behind_a_valid_magic(sent, tmp_path):
    _c, laptop, _p = sent
    noise = tmp_path / "bruit.entraide"
    noise.write_bytes(bundles.MAGIC + random.Random(2).randbytes(5000))
    _refused(laptop, noise, "incomplet ou endommagé")


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.99])
def test_truncated_file(sent, tmp_path, keep):
    _c, laptop, path = sent
    data = path.read_bytes()
    cut = tmp_path / "coupe.entraide"
    cut.write_bytes(data[: int(len(data) * keep)])
    _refused(laptop, cut, "incomplet|endommagé")


@pytest.mark.parametrize("where", ["header", "payload", "tag"])
def test_altered_file(sent, tmp_path, where):
    _c, laptop, path = sent
    data = bytearray(path.read_bytes())
    index = {"header": 20, "payload": len(data) // 2, "tag": len(data) - 1}[where]
    data[index] ^= 0x04
    altered = tmp_path / "modifie.entraide"
    altered.write_bytes(bytes(data))
    _refused(laptop, altered, "endommagé|modifié")


def test_another_groups_file(sent, tmp_path):
    _c, laptop, _p = sent
    other = new_group(tmp_path / "autre", ["Autre groupe"])[0]
    rows.insert(other, "people", {"first_name": "Inconnue"})
    folder = tmp_path / "autre-cle"
    folder.mkdir()
    path = exchange.export_to(other, folder).path
    other.close()
    assert "autre groupe" in _refused(laptop, path, "autre groupe")


def test_same_group_id_but_wrong_key_is_refused(sent, tmp_path, monkeypatch):
    centre, laptop, _p = sent
    group, _key = bundles.group_secret(centre)
    monkeypatch.setattr(bundles, "group_secret", lambda store: (group, os.urandom(32)))
    data, _header = bundles.build(centre)
    monkeypatch.undo()
    forged = tmp_path / "faux.entraide"
    forged.write_bytes(data)
    _refused(laptop, forged, "endommagé ou a été modifié")


def test_newer_schema_asks_to_update(sent, tmp_path, monkeypatch):
    centre, laptop, _p = sent
    monkeypatch.setattr(bundles, "schema_version", lambda: 10_000)
    data, _header = bundles.build(centre)
    monkeypatch.undo()
    newer = tmp_path / "recent.entraide"
    newer.write_bytes(data)
    message = _refused(laptop, newer, "mettez à jour Entraide sur ce poste")
    with pytest.raises(NewerSchema):
        exchange.import_file(laptop, newer)
    assert "version plus récente" in message


def test_newer_file_format_asks_to_update(sent, tmp_path, monkeypatch):
    centre, laptop, _p = sent
    monkeypatch.setattr(bundles, "FORMAT_VERSION", bundles.FORMAT_VERSION + 1)
    data, _header = bundles.build(centre)
    monkeypatch.undo()
    newer = tmp_path / "format.entraide"
    newer.write_bytes(data)
    _refused(laptop, newer, "mettez à jour Entraide sur ce poste")


def test_older_schema_is_read(sent, tmp_path, monkeypatch):
    centre, laptop, _p = sent
    monkeypatch.setattr(bundles, "schema_version", lambda: 1)
    data, header = bundles.build(centre)
    monkeypatch.undo()
    assert header.min_reader == 1
    older = tmp_path / "ancien.entraide"
    older.write_bytes(data)
    summary = exchange.import_file(laptop, older)
    assert summary.total == 2  # the group profile and Hélène


def _sealed_with(centre, header_changes: dict, payload: bytes) -> bytes:
    _data, header = bundles.build(centre)
    raw = {**{k: v for k, v in header.raw.items() if k != "signature"}, **header_changes}
    compressed = zlib.compress(payload, 9)
    raw["signature"] = identity.sign(centre, raw, compressed)  # signed by the centre: only its content lies
    return container.seal(bundles.MAGIC, bundles.FORMAT_VERSION, raw, compressed, bundles._key(centre))


def test_decompression_bomb_is_refused(sent, tmp_path):
    centre, laptop, _p = sent
    bomb = b"{}\n" + b"\n" * (64 * 1024 * 1024)  # 64 MB of nothing, about 64 KB compressed
    data = _sealed_with(centre, {"size": 4096}, bomb)
    assert len(data) < 200_000
    path = tmp_path / "bombe.entraide"
    path.write_bytes(data)
    _refused(laptop, path, "dépasse")


def test_claimed_size_beyond_the_limit_is_refused(sent, tmp_path):
    centre, laptop, _p = sent
    data = _sealed_with(centre, {"size": bundles.MAX_PAYLOAD_BYTES + 1}, b"{}")
    path = tmp_path / "enorme.entraide"
    path.write_bytes(data)
    _refused(laptop, path, "dépasse")


def test_oversized_file_is_refused_before_reading(sent, tmp_path, monkeypatch):
    _c, laptop, path = sent
    monkeypatch.setattr(bundles, "MAX_FILE_BYTES", 100)
    _refused(laptop, path, "trop gros")


def test_unknown_table_asks_to_update(sent, tmp_path):
    centre, laptop, _p = sent
    payload = b'{}\nV\tfuture_table\tabc\t{}'
    path = tmp_path / "table.entraide"
    path.write_bytes(_sealed_with(centre, {"size": len(payload)}, payload))
    _refused(laptop, path, "mettez à jour")


def test_garbage_payload_is_refused(sent, tmp_path):
    centre, laptop, _p = sent
    payload = b'{}\nV\tpeople\tabc\t{"first_name": 12}'
    path = tmp_path / "illisible.entraide"
    path.write_bytes(_sealed_with(centre, {"size": len(payload)}, payload))
    _refused(laptop, path, "illisible")


def test_own_file_is_not_imported(sent):
    centre, _laptop, path = sent
    before = file_digest(centre)
    with pytest.raises(bundles.OwnBundle, match="ce poste-ci"):
        exchange.import_file(centre, path)
    assert file_digest(centre) == before


def test_missing_file_and_folder(sent, tmp_path):
    _c, laptop, _p = sent
    with pytest.raises(BundleRefused, match="introuvable"):
        exchange.import_file(laptop, tmp_path / "absent.entraide")
    with pytest.raises(BundleRefused, match="dossier"):
        exchange.import_file(laptop, tmp_path)


def test_a_header_with_an_infinite_number_is_refused_as_damaged_not_a_crash():
    """JSON reads 1e999 as infinity, and int(infinity) overflows: the file is damaged, not a crash."""
    import uuid

    from entraide_desktop.data.errors import EntraideError
    from entraide_desktop.data.sync.bundle import Header

    raw = {"group": "g", "schema": 1, "min_reader": 1, "site": "a" * 32, "bundle": str(uuid.uuid4()),
           "created": float("inf"), "vector": {}, "size": 0}
    with pytest.raises(EntraideError):
        Header.from_json(raw, "échange.entraide")
