"""Issue 12, « machines sign what they send » and « the group key is replaced on removal », as attacks.

Each forged or unwelcome file is refused with a clear message and leaves the database exactly
as it was; each honest exchange still goes through.
"""

from __future__ import annotations

import pytest

from entraide_desktop.config import paths_for
from entraide_desktop.data import rows
from entraide_desktop.data.clock import DAY_MS, now_ms, pack
from entraide_desktop.data.sync import exchange, group_key, identity, invitations, join, machine_removal
from entraide_desktop.data.sync.container import BundleRefused
from tests.conftest import PASSPHRASE
from tests.sync.helpers import file_digest
from tests.trust.forge import forge, record, sibling

PERSON = "11111111-2222-4333-8444-555555555555"


def _refused(store, data: bytes, match: str, **options) -> str:
    before = file_digest(store)
    with pytest.raises(BundleRefused, match=match) as caught:
        exchange.import_bytes(store, data, "fichier.entraide", backup=False, **options)
    assert file_digest(store) == before, "a refused file changed the database"
    return caught.value.message


def _file(store, usb) -> bytes:
    return exchange.export_to(store, usb).path.read_bytes()


def test_a_file_forged_with_the_group_key_alone_is_refused(pair):
    centre, _laptop = pair
    data = forge(centre, records=[("people", PERSON, record({"first_name": sibling("f0f0f0f0f0f0f0f0", 1,
                                                                                   pack(now_ms()), "Faux")}))],
                 signed=False)
    assert "pas signé" in _refused(centre, data, "pas signé")
    assert rows.get(centre, "people", PERSON) is None


def test_a_file_signed_by_a_machine_nobody_introduced_is_refused(pair, usb):
    centre, laptop = pair
    honest = _file(laptop, usb)
    with centre.write():  # the centre never heard of the laptop: as if it had not joined through the centre
        centre.db.execute("DELETE FROM _sync_machine_keys WHERE site = ?", [laptop.site_id])
    _refused(centre, honest, "ne connaît pas encore")


def test_a_known_machine_cannot_claim_another_machines_writes(trio, usb):
    """The laptop turned: its file carries writes « from » Luc's laptop, beyond what Luc signed."""
    centre, laptop, luc = trio
    exchange.import_file(centre, exchange.export_to(luc, usb).path, backup=False)  # Luc's counter, signed: 0 or so
    stolen = record({"first_name": sibling(luc.site_id, 500, pack(now_ms()), "Piège")})  # within the old bounds
    data = forge(centre, site=laptop.site_id, records=[("people", PERSON, stolen)], vector={laptop.site_id: 1})
    _refused(centre, data, "ne les a pas signées")
    rows.insert(luc, "people", {"first_name": "Vraie"})  # Luc's real edits still arrive afterwards
    summary = exchange.import_file(centre, exchange.export_to(luc, usb).path, backup=False)
    assert summary.total >= 1


def test_a_relayed_machines_writes_are_accepted_up_to_what_it_signed(trio, usb):
    centre, laptop, luc = trio
    pid = rows.insert(luc, "people", {"first_name": "Hélène"})
    exchange.import_file(laptop, exchange.export_to(luc, usb).path, backup=False)
    summary = exchange.import_file(centre, exchange.export_to(laptop, usb).path, backup=False)  # relayed
    assert summary.total >= 1 and rows.get(centre, "people", pid)["first_name"] == "Hélène"


def test_a_removed_machine_is_refused_here_and_then_everywhere(trio, usb):
    centre, laptop, luc = trio
    rows.insert(luc, "people", {"first_name": "Avant le retrait"})
    before_removal = _file(luc, usb)
    assert machine_removal.remove_machine(centre, "Portable de Luc") == "Portable de Luc"
    _refused(centre, before_removal, "retiré du groupe")
    exchange.import_file(laptop, exchange.export_to(centre, usb).path, backup=False)  # the removal travels
    assert not identity.machines(laptop)[luc.site_id].active
    _refused(laptop, _file(luc, usb), "retiré du groupe|nouvelle clé")


def test_the_new_group_key_reaches_the_remaining_machines_and_not_the_removed_one(trio, usb):
    centre, laptop, luc = trio
    old_key = centre.local("group_key")
    machine_removal.remove_machine(centre, "Portable de Luc")
    assert centre.local("group_key") != old_key and identity.key_generation(centre) == 1
    from_centre = _file(centre, usb)
    exchange.import_bytes(laptop, from_centre, "centre.entraide", backup=False)
    assert laptop.local("group_key") == centre.local("group_key") and identity.key_generation(laptop) == 1
    assert "n'a pas été transmise" in _refused(luc, from_centre, "nouvelle clé")
    rows.insert(laptop, "people", {"first_name": "Après le retrait"})
    assert exchange.import_file(centre, exchange.export_to(laptop, usb).path, backup=False).total >= 1


