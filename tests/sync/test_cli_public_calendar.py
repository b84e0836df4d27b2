"""The public calendar follows changes made by the command line, sync imports included."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from entraide_desktop.cli import run
from entraide_desktop.config import paths_for
from entraide_desktop.data import connection, rows
from entraide_desktop.data.calendar.public import write_public_calendar
from tests.conftest import PASSPHRASE
from tests.data.test_calendar_support import person, weekly

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "fixtures" / "members"


def edit(db: str, fn):
    store = connection.unlock(paths_for(db), PASSPHRASE)
    try:
        return fn(store)
    finally:
        store.close()


def public_text(db: str) -> str:
    return paths_for(db).public_calendar.read_text(encoding="utf-8")


def newest_bundle(folder: Path) -> Path:
    return max((p for p in folder.glob("*.entraide")), key=lambda p: p.stat().st_mtime_ns)


def test_a_consent_withdrawn_elsewhere_leaves_the_public_calendar_after_import_bundle(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ENTRAIDE_PASSPHRASE", PASSPHRASE)
    a, b = str(tmp_path / "centre" / "entraide.db"), str(tmp_path / "portable" / "entraide.db")
    usb = tmp_path / "usb"
    usb.mkdir()
    assert run(["init", "--database", a, "--group", "Le Phare", "--person", "Marie"]) == 0
    capsys.readouterr()  # the recovery key looks like a code too
    assert run(["join-code", "--database", a, "--to", str(usb)]) == 0
    code = re.search(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", capsys.readouterr().out).group(0)
    join_file = next(usb.glob("*.entraide-jumelage"))
    monkeypatch.setattr("sys.stdin", io.StringIO(code + "\n"))
    assert run(["join", "--database", b, str(join_file), "--person", "Luc", "--machine-name", "Portable"]) == 0
    edit(b, lambda s: write_public_calendar(s, s.paths))  # the app wrote it when a session opened here

    def lead_an_activity(store) -> str:
        ana = person(store, "Ana", "Tremblay", consent=True)
        today = dt.date.today()
        weekly(store, start=dt.datetime.combine(today, dt.time(19, 30)), until=today + dt.timedelta(days=60),
               leaders=(ana,))
        return ana

    ana = edit(a, lead_an_activity)
    assert run(["export-bundle", "--database", a, "--to", str(usb)]) == 0
    assert run(["import-bundle", "--database", b, str(newest_bundle(usb))]) == 0
    assert "Ana Tremblay" in public_text(b)

    def withdraw(store) -> None:
        consent = store.db.execute("SELECT id FROM consents WHERE person_id = ?", [ana]).fetchone()[0]
        rows.update(store, "consents", consent, {"withdrawn_on": dt.date.today().isoformat()})

    edit(a, withdraw)
    assert run(["export-bundle", "--database", a, "--to", str(usb)]) == 0
    assert run(["import-bundle", "--database", b, str(newest_bundle(usb))]) == 0
    assert "Ana" not in public_text(b)
    assert "Groupe de discussion du mardi" in public_text(b)


def test_import_members_rewrites_a_stale_public_calendar(tmp_path, monkeypatch):
    monkeypatch.setenv("ENTRAIDE_PASSPHRASE", PASSPHRASE)
    db = str(tmp_path / "g" / "entraide.db")
    assert run(["init", "--database", db, "--group", "Le Phare", "--person", "Marie"]) == 0
    public = paths_for(db).public_calendar
    public.write_text("périmé", encoding="utf-8")
    assert run(["import-members", str(FIXTURES / "liste-windows-1252.csv"), "--database", db]) == 0
    assert '"Le Phare"' in public.read_text(encoding="utf-8")


def test_nothing_is_written_where_no_public_calendar_was_made(tmp_path, monkeypatch):
    monkeypatch.setenv("ENTRAIDE_PASSPHRASE", PASSPHRASE)
    db = str(tmp_path / "g" / "entraide.db")
    assert run(["init", "--database", db, "--group", "Le Phare", "--person", "Marie"]) == 0
    assert run(["import-members", str(FIXTURES / "liste-windows-1252.csv"), "--database", db]) == 0
    assert not paths_for(db).public_calendar.exists()
