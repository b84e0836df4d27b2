"""The fonts documents are set in, shipped with the app, so that a PDF is laid out and embeds the
same letters on every machine.

The fonts a machine has differ (DejaVu on Linux, Segoe UI and Times New Roman on Windows), and
Qt's offscreen platform on Windows sees no system font at all: a PDF painted there had no text.
DejaVu Sans (Bitstream Vera licence) and Liberation Serif (SIL Open Font License 1.1), unmodified,
are registered with Qt once; their licences are beside them in ``resources/fonts``.

``ensure_gui`` gives a headless command the QGuiApplication that painting text needs: off screen
on Linux and the BSDs (no display is needed), the native platform on Windows and macOS, which
always works without a window and finds the system's fonts for letters ours lack.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication

SANS = "DejaVu Sans"
SERIF = "Liberation Serif"
FOLDER = Path(__file__).resolve().parent.parent / "resources" / "fonts"
FILES = (
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique.ttf",
    "LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold.ttf",
    "LiberationSerif-Italic.ttf",
)

_lock = threading.Lock()
_registered: list[str] | None = None
_app: QGuiApplication | None = None


def register() -> list[str]:
    """Register the shipped fonts with Qt (once; needs a QGuiApplication); the families added.

    A missing or unreadable file is left out: Qt then falls back to a system font, never fails.
    """
    global _registered
    with _lock:
        if _registered is None:
            families: list[str] = []
            for name in FILES:
                font_id = QFontDatabase.addApplicationFont(str(FOLDER / name))
                if font_id >= 0:
                    families.extend(f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families)
            _registered = families
        return list(_registered)


def headless_platform(platform: str = sys.platform) -> str | None:
    """The Qt platform a headless command asks for: none (the native one) on Windows and macOS."""
    return None if platform.startswith(("win", "darwin")) else "offscreen"


def ensure_gui() -> QGuiApplication:
    """The running QGuiApplication, or one made for a headless command; the fonts registered."""
    global _app
    app = QGuiApplication.instance()
    if app is None:
        platform = headless_platform()
        if platform:
            os.environ.setdefault("QT_QPA_PLATFORM", platform)
        app = _app = QGuiApplication(["entraide"])
    register()
    return app  # type: ignore[return-value]
