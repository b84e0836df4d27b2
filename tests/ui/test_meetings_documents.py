"""Exported minutes and AGA package (PDF and ODT), and the headless commands that write them."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest
from pypdf import PdfReader

from entraide_desktop.data import calendar, responsibilities
from entraide_desktop.data import meetings as mt
from entraide_desktop.documents.meetings import export_minutes, export_package
from tests.data.test_meetings_report import MANDATES, SPREAD, SUMMARY
from tests.data.test_meetings_support import aga, item, known_group

pytestmark = pytest.mark.usefixtures("qapp")  # the app's QApplication, as in the desktop app

_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def odt_paragraphs(path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        root = ET.fromstring(archive.read("content.xml"))
    found = []
    for tag in ("p", "h"):
        for element in root.iter(f"{{{_TEXT_NS}}}{tag}"):
            text = "".join(element.itertext()).replace("\xa0", " ").strip()
            if text:
                found.append(text)
    return found


def pdf_text(path) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in PdfReader(str(path)).pages]


@pytest.fixture
def adopted_aga(store):
    """An AGA with chair, secretary, excused and guests, a unanimous and a counted proposal with an amendment."""
    ids = known_group(store)
    meeting = aga(store, ids, present=("Ana", "Benoît", "Céline", "Denis", "Marie"))
    mt.mark(store, meeting, ids["Émilie"], mt.EXCUSED)
    mt.update_meeting(store, meeting, chair_name="Patrice Ménard", secretary_id=ids["Marie"], end_time="15 h 40",
                      notice_date="2026-05-28")
    mt.add_guest(store, meeting, "Patrice Ménard", "Regroupement régional")
    agenda = item(store, meeting, "agenda")
    mt.update_item(store, agenda, notes="L'ordre du jour est lu.\n- un point ajouté en varia")
    p = mt.add_proposal(store, agenda, "l'ordre du jour soit adopté tel que présenté.", moved_by=ids["Ana"],
                        seconded_by=ids["Benoît"])
    mt.set_outcome(store, p, "unanimous")
    plan = next(i.id for i in mt.items(store, meeting) if "plan d'action" in i.title)
    main = mt.add_proposal(store, plan, "le plan d'action soit adopté", moved_by=ids["Céline"],
                           seconded_by=ids["Denis"])
    amendment = mt.add_proposal(store, plan, "ajouter « avec les membres »", moved_by=ids["Ana"],
                                seconded_by=ids["Denis"], parent_id=main)
    mt.set_outcome(store, amendment, "majority", 3, 1, 0)
    mt.set_outcome(store, main, "majority", 3, 0, 1)
    mt.add_followup(store, meeting, "Envoyer le plan d'action aux membres", person_id=ids["Marie"],
                    due="2026-07-01", item_id=plan)
    return store, ids, meeting


def test_minutes_odt_opens_and_reads_as_a_proces_verbal(adopted_aga, tmp_path):
    store, _ids, meeting = adopted_aga
    path = export_minutes(store, meeting, tmp_path / "pv.odt", "odt")
    text = odt_paragraphs(path)
    joined = "\n".join(text)
    assert text[0] == "Le Phare" and "Procès-verbal" in text
    assert "Assemblée générale annuelle" in text
    assert "tenue le jeudi 11 juin 2026 à 13 h 30, Local du groupe" in text
    assert ("Il est proposé par Ana Test, appuyé par Benoît Test, que l'ordre du jour soit adopté tel que "
            "présenté.") in text
    assert "Adoptée à l'unanimité." in text
    assert "Pour : 3; contre : 1; abstentions : 0. Amendement adopté à la majorité." in text
    assert ("Vote sur la proposition AGA-2026-06-11-02 telle qu'amendée : Pour : 3; contre : 0; abstentions : 1. "
            "Adoptée à la majorité.") in text
    assert "Le quorum est constaté : 4 personnes votantes sont présentes ; le quorum est de 3" in joined
    assert "Ana Test, Benoît Test, Céline Test, Denis Test et Marie Test" in joined
    assert "Émilie Test" in joined and "Patrice Ménard (Regroupement régional)" in joined
    assert "un point ajouté en varia" in text
    assert "La séance est levée à 15 h 40." in text
    assert "Présidence d'assemblée" in text and "Secrétariat d'assemblée" in text
    assert "Projet de procès-verbal — non adopté" in text
    numbered = [t for t in text if re.match(r"^\d+\.\s", t)]
    assert numbered[0].startswith("1.") and numbered[-1].startswith("13.") and "Levée" in numbered[-1]


def test_minutes_pdf_pages_and_content(adopted_aga, tmp_path):
    store, _ids, meeting = adopted_aga
    path = export_minutes(store, meeting, tmp_path / "pv.pdf", "pdf")
    reader = PdfReader(str(path))
    assert len(reader.pages) == 2
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)  # US Letter
    pages = pdf_text(path)
    assert "Le Phare" in pages[0] and "Procès-verbal" in pages[0] and "Présences" in pages[0]
    assert "Il est proposé par Ana Test, appuyé par Benoît Test, que l'ordre du jour soit adopté" in pages[0]
    assert "Page 1 de 2" in pages[0] and "Page 2 de 2" in pages[1]
    assert "Secrétariat d'assemblée" in pages[-1] and "Marie Test" in pages[-1]
    assert reader.metadata.title == "Procès-verbal — Assemblée générale annuelle du jeudi 11 juin 2026"


def test_adopted_minutes_show_the_adoption_and_the_errata(adopted_aga, tmp_path):
    store, ids, meeting = adopted_aga
    later = aga(store, ids, present=("Ana", "Benoît", "Céline"), day=dt.date(2026, 9, 10))
    minutes_item = item(store, later, "previous_minutes")
    text, target = mt.suggested_proposal(store, minutes_item)
    adopt = mt.add_proposal(store, minutes_item, text, moved_by=ids["Ana"], seconded_by=ids["Benoît"],
                            adopts_meeting_id=target)
    mt.set_outcome(store, adopt, "unanimous")
    mt.add_erratum(store, meeting, "Lire « Regroupement régional des ressources alternatives ».", adopt)
    text = odt_paragraphs(export_minutes(store, meeting, tmp_path / "pv.odt", "odt"))
    assert "Adopté le jeudi 10 septembre 2026 (proposition AGA-2026-09-10-01)" in text
    assert "Errata" in text
    assert any(t.startswith("Erratum adopté le jeudi 10 septembre 2026, proposition AGA-2026-09-10-01 :") for t in text)


def test_a_long_agenda_runs_over_several_pages(store, tmp_path):
    ids = known_group(store)
    meeting = aga(store, ids)
    for n in range(40):
        mt.add_item(store, meeting, f"Sujet numéro {n + 1}", notes="Discussion. " * 40)
    pages = pdf_text(export_minutes(store, meeting, tmp_path / "long.pdf", "pdf"))
    assert len(pages) >= 6
    assert "53. " in " ".join(pages)
    assert f"Page {len(pages)} de {len(pages)}" in pages[-1]


def test_aga_package_with_known_figures(store, tmp_path, monkeypatch):
    monkeypatch.setattr(calendar, "activity_summary", lambda *_a: list(SUMMARY))
    monkeypatch.setattr(responsibilities, "spread", lambda *_a, **_k: SPREAD)
    monkeypatch.setattr(responsibilities, "mandates_to_fill", lambda *_a: list(MANDATES))
    ids = known_group(store)
    aga(store, ids, present=("Ana", "Benoît", "Céline", "Marie"), day=dt.date(2025, 6, 12))
    aga(store, ids, present=("Ana", "Benoît"), day=dt.date(2026, 6, 11))
    pdf = export_package(store, 2025, tmp_path / "aga.pdf", "pdf", today=dt.date(2026, 5, 1))
    pages = pdf_text(pdf)
    assert len(pages) >= 5
    assert "Assemblée générale annuelle" in pages[0] and "rapport d'activités de l'exercice 2025-2026" in pages[0]
    assert "Exercice financier du 1er avril 2025 au 31 mars 2026" in pages[0]
    assert "1. Ordre du jour" in pages[1]
    assert "2. Procès-verbal de l'assemblée générale annuelle précédente" in pages[2]
    assert "jeudi 12 juin 2025" in pages[2]
    report = " ".join(pages[3:])
    assert "3. Rapport d'activités 2025-2026" in report
    assert "Exercice 2025-2026 : du 1er avril 2025 au 31 mars 2026" in report
    assert "le groupe a tenu 128 rencontres dans 6 activités, pour un total de 1 053 présences" in report.replace(
        "\u202f", " ")
    for figure in ("Entraide personnelle", "Groupe de discussion", "Promotion-vigilance", "Autres activités"):
        assert figure in report
    assert "1 nouveau membre s'est joint au groupe en 2025-2026." in report
    assert "120 responsabilités" in report and "Personnes intervenantes" in report
    assert "4. Mandats à pourvoir" in report and "Siège au conseil d'administration" in report
    assert "poste vacant" in report
    odt = odt_paragraphs(export_package(store, 2025, tmp_path / "aga.odt", "odt", today=dt.date(2026, 5, 1)))
    assert "3. Rapport d'activités 2025-2026" in odt and "4. Mandats à pourvoir" in odt


def test_aga_package_with_empty_sections(store, tmp_path):
    known_group(store)
    text = odt_paragraphs(export_package(store, 2026, tmp_path / "vide.odt", "odt", today=dt.date(2026, 11, 25)))
    assert "Aucune activité n'est inscrite au calendrier pour 2026-2027." in text
    assert "Aucune assemblée générale annuelle précédente n'est inscrite dans Entraide." in text
    assert "Aucune responsabilité n'est inscrite pour 2026-2027." in text
    assert "Aucun mandat à pourvoir au jeudi 1er avril 2027." in text  # the day after the exercice
    assert "Date de l'assemblée à déterminer" in text


def test_commands_list_export_and_report(store, paths, tmp_path, monkeypatch, capsys):
    from entraide_desktop.cli import run
    from tests.conftest import PASSPHRASE

    ids = known_group(store)
    meeting = aga(store, ids)
    store.close()
    monkeypatch.setenv("ENTRAIDE_PASSPHRASE", PASSPHRASE)
    database = str(paths.database)
    assert run(["list-meetings", "--database", database]) == 0
    listing = capsys.readouterr().out
    assert meeting in listing and "AGA" in listing and "projet" in listing
    out = tmp_path / "pv.pdf"
    assert run(["export-minutes", "--database", database, "--meeting", meeting[:8], "--format", "pdf",
                "--out", str(out)]) == 0
    assert len(PdfReader(str(out)).pages) >= 1
    assert "jeudi 11 juin 2026" in capsys.readouterr().out
    assert run(["export-minutes", "--database", database, "--meeting", "zzz", "--format", "odt",
                "--out", str(tmp_path / "x.odt")]) == 1
    assert "Aucune réunion ne correspond" in capsys.readouterr().err
    assert run(["report", "--database", database, "--year", "2025", "--format", "odt",
                "--out", str(tmp_path / "aga.odt")]) == 0
    assert "3. Rapport d'activités 2025-2026" in odt_paragraphs(tmp_path / "aga.odt")
    assert "exercice 2025-2026, du 1er avril 2025 au 31 mars 2026" in capsys.readouterr().out
    # Without --year: the exercice that ended, until the AGA that presents it has been held (June 11, 2026).
    assert run(["report", "--database", database, "--format", "odt", "--out", str(tmp_path / "defaut.odt")]) == 0
    expected = "2026-2027" if dt.date.today() >= dt.date(2026, 6, 11) else "2025-2026"
    assert f"3. Rapport d'activités {expected}" in odt_paragraphs(tmp_path / "defaut.odt")
    assert run(["report", "--database", database, "--year", "2025", "--format", "pdf",
                "--out", str(tmp_path / "absent" / "aga.pdf")]) == 1
    assert "n'existe pas" in capsys.readouterr().err
