"""The treasury over the ten-year group (about 15,000 entries).

Targets (treasury issue): the journal opening on the treasury screen in ≤ 100 ms; a year's
statement in ≤ 0.5 s; a 1,000-line bank statement reconciled in ≤ 1 s (on a copy of the group).
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from common import Group, Result, median_ms, timed
from generate import TODAY


def run(group: Group) -> list[Result]:
    from PySide6.QtWidgets import QApplication

    from entraide_desktop.data import group as group_area
    from entraide_desktop.data.treasury import balances
    from entraide_desktop.data.treasury.views import journal_rows
    from entraide_desktop.ui.context import AppContext
    from entraide_desktop.ui.treasury import TreasuryPage
    from entraide_desktop.ui.treasury.journal_tab import JournalModel

    app = QApplication.instance() or QApplication([])
    store = group.open()
    try:
        total = store.db.execute("SELECT count(*) FROM treasury_transactions WHERE archived = 0").fetchone()[0]
        year = group_area.fiscal_year_of(store, TODAY)[0].year
        start, end = group_area.fiscal_year(store, year)
        last_year = year - 1
        context = AppContext(store, group.paths())

        def open_page() -> None:
            page = TreasuryPage(context)
            page.deleteLater()
            app.processEvents()

        def whole_journal() -> None:
            model = JournalModel()
            model.set_rows(journal_rows(store, dt.date(1900, 1, 1), dt.date(2100, 1, 1)))
            model.data(model.index(0, 5))

        results = [
            Result("écran Trésorerie ouvert (journal de l'exercice, soldes)", median_ms(timed(open_page, repeat=5)),
                   "ms", 100.0, f"{total} écritures en dix ans"),
            Result("journal complet des dix ans dans le tableau", median_ms(timed(whole_journal, repeat=5)), "ms", 100.0,
                   f"{total} écritures"),
            Result("état des revenus et dépenses d'un exercice", median_ms(timed(
                lambda: balances.statement(store, last_year), repeat=5)), "ms", 500.0),
            Result("soldes de tous les comptes (dix ans)", median_ms(timed(
                lambda: balances.account_periods(store, start, end), repeat=5)), "ms"),
        ]
    finally:
        store.close()
    results.append(_reconcile_thousand_lines(group))
    return results


def _reconcile_thousand_lines(group: Group) -> Result:
    """Import a 1,000-line AccèsD statement (CSV on disk) into a copy of the group and reconcile it."""
    import time

    from entraide_desktop.config import paths_for
    from entraide_desktop.data.connection import unlock
    from entraide_desktop.data.treasury import chart, journal, reconcile
    from entraide_desktop.data.treasury.statement_file import read_statement

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "entraide.db"
        for suffix in ("", "-wal", ".keys"):  # the database and its key slots (paths_for(...).key_file)
            source = Path(str(group.database) + suffix)
            if source.exists():
                shutil.copy2(source, Path(str(copy) + suffix))
        store = unlock(paths_for(copy), group.passphrase)
        try:
            bank = chart.starting_id(chart.ACCOUNTS, "bank")
            entries = [e for e in journal.list_entries(store, account_id=bank)][-990:]
            lines = []
            for number, e in enumerate(entries, start=1):
                cents = e.signed_cents(bank)
                amount = f"{abs(cents) / 100:.2f}".replace(".", ",")
                withdrawal, deposit = (amount, "") if cents < 0 else ("", amount)
                lines.append(f'"815","30000","0123456","EOP","{e.on:%Y/%m/%d}","{number:05d}","{e.description}","",'
                             f'"{withdrawal}","{deposit}","","","",""')
            for n in range(1000 - len(lines)):
                lines.append(f'"815","30000","0123456","EOP","{TODAY:%Y/%m/%d}","{9000 + n:05d}","Frais divers","",'
                             f'"1,{n:02d}","","","","",""')
            statement_path = Path(folder) / "releve.csv"
            statement_path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252", errors="replace"))
            start = time.perf_counter()
            result = reconcile.import_statement(store, bank, read_statement(statement_path))
            seconds = time.perf_counter() - start
        finally:
            store.close()
    return Result("relevé de 1 000 lignes lu, importé et rapproché", seconds * 1000, "ms", 1000.0,
                  f"{result.added} lignes, {result.matched} rapprochées")
