"""Start-up: process start to main window shown (vs a bare PySide6 window), unlock time, peak memory.

Targets (foundation issue): start ≤ 3× the bare window; unlock (key derivation + open + first
screen) ≤ 0.5 s; peak memory ≤ 150 MiB.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

from common import ROOT, Group, Result, timed

RUNS = 9


def _spawn(args: list[str], env: dict[str, str]) -> tuple[float, int]:
    """(seconds until the child printed SHOWN, its peak RSS in KiB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    assert proc.stdout is not None
    peak = 0
    elapsed = None
    for line in proc.stdout:
        if line.startswith("SHOWN"):
            elapsed = time.perf_counter() - start
            peak = int(line.split()[1])
    proc.wait(60)
    if elapsed is None:
        raise RuntimeError(f"{args} did not show a window: {proc.stderr.read() if proc.stderr else ''}")
    return elapsed, peak


def _compile_bytecode() -> None:
    """Measure the app as installed: pip compiles an installed wheel's modules to bytecode, but this
    checkout may run with PYTHONDONTWRITEBYTECODE (as CI does), which would make every start
    compile ~150 modules from source and measure the compiler rather than the app."""
    import compileall

    compileall.compile_dir(str(ROOT / "entraide_desktop"), quiet=1)


def run(group: Group) -> list[Result]:
    _compile_bytecode()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    app_env = {**env, "ENTRAIDE_BENCH_PASSPHRASE": group.passphrase}
    bare, app = [], []
    for _ in range(RUNS):  # alternated, so that both see the same moments of a shared machine
        bare.append(_spawn([sys.executable, str(ROOT / "bench" / "bare_window.py")], env))
        app.append(_spawn([sys.executable, "-m", "entraide_desktop", "--database", str(group.database)], app_env))
    bare_s = statistics.median(t for t, _ in bare)
    app_s = statistics.median(t for t, _ in app)
    peak_mib = max(p for _, p in app) / 1024
    bare_mib = max(p for _, p in bare) / 1024

    from entraide_desktop.data.connection import unlock
    from entraide_desktop.ui.app import create_application
    from entraide_desktop.ui.context import AppContext
    from entraide_desktop.ui.main_window import MainWindow
    from entraide_desktop.ui.tasks import wait_for_tasks

    qt_app = create_application()

    def unlock_and_show() -> None:
        store = unlock(group.paths(), group.passphrase)
        window = MainWindow(AppContext(store, group.paths()))
        window.show()
        qt_app.processEvents()
        window.close()
        wait_for_tasks()
        store.close()

    unlock_s = statistics.median(timed(unlock_and_show, repeat=5))
    return [
        Result("démarrage → fenêtre principale (groupe de dix ans)", app_s, "s", note=f"médiane de {RUNS}"),
        Result("démarrage d'une fenêtre PySide6 nue", bare_s, "s", note=f"médiane de {RUNS}"),
        Result("rapport démarrage / fenêtre nue", app_s / bare_s, "×", 3.0),
        Result("déverrouillage (dérivation + ouverture + accueil)", unlock_s, "s", 0.5),
        Result("mémoire maximale de l'application", peak_mib, "MiB", 150.0, note=f"fenêtre nue : {bare_mib:.0f} MiB"),
    ]
