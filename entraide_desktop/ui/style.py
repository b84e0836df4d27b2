"""The look: Fusion style, a calm palette, readable type; respects the system's font size."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

MIN_POINT_SIZE = 10.5

STYLE_SHEET = """
#navigation { border: none; background: palette(alternate-base); padding: 8px 4px; outline: 0; }
#navigation::item { padding: 8px 10px; border-radius: 6px; margin: 1px 4px; }
#navigation::item:selected { background: #1f6f78; color: white; }
#navigation::item:focus { border: 2px solid #f6a03c; }
#navSeparator { color: palette(mid); }
#pageTitle { font-size: {title}pt; font-weight: 600; padding: 4px 0 10px 0; }
#dialogTitle { font-size: {dialog}pt; font-weight: 600; padding-bottom: 4px; }
#sectionTitle { font-size: {section}pt; font-weight: 600; padding: 6px 0 4px 0; }
#homeGreeting { font-size: {greeting}pt; padding-bottom: 8px; }
#placeholderTitle { font-size: {title}pt; font-weight: 600; }
#explanation { color: palette(window-text); }
#errorLabel { color: #a4262c; font-weight: 600; }
#recoveryKey { background: palette(base); border: 1px solid palette(mid); padding: 12px; }
#demoBadge, #demoHint { color: #7a4b00; }
"""


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    font: QFont = app.font()
    if font.pointSizeF() < MIN_POINT_SIZE:
        font.setPointSizeF(MIN_POINT_SIZE)
        app.setFont(font)
    base = font.pointSizeF()
    sizes = {"title": base * 1.6, "dialog": base * 1.35, "section": base * 1.15, "greeting": base * 1.2}
    sheet = STYLE_SHEET
    for key, value in sizes.items():
        sheet = sheet.replace("{" + key + "}", f"{value:.1f}")
    app.setStyleSheet(sheet)
