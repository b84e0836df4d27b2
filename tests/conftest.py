"""Shared fixtures: every test runs headless, in its own folders, with a fast key derivation."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

import pytest  # noqa: E402

import entraide_desktop.data  # noqa: E402,F401  (registers SQLCipher before sqlite_utils)
from entraide_desktop.config import Paths, paths_for  # noqa: E402
from entraide_desktop.data import keys  # noqa: E402
from entraide_desktop.data.connection import create_database, unlock  # noqa: E402
from entraide_desktop.data.store import Store  # noqa: E402
from entraide_desktop.i18n import set_language  # noqa: E402

PASSPHRASE = "café du mardi au local"
FAST_KDF = {"name": "argon2id", "time_cost": 1, "memory_cost": 256, "parallelism": 1}


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENTRAIDE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("ENTRAIDE_PASSPHRASE", raising=False)
    monkeypatch.setattr(keys, "DEFAULT_KDF", dict(FAST_KDF))
    set_language("fr", tmp_path / "home" / "cache")


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return paths_for(tmp_path / "groupe" / "entraide.db")


_templates: dict[str, Path] = {}


def _new_group_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty group made once per session (migrations and starting rows cost 50 ms each time)."""
    if "empty" not in _templates:
        folder = tmp_path_factory.mktemp("empty-group-template")
        created = create_database(paths_for(folder / "entraide.db"), group_name="Le Phare",
                                  region="Capitale-Nationale", person="Marie (secrétariat)", passphrase=PASSPHRASE)
        created.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        created.store.close()
        _templates["empty"] = folder
    return _templates["empty"]


@pytest.fixture
def store(paths: Paths, tmp_path_factory: pytest.TempPathFactory):
    """A new, empty group database, open as « Marie (secrétariat) »: a copy of one made for the
    session, opened as a copy is (it takes its own machine identity at once)."""
    template = _new_group_template(tmp_path_factory)
    paths.database.parent.mkdir(parents=True, exist_ok=True)
    for name in ("entraide.db", "entraide.db.keys"):
        shutil.copyfile(template / name, paths.database.parent / name)
    opened = unlock(paths, PASSPHRASE)
    yield opened
    opened.close()


_demo_cache: dict[str, Path] = {}


@pytest.fixture
def demo_store(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory):
    """A copy of the small demo group (built once per test session)."""
    import datetime as dt

    from entraide_desktop.demo import DEMO, populate

    if "demo" not in _demo_cache:
        folder = tmp_path_factory.mktemp("demo-template")
        template = paths_for(folder / "entraide.db")
        created = create_database(template, group_name="Le Phare", region="Capitale-Nationale",
                                  person="Marie (secrétariat)", passphrase=PASSPHRASE)
        populate(created.store, DEMO, seed=7, today=dt.date(2026, 11, 25))
        created.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        created.store.close()
        _demo_cache["demo"] = folder
    target = tmp_path / "demo"
    shutil.copytree(_demo_cache["demo"], target)
    opened: Store = unlock(paths_for(target / "entraide.db"), PASSPHRASE)
    yield opened
    opened.close()
