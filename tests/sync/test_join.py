"""Setting up a second computer from a join file and a one-time code."""

from __future__ import annotations

import pytest

from entraide_desktop.config import paths_for
from entraide_desktop.data import connection, keys, rows
from entraide_desktop.data.errors import ValidationError
from entraide_desktop.data.sync import exchange, join, machines
from entraide_desktop.data.sync.bundle import BundleRefused
from tests.conftest import PASSPHRASE
from tests.sync.helpers import dump


@pytest.fixture
def centre(pair):
    store = pair[0]
    rows.insert(store, "people", {"first_name": "Hélène", "notes": "Aime la cuisine collective"})
    return store


def test_codes_are_typable_and_tolerant(centre):
    code = join.new_code()
    assert len(code) == 14 and code.count("-") == 2
    assert join.normalise_code(code.lower().replace("-", " ")) == code.replace("-", "")
    assert join.normalise_code("oooo-iiii-llll") == "000011111111"
    with pytest.raises(ValidationError, match="12 caractères"):
        join.normalise_code("ABC")
    assert len({join.new_code() for _ in range(50)}) == 50


def test_a_new_machine_joins_with_the_file_and_the_code(centre, usb, tmp_path):
    invitation = join.prepare(centre, usb)
    assert invitation.path.exists() and invitation.code not in invitation.path.read_bytes().decode("latin-1")
    opened = join.open_invitation(invitation.path, invitation.code)
    assert opened.group_name == "Le Phare" and opened.machine == "Ordinateur du centre"
    paths = paths_for(tmp_path / "nouveau" / "entraide.db")
    joined = join.join_group(paths, opened, person="Luc", passphrase="une autre phrase de passe",
                             machine_name="Portable de Luc")
    new = joined.store
    try:
        assert connection.group_secret(new) == connection.group_secret(centre)
        assert new.data_key != centre.data_key  # its own encryption key
        assert machines.machine_name(new) == "Portable de Luc"
        received = {a.area: a.changes.new for a in joined.summary.areas}
        assert received == {"Groupe": 1, "Membres": 1, "Calendrier": 3, "Trésorerie": 17}  # and the starting rows
        assert dump(new) == dump(centre)
        # Its own recovery key opens it.
        assert keys.parse_recovery_key(joined.recovery_key) == new.data_key
        # And the two machines exchange from then on.
        rows.insert(new, "people", {"first_name": "Ana"})
        folder = tmp_path / "retour"
        folder.mkdir()
        assert exchange.import_file(centre, exchange.export_to(new, folder).path).total == 1
    finally:
        new.close()
    reopened = connection.unlock(paths, "une autre phrase de passe")
    assert reopened.author.name == "Luc"
    reopened.close()


def test_a_wrong_code_is_refused(centre, usb):
    invitation = join.prepare(centre, usb)
    wrong = "0000-0000-0000" if invitation.code != "0000-0000-0000" else "1111-1111-1111"
    with pytest.raises(BundleRefused, match="ne correspond pas"):
        join.open_invitation(invitation.path, wrong)


def test_an_expired_file_is_refused(centre, usb):
    invitation = join.prepare(centre, usb, hours=1)
    later = machines.now_ms() + 2 * 3_600_000
    with pytest.raises(BundleRefused, match="a expiré"):
        join.open_invitation(invitation.path, invitation.code, now_ms=later)


def test_a_damaged_file_or_an_exchange_file_is_refused(centre, usb):
    invitation = join.prepare(centre, usb)
    data = bytearray(invitation.path.read_bytes())
    data[-10] ^= 1
    invitation.path.write_bytes(bytes(data))
    with pytest.raises(BundleRefused, match="ne correspond pas|abîmé"):
        join.open_invitation(invitation.path, invitation.code)
    exchange_file = exchange.export_to(centre, usb).path
    with pytest.raises(BundleRefused, match="n'est pas un fichier"):
        join.open_invitation(exchange_file, invitation.code)


def test_nothing_is_left_behind_when_joining_fails(centre, usb, tmp_path, monkeypatch):
    opened = join.open_invitation(*(lambda i: (i.path, i.code))(join.prepare(centre, usb)))
    paths = paths_for(tmp_path / "nouveau" / "entraide.db")
    monkeypatch.setattr(exchange, "import_bytes", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("panne")))
    with pytest.raises(RuntimeError):
        join.join_group(paths, opened, person="Luc", passphrase=PASSPHRASE, machine_name="Portable")
    assert not paths.database.exists() and not paths.key_file.exists()


def test_joining_checks_the_form_first(centre, usb, tmp_path):
    invitation = join.prepare(centre, usb)
    opened = join.open_invitation(invitation.path, invitation.code)
    paths = paths_for(tmp_path / "nouveau" / "entraide.db")
    with pytest.raises(ValidationError, match="nom à ce poste"):
        join.join_group(paths, opened, person="Luc", passphrase=PASSPHRASE, machine_name="  ")
    with pytest.raises(ValidationError, match="au moins"):
        join.join_group(paths, opened, person="Luc", passphrase="court", machine_name="Portable")
    assert not paths.database.exists()
    with pytest.raises(ValidationError, match="14 jours"):
        join.prepare(centre, usb, hours=24 * 30)


def test_absurd_key_derivation_settings_are_refused_before_use(centre, usb, monkeypatch):
    import json

    from entraide_desktop.data.sync import container

    invitation = join.prepare(centre, usb)
    data = invitation.path.read_bytes()
    sealed = container.parse(data, join.MAGIC, join.FORMAT_VERSION, what="x")
    header = {**sealed.header, "kdf": {**sealed.header["kdf"], "memory_cost": 1 << 40}}
    raw = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    forged = container._PREFIX.pack(join.MAGIC, 1, len(raw)) + raw + data[len(sealed.prefix):]
    invitation.path.write_bytes(forged)
    monkeypatch.setattr(keys, "derive_key", lambda *a: (_ for _ in ()).throw(AssertionError("derived")))
    with pytest.raises(BundleRefused, match="incomplet ou endommagé"):
        join.open_invitation(invitation.path, invitation.code)
