"""Reference for the start-up benchmark: a bare PySide6 window, started the same way."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow



def peak_rss_kib() -> int:
    """This process's peak resident memory (VmHWM; ru_maxrss would include the parent's before exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:  # Windows: not measured there
        pass
    return 0


app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("Bonjour"))
window.resize(1280, 800)
window.show()


def shown() -> None:
    print("SHOWN", peak_rss_kib(), flush=True)
    app.quit()


QTimer.singleShot(0, shown)
app.exec()
