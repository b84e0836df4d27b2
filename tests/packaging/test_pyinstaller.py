"""Smoke test of the packaged application: PyInstaller builds the one-folder app, which starts,
unlocks a database and shows its main window (off screen)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # builds the one-folder app with PyInstaller: half a minute

ROOT = Path(__file__).resolve().parents[2]

pytest.importorskip("PyInstaller", reason="PyInstaller is installed by the packaging extra")


@pytest.mark.skipif(sys.platform == "win32", reason="built and checked on Linux here")
def test_packaged_app_builds_and_shows_its_window(store, paths, tmp_path):
    store.close()
    dist, work = tmp_path / "dist", tmp_path / "work"
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", str(dist),
         "--workpath", str(work), str(ROOT / "packaging" / "entraide.spec")],
        capture_output=True, text=True, timeout=900, cwd=ROOT,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    executable = dist / "entraide" / "entraide"
    assert executable.exists()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ENTRAIDE_BENCH_PASSPHRASE": "café du mardi au local"}
    env.pop("PYTHONPATH", None)
    run = subprocess.run([str(executable), "--database", str(paths.database)], capture_output=True, text=True,
                         timeout=120, env=env)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "SHOWN" in run.stdout
    version = subprocess.run([str(executable), "--version"], capture_output=True, text=True, timeout=60, env=env)
    assert version.stdout.startswith("Entraide ")
