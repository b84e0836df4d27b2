"""Importing a member list: encodings, separators, XLSX, ugly files, duplicates, nothing written before confirming."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from entraide_desktop.data import members, people
from entraide_desktop.data.members.importing import (
    ExistingPeople,
    ImportFileError,
    ImportSetup,
    apply_import,
    build_preview,
    initial_setup,
    preview_file,
    read_table,
)
from entraide_desktop.data.members.importing.reading import MAX_BYTES

FIXTURES = Path(__file__).parent / "fixtures" / "members"
SAMPLE = FIXTURES / "membres-exemple.csv"  # a copy of ../shared/samples/membres-exemple.csv
HEADER = "Prénom;Nom;Téléphone;Courriel;Date d'adhésion;Rôle;Réseau téléphonique\n"
ROWS = ("Hélène;Côté;(418) 555-0101;helene@exemple.org;15/03/2019;Membre;oui\n"
        "Réjean;Bélanger;418.555.0102;;2019-03-16;Bénévole;non\n"
        "Thérèse;Gagné;;therese@exemple.org;1er mars 2020;Intervenante;x\n")


def _count(store) -> int:
    return store.db.execute("SELECT count(*) FROM people").fetchone()[0]


def _write(tmp_path, name, text, encoding, separator=";"):
    path = tmp_path / name
    path.write_bytes((HEADER + ROWS).replace(";", separator).encode(encoding) if text is None else text)
    return path


@pytest.mark.parametrize(("encoding", "label"), [
    ("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8 avec BOM"), ("cp1252", "Windows-1252"), ("utf-16", "UTF-16"),
])
@pytest.mark.parametrize("separator", [";", ",", "\t"])
def test_every_encoding_and_separator_reads_the_same(store, tmp_path, encoding, label, separator):
    path = _write(tmp_path, "liste.csv", None, encoding, separator)
    preview = preview_file(store, str(path))
    assert label in preview.table.describe()
    assert preview.table.delimiter == separator
    assert [r.name for r in preview.rows] == ["Hélène Côté", "Réjean Bélanger", "Thérèse Gagné"]
    first = preview.rows[0]
    assert (first.person["phone"], first.person["member_since"], first.consents) == (
        "418 555-0101", "2019-03-15", {"phone_network": True})
    assert preview.rows[2].person["roles"] == ["intervenant"]
    assert preview.rows[2].person["member_since"] == "2020-03-01"


def test_nothing_is_written_until_confirmed_then_everything_at_once(store, tmp_path):
    path = _write(tmp_path, "liste.csv", None, "utf-8")
    preview = preview_file(store, str(path))
    assert _count(store) == 0
    result = apply_import(store, preview, today=dt.date(2026, 11, 25))
    assert (result.created, result.skipped, result.rejected) == (3, 0, 0)
    assert "3 personnes ajoutées" in result.summary()
    helene = next(p for p in people.list_people(store) if p.name == "Hélène Côté")
    assert people.has_consent(store, helene.id, "phone_network", dt.date(2026, 11, 25))
    assert members.get_person(store, helene.id).member_since == "2019-03-15"


def test_the_shared_sample_imports_and_a_second_import_finds_only_duplicates(store):
    preview = preview_file(store, str(SAMPLE))
    assert preview.mapping[:7] == ["first_name", "last_name", "phone", "email", "member_since", "roles",
                                   "consent:phone_network"], "« Statut » holds roles in this file"
    assert preview.count("create") == 25 and not preview.problems
    apply_import(store, preview)
    again = preview_file(store, str(SAMPLE))
    assert again.count("skip") == 25 and again.count("create") == 0
    assert all(r.duplicate_of for r in again.rows)


def test_messy_windows_file(store):
    preview = preview_file(store, str(FIXTURES / "liste-windows-1252.csv"))
    by_line = {r.line: r for r in preview.rows}
    assert by_line[2].consents == {"phone_network": True, "photos": True}  # « x »
    assert by_line[3].person["mobile"] == "581 555-0103"
    assert by_line[3].person["notes"] is None, "a notes column is brought in only when the secretary says so"
    # A bad cell never costs the person: left out of its field, kept to check.
    assert by_line[5].action == "create" and by_line[5].person["email"] is None
    assert "importée, 1 renseignement à vérifier" in by_line[5].remark() and "francine@exemple" in by_line[5].remark()
    assert by_line[6].action == "create" and by_line[6].checks[0].message == "La date « 31/02/2019 » n'existe pas."
    assert by_line[7].action == "create" and "« peut-être » n'est pas compris" in by_line[7].checks[0].message
    assert by_line[8].person["roles"] == ["membre", "administrateur"]
    assert "plus de cellules" in by_line[8].remark()  # a ragged row: extra cell ignored, said so
    assert by_line[9].name == "Stéphane Côté"  # a short row
    assert by_line[11].action == "skip" and by_line[11].duplicate_line == 2
    assert 4 not in by_line and 10 not in by_line  # blank lines
    result = apply_import(store, preview)
    assert (result.created, result.skipped, result.rejected, result.to_check) == (7, 1, 0, 3)
    names = {p.name for p in people.list_people(store)}
    assert "Gaétan Lévesque" in names and "Noémie Fortin" in names


def test_english_headers_quotes_and_line_breaks(store):
    preview = preview_file(store, str(FIXTURES / "members-english.csv"))
    rows = preview.rows
    assert [r.name for r in rows] == ["Marie-Ève St-Pierre", 'Luc "Ti-Luc" Gagnon', "Yasmine Benali"]
    assert rows[0].person["notes"] is None and preview.mapping[-1] == ""  # free text: never brought in silently
    fixed = build_preview(preview.table, ImportSetup(preview.header_row, [*preview.mapping[:-1], "notes"]),
                          ExistingPeople.load(store))
    assert fixed.rows[0].person["notes"] == "Prefers\nevenings"
    assert rows[0].consents == {"phone_network": True, "mailings": True}
    assert rows[2].person["roles"] == ["membre", "administrateur"]
    assert rows[2].person["member_since"] == "2024-02-29"


def test_title_line_before_headers_and_memberships(store):
    preview = preview_file(store, str(FIXTURES / "titre-avant-entetes.csv"))
    assert preview.header_row == 1
    assert [r.memberships for r in preview.rows] == [[{"paid_on": "2024-04-12", "amount": "0.00", "year": None}],
                                                      [{"paid_on": "2024-05-12", "amount": "5.00", "year": None}]]
    apply_import(store, preview)
    caroline = next(p for p in people.list_people(store) if p.name == "Caroline Morin")
    assert people.in_good_standing(store, caroline.id, dt.date(2024, 6, 1))


def test_a_file_without_headers_is_guessed_from_its_values(store):
    preview = preview_file(store, str(FIXTURES / "sans-entetes.csv"))
    assert preview.header_row is None
    assert preview.mapping == ["first_name", "last_name", "email", "phone"]
    assert [r.name for r in preview.rows] == ["Lucie Tremblay", "Denis Gosselin"]


def test_whole_names_in_one_column_and_statuses(store):
    preview = preview_file(store, str(FIXTURES / "noms-complets.tsv"))
    assert preview.mapping == ["full_name", "phone", "status"]
    first, second, third = preview.rows
    assert (first.person["first_name"], first.person["last_name"]) == ("Hélène", "Côté")
    assert (second.person["first_name"], second.person["last_name"], second.person["status"]) == (
        "Mamadou", "Diallo", "inactif")
    assert third.person["archived"] == 1


def test_no_recognisable_column_is_explained_and_nothing_can_be_written(store):
    preview = preview_file(store, str(FIXTURES / "colonnes-inconnues.csv"))
    assert preview.problems and "Aucune colonne n'a été reconnue" in preview.problems[0]
    assert not preview.can_import
    with pytest.raises(Exception, match="Aucune colonne"):
        apply_import(store, preview)
    assert _count(store) == 0
    # The secretary says what the columns are: then it can be imported.
    table = read_table(FIXTURES / "colonnes-inconnues.csv")
    fixed = build_preview(table, ImportSetup(0, ["first_name", "last_name", ""]), ExistingPeople.load(store))
    assert fixed.can_import and [r.name for r in fixed.rows] == ["abc def", "jkl mno"]


def test_two_columns_into_one_field_is_refused(store):
    table = read_table(FIXTURES / "members-english.csv")
    setup = initial_setup(table)
    mapping = list(setup.mapping)
    mapping[1] = "first_name"
    preview = build_preview(table, ImportSetup(setup.header_row, mapping), ExistingPeople.load(store))
    assert any("Plusieurs colonnes vont dans « Prénom »" in p for p in preview.problems)


@pytest.mark.parametrize(("name", "content", "words"), [
    ("vide.csv", b"", "est vide"),
    ("blancs.csv", b";;;\r\n\r\n   \r\n", "est vide"),
    ("image.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20, "binaire"),
    ("photo.jpg", bytes([0xFF, 0xD8, 0xFF, 0xE0]) + bytes(range(256)) * 40, "binaire"),
    ("vieux.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "Excel 97-2003"),
    ("liste.pdf", b"%PDF-1.7\n%...\n", "PDF"),
    ("abime.xlsx", b"PK\x03\x04" + b"\x00" * 100, "endommagé"),
])
def test_ugly_files_get_a_french_message(store, tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as caught:
        preview_file(store, str(path))
    assert words in caught.value.message
    assert _count(store) == 0


def test_a_50_mb_file_is_refused_before_reading(store, tmp_path):
    path = tmp_path / "enorme.csv"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    assert path.stat().st_size > MAX_BYTES
    with pytest.raises(ImportFileError) as caught:
        read_table(path)
    assert "trop gros" in caught.value.message and "50 Mo" in caught.value.message


def test_a_missing_file_is_explained(store, tmp_path):
    with pytest.raises(ImportFileError) as caught:
        read_table(tmp_path / "absent.csv")
    assert "Impossible de lire" in caught.value.message


def _xlsx(tmp_path, rows, name="liste.xlsx", title_rows=0):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for _ in range(title_rows):
        sheet.append(["Membres 2024"])
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def test_xlsx_with_real_dates_numbers_and_booleans(store, tmp_path):
    path = _xlsx(tmp_path, [
        ["Prénom", "Nom", "Cellulaire", "Courriel", "Membre depuis", "Photos", "Montant"],
        ["Hélène", "Côté", 4185550101, "helene@exemple.org", dt.datetime(2019, 3, 15), True, None],
        ["Luc", "Roy", "581-555-0102", None, "15/03/2020", False, None],
    ], title_rows=1)
    preview = preview_file(store, str(path))
    assert preview.table.kind == "xlsx" and "feuille « Sheet »" in preview.table.describe()
    assert preview.header_row == 1
    first, second = preview.rows
    assert (first.person["mobile"], first.person["member_since"], first.consents) == (
        "418 555-0101", "2019-03-15", {"photos": True})
    assert second.consents == {"photos": False} and second.person["member_since"] == "2020-03-15"
    assert first.line == 3, "lines are the sheet's row numbers"
    apply_import(store, preview)
    assert _count(store) == 2


def test_empty_xlsx_is_explained(store, tmp_path):
    path = _xlsx(tmp_path, [])
    with pytest.raises(ImportFileError, match="vide"):
        preview_file(store, str(path))


def test_duplicates_of_the_register_can_be_skipped_or_merged(store, tmp_path):
    existing = members.create_person(store, {"first_name": "Hélène", "last_name": "Côté", "phone": "418 555-0101",
                                             "roles": ["benevole"]})
    members.set_consent(store, existing, "phone_network", False, dt.date.today())  # nothing given: stays so
    members.set_consent(store, existing, "photos", True, dt.date(2024, 1, 1))
    members.set_consent(store, existing, "photos", False, dt.date(2025, 1, 1))
    path = tmp_path / "liste.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    preview = preview_file(store, str(path))
    helene = preview.rows[0]
    assert helene.action == "skip" and helene.duplicate_of == existing
    assert helene.choices() == ["skip", "merge", "create"]
    assert "Déjà au registre : Hélène Côté" in helene.remark()
    helene.action = "merge"
    result = apply_import(store, preview)
    assert (result.created, result.merged) == (2, 1)
    record = members.get_person(store, existing)
    assert record.email == "helene@exemple.org" and record.member_since == "2019-03-15"
    assert record.roles == ("membre", "benevole")
    assert people.has_consent(store, existing, "phone_network")
    assert not people.has_consent(store, existing, "photos"), "a withdrawal in the register is never undone"


def test_same_name_without_any_contact_is_a_duplicate_but_other_contacts_are_only_a_warning(store, tmp_path):
    members.create_person(store, {"first_name": "Réjean", "last_name": "Bélanger"})
    members.create_person(store, {"first_name": "Thérèse", "last_name": "Gagné", "email": "autre@exemple.org"})
    path = tmp_path / "liste.csv"
    path.write_text(HEADER + ROWS.replace("418.555.0102", ""), encoding="utf-8")
    preview = preview_file(store, str(path))
    assert preview.rows[1].action == "skip"
    assert preview.rows[2].action == "create" and "même nom est déjà au registre" in preview.rows[2].remark()


def test_cancelling_writes_nothing(store, tmp_path):
    lines = HEADER + "".join(f"Personne{i};Test;;p{i}@exemple.org;;Membre;\n" for i in range(120))
    path = tmp_path / "liste.csv"
    path.write_text(lines, encoding="utf-8")
    preview = preview_file(store, str(path))

    class Cancelled:
        cancelled = False

        def __call__(self, done, total, text):
            self.cancelled = done >= 50

    with pytest.raises(Exception, match="annulée"):
        apply_import(store, preview, Cancelled())
    assert _count(store) == 0


def test_fixture_files_are_left_untouched(tmp_path):
    copy = tmp_path / "copie.csv"
    shutil.copy(FIXTURES / "liste-windows-1252.csv", copy)
    read_table(copy)
    assert copy.read_bytes() == (FIXTURES / "liste-windows-1252.csv").read_bytes()
