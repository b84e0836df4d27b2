"""What the conflicts screen shows, and settling a conflict."""

from __future__ import annotations

from entraide_desktop.data import rows
from entraide_desktop.data.sync import conflicts, exchange
from entraide_desktop.data.sync.labels import field_label, record_label


def send(source, target, usb):
    return exchange.import_file(target, exchange.export_to(source, usb).path)


def make_conflict(pair, usb, field, centre_value, laptop_value, **start):
    centre, laptop = pair
    pid = rows.insert(centre, "people", {"first_name": "Hélène", "last_name": "Côté", **start})
    send(centre, laptop, usb)
    rows.update(centre, "people", pid, {field: centre_value})
    rows.update(laptop, "people", pid, {field: laptop_value})
    send(laptop, centre, usb)
    return pid


def test_each_version_says_where_when_and_who(pair, usb):
    centre, _laptop = pair
    pid = make_conflict(pair, usb, "phone", "418 555-0101", "418 555-0202")
    [conflict] = conflicts.waiting(centre)
    assert (conflict.area, conflict.record, conflict.label) == ("Membres", "Hélène Côté", "Téléphone")
    assert conflict.row_id == pid and not conflict.long_text
    by_value = {v.value: v for v in conflict.versions}
    assert by_value["418 555-0101"].machines == ("Ordinateur du centre",)
    assert by_value["418 555-0202"].machines == ("Portable du secrétariat",)
    assert by_value["418 555-0202"].authors == ("Personne de Portable du secrétariat",)
    assert sum(v.shown for v in conflict.versions) == 1 and conflict.versions[0].shown


def test_long_text_gets_a_line_difference(pair, usb):
    centre, _laptop = pair
    base = "Aime la cuisine collective.\nPréfère le mardi."
    make_conflict(pair, usb, "notes", base + "\nA un chat.", "Aime la cuisine collective.\nPréfère le jeudi.",
                  notes=base)
    [conflict] = conflicts.waiting(centre)
    assert conflict.long_text
    a, b = (v.value for v in conflict.versions)
    diff = conflicts.diff_lines(a, b)
    assert (" ", "Aime la cuisine collective.") in diff
    assert {k for k, _t in diff} == {" ", "-", "+"}


def test_a_merged_value_settles_it_for_everyone(pair, usb):
    centre, laptop = pair
    pid = make_conflict(pair, usb, "notes", "Version A", "Version B")
    conflicts.resolve(centre, "people", pid, "notes", "Version A et B")
    assert conflicts.waiting(centre) == []
    send(centre, laptop, usb)
    assert conflicts.waiting(laptop) == [] and rows.get(laptop, "people", pid)["notes"] == "Version A et B"


def test_keeping_the_shown_value_also_settles_it(pair, usb):
    centre, _laptop = pair
    pid = make_conflict(pair, usb, "email", "a@exemple.org", "b@exemple.org")
    shown = rows.get(centre, "people", pid)["email"]
    conflicts.resolve(centre, "people", pid, "email", shown)
    assert conflicts.waiting(centre) == []


def test_empty_values_and_labels():
    assert conflicts.value_text("phone", None) == "(vide)"
    assert conflicts.value_text("archived", 1) == "Archivée"
    assert field_label("people", "emergency_contact") == "Personne à joindre en cas d'urgence"
    assert field_label("people", "some_new_field_id") == "Some new field"
    assert record_label("people", {"display_name": "Lulu", "first_name": "Lucie"}) == "Lulu"
    assert record_label("group_profile", {"name": "Le Phare"}) == "Le Phare"
    assert record_label("people", {}) == "Fiche effacée"