def test_a_file_made_with_the_replaced_key_is_accepted_for_the_grace_period_only(pair, usb):
    centre, laptop = pair
    rows.insert(laptop, "people", {"first_name": "En retard"})
    late = _file(laptop, usb)  # made before the laptop heard of the new key
    group_key.rotate(centre, now_ms())
    exchange.import_bytes(centre, late, "portable.entraide", backup=False, now_ms=now_ms() + DAY_MS)
    with centre.write():
        centre.db.execute("DELETE FROM _sync_imports")
    message = _refused(centre, late, "ancienne clé", now_ms=now_ms() + (group_key.GRACE_DAYS + 1) * DAY_MS)
    assert f"{group_key.GRACE_DAYS} jours" in message


def test_removing_a_persons_access_replaces_the_group_key_too(store):
    from entraide_desktop.data import access, keys, revocation

    access.add_person(store, "Luc", "une phrase de passe assez longue")
    before = store.local("group_key")
    luc = next(slot_id for slot_id, label in keys.read_keyfile(store.paths.key_file).labels() if label == "Luc")
    revocation.remove_access(store, luc)
    assert store.local("group_key") != before and identity.key_generation(store) == 1


def _joined(issuer, usb, tmp_path, name: str, invitation_file=None):
    made = join.prepare(issuer, usb) if invitation_file is None else invitation_file
    opened = join.open_invitation(made.path, made.code)
    new = join.join_group(paths_for(tmp_path / name / "entraide.db"), opened, person=f"Personne de {name}",
                          passphrase=PASSPHRASE, machine_name=name).store
    return new, made


def test_a_join_file_serves_one_machine_only(pair, usb, tmp_path):
    centre, _laptop = pair
    first, made = _joined(centre, usb, tmp_path, "Premier")
    second, _ = _joined(centre, usb, tmp_path, "Second", invitation_file=made)  # a kept copy, used again
    try:
        assert exchange.import_file(centre, exchange.export_to(first, usb).path, backup=False)
        assert identity.machines(centre)[first.site_id].active
        _refused(centre, _file(second, usb), "déjà servi")
    finally:
        first.close()
        second.close()


def test_the_issuer_refuses_a_new_machine_that_comes_back_too_late(pair, usb, tmp_path):
    centre, _laptop = pair
    new, _made = _joined(centre, usb, tmp_path, "Tardif")
    try:
        late = now_ms() + (invitations.REDEEM_DAYS + 1) * DAY_MS
        _refused(centre, _file(new, usb), "a expiré", now_ms=late)
    finally:
        new.close()


def test_a_forged_invitation_proof_is_refused(pair, usb, tmp_path):
    centre, _laptop = pair
    new, _made = _joined(centre, usb, tmp_path, "Menteur")
    try:
        claim = invitations.claim(new)
        new.set_local("join_claim", f'{{"id": "{claim["id"]}", "secret": "{"A" * 43}="}}')
        _refused(centre, _file(new, usb), "preuve de jumelage")
    finally:
        new.close()


def test_after_a_removal_the_old_keys_of_a_machine_sign_nothing_the_others_accept(pair, usb):
    """The removed person copied the centre's database: its old machine key and old group key. Once the
    laptop has the centre's new keys, a file signed and sealed with the old ones is refused."""
    centre, laptop = pair
    rows.insert(centre, "people", {"first_name": "Avant"})
    with_old_keys = _file(centre, usb)  # what the removed person can still make
    group_key.rotate(centre, now_ms())  # the removal (revocation.remove_access calls it)
    exchange.import_bytes(laptop, _file(centre, usb), "centre.entraide", backup=False)
    assert "autre clé" in _refused(laptop, with_old_keys, "autre clé")


def test_after_the_upgrade_a_machine_already_exchanged_with_is_learned_once(pair, usb):
    """Groups that exchanged before files were signed: the first signed file of a known peer is taken."""
    centre, laptop = pair
    exchange.import_file(centre, exchange.export_to(laptop, usb).path, backup=False)
    with centre.write():  # as before the upgrade: a peer, but no key yet
        centre.db.execute("DELETE FROM _sync_machine_keys WHERE site = ?", [laptop.site_id])
    rows.insert(laptop, "people", {"first_name": "Après la mise à jour"})
    assert exchange.import_file(centre, exchange.export_to(laptop, usb).path, backup=False).total >= 1
    assert identity.machines(centre)[laptop.site_id].signing == identity.own(laptop).signing_public
