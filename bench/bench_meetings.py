"""Meetings: export of a 40-item AGA's minutes (PDF, ODT) and the yearly AGA package over the ten-year group.

Targets (meetings issue): 40-item AGA minutes ≤ 1 s to PDF and ≤ 0.5 s to ODT; the yearly report over the
ten-year group ≤ 2 s. The AGA is added to a copy of the cached group, never to the cache itself.
"""

from __future__ import annotations

import datetime as dt
import shutil
import statistics
import tempfile
from pathlib import Path

from common import Group, Result, timed

ITEMS = 40
NOTES = ("Les membres discutent de la proposition en petits groupes, puis chaque groupe rapporte ses idées. "
         "Plusieurs personnes soulignent l'importance de garder l'approche alternative au cœur des activités.\n"
         "- la cuisine collective reste le mercredi\n- le réseau téléphonique accueille de nouvelles personnes\n"
         "On convient de revenir sur la question au prochain conseil.")


def _forty_item_aga(store) -> str:  # type: ignore[no-untyped-def]
    from entraide_desktop.data import meetings as mt
    from entraide_desktop.data import people

    day = dt.date(2026, 6, 18)
    meeting = mt.create_meeting(store, mt.type_id("aga"), day, use_template=False, start_time="13 h 30",
                                place="Salle communautaire", chair_name="Présidence invitée")
    voters = sorted(people.members_in_good_standing(store, day))[:80]
    mt.mark_many(store, meeting, {pid: mt.PRESENT for pid in voters})
    for n in range(ITEMS):
        item = mt.add_item(store, meeting, f"Point {n + 1} : orientation de l'année {n + 1}", notes=NOTES)
        pid = mt.add_proposal(store, item, f"l'orientation numéro {n + 1} soit adoptée telle que présentée.",
                              moved_by=voters[n % len(voters)], seconded_by=voters[(n + 1) % len(voters)])
        mt.set_outcome(store, pid, "majority" if n % 3 else "unanimous",
                       *((len(voters) - 5, 3, 2) if n % 3 else (None, None, None)))
    return meeting


def run(group: Group) -> list[Result]:
    from entraide_desktop.config import paths_for
    from entraide_desktop.data.connection import unlock
    from entraide_desktop.data.meetings.report import year_report
    from entraide_desktop.documents.meetings import export_minutes, export_package
    from entraide_desktop.ui.app import create_application

    create_application()  # the desktop app's QApplication (fonts), as when exporting from the screen
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "groupe"
        shutil.copytree(group.database.parent, copy)
        store = unlock(paths_for(copy / group.database.name), group.passphrase)
        try:
            meeting = _forty_item_aga(store)
            out = Path(folder)
            pdf = timed(lambda: export_minutes(store, meeting, out / "pv.pdf", "pdf"), repeat=5)
            odt = timed(lambda: export_minutes(store, meeting, out / "pv.odt", "odt"), repeat=5)
            from pypdf import PdfReader

            pages = len(PdfReader(str(out / "pv.pdf")).pages)
            year = 2025
            figures = timed(lambda: year_report(store, year, today=dt.date(2026, 11, 25)), repeat=5)
            package_pdf = timed(lambda: export_package(store, year, out / "aga.pdf", "pdf"), repeat=3)
            package_odt = timed(lambda: export_package(store, year, out / "aga.odt", "odt"), repeat=3)
            meetings = store.db.execute("SELECT count(*) FROM meetings").fetchone()[0]
        finally:
            store.close()
    median = statistics.median
    return [
        Result(f"procès-verbal d'une AGA de {ITEMS} points → PDF", median(pdf), "s", 1.0, note=f"{pages} pages"),
        Result(f"procès-verbal d'une AGA de {ITEMS} points → ODT", median(odt), "s", 0.5),
        Result("rapport annuel : calcul des chiffres (groupe de dix ans)", median(figures), "s",
               note=f"{meetings} réunions"),
        Result("document de l'AGA (rapport annuel) → PDF", median(package_pdf), "s", 2.0),
        Result("document de l'AGA (rapport annuel) → ODT", median(package_odt), "s", 2.0),
    ]
