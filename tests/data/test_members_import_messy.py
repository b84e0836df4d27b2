"""Messy member lists as groups really keep them: no person with a name is ever lost for a cell."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entraide_desktop.data import members, people
from entraide_desktop.data.import_log import last_import, undo_import
from entraide_desktop.data.members.importing import apply_import, preview_file
from entraide_desktop.data.members.importing.review import clear_checks, count_to_check, people_to_check
from entraide_desktop.data.sync.state import remember_vector

TODAY = dt.date(2026, 11, 25)


def _csv(tmp_path, text, encoding="utf-8", name="liste.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _memberships(store, person_id):
    return [(m.period_start.isoformat(), m.period_end.isoformat(), m.paid_on, m.amount)
            for m in members.list_memberships(store, person_id)]


def _person(store, name):
    return next(p for p in people.list_people(store, include_archived=True) if p.name == name)


def test_the_62_row_windows_list_with_a_fee_paid_column_loses_nobody(store, tmp_path):
    lines = ["Prénom;Nom;Téléphone;Courriel;Date d'adhésion;Cotisation payée"]
    for i in range(60):
        lines.append(f"Personne{i};Lévesque;418 555-{1000 + i};p{i}@exemple.org;15/03/2019;"
                     f"{('Oui', 'oui', 'Non')[i % 3]}")
    lines.append("Personne0;Lévesque;418 555-1000;p0@exemple.org;15/03/2019;Oui")  # a true duplicate
    lines.append(";;418 555-9999;;;Oui")  # no name at all
    preview = preview_file(store, str(_csv(tmp_path, "\r\n".join(lines), "cp1252")), today=TODAY)
    assert preview.mapping[5].startswith("membership_paid:"), "yes/no words never go to a date"
    assert (preview.count("create"), preview.count("skip"), preview.count("reject")) == (60, 1, 1)
    assert "Aucun nom" in preview.rows[-1].remark()
    result = apply_import(store, preview, today=TODAY)
    assert (result.created, result.skipped, result.rejected) == (60, 1, 1)
    year = int(preview.mapping[5].split(":")[1])
    assert year == 2026, "no year in the header: the current exercice (April 2026 to March 2027)"
    paid = _person(store, "Personne0 Lévesque")
    assert _memberships(store, paid.id) == [("2026-04-01", "2027-03-31", None, None)]
    assert people.in_good_standing(store, paid.id, TODAY)
    assert _memberships(store, _person(store, "Personne2 Lévesque").id) == []  # « Non »


@pytest.mark.parametrize(("header", "year"), [("Payé 2024", 2024), ("Membre en règle", 2026),
                                              ("Cotisation 2023-2024", 2023)])
def test_fee_paid_headers_name_their_year(store, tmp_path, header, year):
    path = _csv(tmp_path, f"Prénom,Nom,{header}\nAnne,Roy,x\nLuc,Roy,non\n")
    preview = preview_file(store, str(path), today=TODAY)
    assert preview.mapping[2] == f"membership_paid:{year}"
    assert preview.rows[0].memberships == [{"paid_on": None, "amount": None, "year": year}]
    assert preview.rows[1].memberships == []


def test_one_column_per_year_with_x_oui_or_an_amount(store, tmp_path):
    path = _csv(tmp_path, "Nom;2022;2023;2024\nTREMBLAY, Marie;x;oui;25 $\nJean Roy;;;10,00\n", "cp1252")
    preview = preview_file(store, str(path), today=TODAY)
    assert preview.mapping == ["full_name", "membership_paid:2022", "membership_paid:2023", "membership_paid:2024"]
    marie, jean = preview.rows
    assert (marie.person["first_name"], marie.person["last_name"]) == ("Marie", "Tremblay")
    assert (jean.person["first_name"], jean.person["last_name"]) == ("Jean", "Roy")
    apply_import(store, preview, today=TODAY)
    assert sorted(_memberships(store, _person(store, "Marie Tremblay").id)) == [
        ("2022-04-01", "2023-03-31", None, None), ("2023-04-01", "2024-03-31", None, None),
        ("2024-04-01", "2025-03-31", None, "25.00")]


def test_phones_as_people_write_them(store, tmp_path):
    path = _csv(tmp_path, "Prénom,Nom,Téléphone\n"
                "Anne,Roy,418-555-0101 poste 123\n"
                'Luc,Roy,"418 555-0102 / 581 555-0103"\n'
                "Léa,Roy,1 418 555 0104\n"
                "Max,Roy,4185550105\n"
                "Zoé,Roy,555-0106\n")
    rows = preview_file(store, str(path), today=TODAY).rows
    assert rows[0].person["phone"] == "418 555-0101, poste 123"
    assert (rows[1].person["phone"], rows[1].person["mobile"]) == ("418 555-0102", "581 555-0103")
    assert rows[2].person["phone"] == "418 555-0104" and rows[3].person["phone"] == "418 555-0105"
    assert rows[4].action == "create" and rows[4].person["phone"] is None
    assert rows[4].checks[0].raw == "555-0106" and "indicatif" in rows[4].checks[0].message


@pytest.mark.parametrize(("cell", "iso"), [("43539", "2019-03-15"), ("15 mars 2019", "2019-03-15"),
                                           ("mars 2019", "2019-03-01"), ("2019", "2019-01-01"),
                                           ("2019-03-15", "2019-03-15"), ("15/03/2019", "2019-03-15")])
def test_dates_as_people_write_them(store, tmp_path, cell, iso):
    path = _csv(tmp_path, f"Prénom;Nom;Membre depuis\nAnne;Roy;{cell}\nLuc;Roy;2020-01-01\n")
    preview = preview_file(store, str(path), today=TODAY)
    assert preview.mapping[2] == "member_since" and preview.rows[0].person["member_since"] == iso


def test_loose_consent_columns_and_columns_never_brought_in_silently(store, tmp_path):
    path = _csv(tmp_path, "Prénom,Nom,Liste téléphonique,OK photo,Remarques,Allergies\n"
                "Anne,Roy,oui,non,Vient le mardi,arachides\n")
    preview = preview_file(store, str(path), today=TODAY)
    assert preview.mapping == ["first_name", "last_name", "consent:phone_network", "consent:photos", "", ""]
    assert preview.rows[0].consents == {"phone_network": True, "photos": False}
    assert preview.rows[0].person["notes"] is None


def test_every_bad_cell_is_kept_on_the_person_and_in_the_review_list(store, tmp_path):
    path = _csv(tmp_path, "Prénom;Nom;Courriel;Téléphone;Date d'adhésion;Réseau téléphonique;Rôle\n"
                "Anne;Roy;anne@;418 555-0101;31/02/2019;peut-être;Trésorière\n"
                "Luc;Roy;luc@exemple.org;418 555-0102;2019-01-01;oui;Membre\n")
    preview = preview_file(store, str(path), today=TODAY)
    anne = preview.rows[0]
    assert anne.action == "create" and len(anne.checks) == 4
    assert anne.remark().startswith("importée, 4 renseignements à vérifier")
    result = apply_import(store, preview, today=TODAY)
    assert result.to_check == 1 and "1 fiche à vérifier" in result.summary()
    record = members.get_person(store, _person(store, "Anne Roy").id)
    assert record.notes.startswith("À vérifier après l'importation :")
    assert "- Courriel : « anne@ »" in record.notes and "« 31/02/2019 »" in record.notes
    (listed,) = people_to_check(store)
    assert listed.name == "Anne Roy" and [c.column for c in listed.checks] == [
        "Courriel", "Date d'adhésion", "Rôle", "Réseau téléphonique"], "a role given by default is still to check"
    # The secretary types the e-mail in the form: that cell leaves the list by itself.
    members.update_person(store, listed.person_id, {"email": "anne@exemple.org"})
    (listed,) = people_to_check(store)
    assert [c.column for c in listed.checks] == ["Date d'adhésion", "Rôle", "Réseau téléphonique"]
    clear_checks(store, [c.id for c in listed.checks])
    assert people_to_check(store) == [] and count_to_check(store) == 0
    history = store.db.execute("SELECT count(*) FROM _history WHERE tbl = 'import_checks' AND field = 'archived' AND value = '1'")
    assert history.fetchone()[0] == 4, "clearing is a change through the write path (it syncs)"


def test_an_import_is_undone_as_one_step_then_not_after_a_sync(store, tmp_path):
    existing = members.create_person(store, {"first_name": "Luc", "last_name": "Roy", "phone": "418 555-0102"})
    path = _csv(tmp_path, "Prénom;Nom;Téléphone;Courriel;Cotisation payée\n"
                "Anne;Roy;418 555-0101;anne@;oui\nLuc;Roy;418 555-0102;luc@exemple.org;oui\n")
    preview = preview_file(store, str(path), today=TODAY)
    preview.rows[1].action = "merge"
    apply_import(store, preview, today=TODAY)
    assert members.get_person(store, existing).email == "luc@exemple.org"
    record = last_import(store)
    assert record.can_undo and record.file_name == "liste.csv"
    result = undo_import(store, record.id)
    assert result.archived["people"] == 1 and result.restored == 1
    assert "1 personne retirée du registre" in result.summary()
    assert [p.name for p in people.list_people(store)] == ["Luc Roy"]
    assert not members.get_person(store, existing).email, "the merged record is as it was"
    assert _memberships(store, existing) == [] and count_to_check(store) == 0
    assert last_import(store) is None
    # Imported again, then a sync comes in: the undo is no longer offered.
    apply_import(store, preview_file(store, str(path), today=TODAY), today=TODAY)
    remember_vector(store, {"autre-poste": 3})
    record = last_import(store)
    assert not record.can_undo and "synchronisation" in record.why_not
    with pytest.raises(Exception, match="synchronisation"):
        undo_import(store, record.id)


def test_an_xlsx_with_numbers_serial_dates_and_yes_no(store, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Nom", "Téléphone", "Membre depuis", "Payé 2024"])
    sheet.append(["Marie Tremblay", 4185550101, 43539, "Oui"])
    sheet.append(["CÔTÉ, Hélène", 14185550102.0, "mars 2019", True])
    path = tmp_path / "liste.xlsx"
    book.save(path)
    preview = preview_file(store, str(path), today=TODAY)
    assert preview.mapping == ["full_name", "phone", "member_since", "membership_paid:2024"]
    marie, helene = preview.rows
    assert (marie.person["phone"], marie.person["member_since"]) == ("418 555-0101", "2019-03-15")
    assert (helene.person["last_name"], helene.person["phone"]) == ("Côté", "418 555-0102")
    assert helene.memberships == [{"paid_on": None, "amount": None, "year": 2024}]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_an_xlsx_saved_by_libreoffice_from_a_windows_csv(store, tmp_path):
    # A Windows-1252 list (filter option 1), converted headless as a secretary would save it in Calc.
    source = _csv(tmp_path, "Prénom;Nom;Téléphone;Cotisation payée;Remarques\n"
                  "Hélène;Côté;418 555-0101;Oui;allergique\nRéjean;Bélanger;pas de téléphone;non;\n", "cp1252")
    done = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--infilter=CSV:59,34,1",
         "--convert-to", "xlsx", "--outdir", str(tmp_path / "out"), str(source)],
        capture_output=True, timeout=180, check=False)
    path = tmp_path / "out" / "liste.xlsx"
    assert done.returncode == 0 and path.exists(), done.stderr
    preview = preview_file(store, str(path), today=TODAY)
    assert preview.mapping[:4] == ["first_name", "last_name", "phone", "membership_paid:2026"]
    assert [r.action for r in preview.rows] == ["create", "create"]
    assert preview.rows[1].checks[0].raw == "pas de téléphone"


_names = st.text(st.sampled_from("abcdeéèçàôAÉ-' "), min_size=1, max_size=12).filter(lambda s: s.strip(" -'"))
_junk = st.one_of(st.just(""), st.text(st.sampled_from("0123456789@/-.xoui nN,;$"), max_size=14))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_names, _names, _junk, _junk, _junk, _junk), min_size=1, max_size=25))
def test_every_named_row_is_created_or_found_a_duplicate(store, tmp_path_factory, rows):
    folder = tmp_path_factory.mktemp("prop")
    lines = ["Prénom;Nom;Téléphone;Courriel;Date d'adhésion;Cotisation payée"]
    lines += [";".join(c.replace(";", ",").replace('"', "") for c in row) for row in rows]
    path = folder / "liste.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    preview = preview_file(store, str(path), today=TODAY)
    assert not preview.problems
    named = sum(1 for first, last, *_rest in rows if first.strip() or last.strip())
    duplicates = sum(1 for r in preview.rows if r.action == "skip")
    assert preview.count("create") + duplicates == named
    assert preview.count("reject") == len(preview.rows) - named


def test_erasing_a_person_erases_their_cells_to_check_and_the_values_an_import_kept(store, tmp_path):
    from entraide_desktop.data.members.erase import erase_person

    existing = members.create_person(store, {"first_name": "Luc", "last_name": "Roy", "phone": "418 555-0102",
                                             "email": "ancien@exemple.org"})
    path = _csv(tmp_path, "Prénom;Nom;Téléphone;Date d'adhésion\nLuc;Roy;418 555-0102;31/02/2019\n")
    preview = preview_file(store, str(path), today=TODAY)
    preview.rows[0].action = "merge"
    apply_import(store, preview, today=TODAY)
    assert count_to_check(store) == 1
    erase_person(store, existing, "Luc Roy")
    found = store.db.execute("SELECT count(*) FROM import_checks").fetchone()[0]
    kept = store.db.execute("SELECT count(*) FROM imports").fetchone()[0]
    history = store.db.execute("SELECT count(*) FROM _history WHERE value LIKE '%ancien@exemple.org%' "
                               "OR value LIKE '%31/02/2019%'").fetchone()[0]
    assert (found, kept, history) == (0, 0, 0), "nothing of what the file or the record said is left"
    assert last_import(store) is None
