"""Reference for the start-up benchmark: a bare PySide6 window, started the same way."""

from __future__ import annotations

import resource
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("Bonjour"))
window.resize(1280, 800)
window.show()


def shown() -> None:
    print("SHOWN", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
    app.quit()


QTimer.singleShot(0, shown)
app.exec()
