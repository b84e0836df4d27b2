"""The start-up probe: open the main window without the unlock dialog, say so, and quit.

Used from outside only: the start-up benchmark (``bench/bench_startup.py``), the packaged-app
test (``tests/packaging``) and the Windows installer check (``scripts/windows/installer-check.sh``)
set ``ENTRAIDE_BENCH_PASSPHRASE``. The app prints « SHOWN <peak memory in KiB> » once the main
window is up, then quits. Nothing else in the app depends on it.
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QTimer

from .warm_up import unlock_while_warming_up

VARIABLE = "ENTRAIDE_BENCH_PASSPHRASE"


def requested() -> bool:
    return bool(os.environ.get(VARIABLE))


def peak_rss_kib() -> int:
    """This process's peak memory (Linux /proc, else getrusage; 0 on Windows, where it is not measured)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        pass
    try:
        import resource  # deferred: POSIX only (absent on Windows)
    except ImportError:
        return 0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def start(controller: Any) -> bool:
    """Unlock with the variable's passphrase, show the main window, report, quit."""

    controller.open_session(unlock_while_warming_up(controller.paths, os.environ[VARIABLE]))

    def shown() -> None:
        print("SHOWN", peak_rss_kib(), flush=True)
        controller.app.quit()

    QTimer.singleShot(0, shown)
    return True
