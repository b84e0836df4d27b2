"""The look: Fusion style, a calm palette, readable type; respects the system's font size."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

MIN_POINT_SIZE = 10.5

STYLE_SHEET = """
#navigation { border: none; background: palette(alternate-base); padding: 8px 4px; outline: 0; }
#navigation::item { padding: 8px 10px; border-radius: 6px; margin: 1px 4px; }
#navigation::item:selected { background: palette(highlight); color: palette(highlighted-text); }
#navigation::item:focus { border: 2px solid #f6a03c; }
#navSeparator { color: palette(mid); }
#pageTitle { font-size: {title}pt; font-weight: 600; padding: 0 0 4px 0; }
#dialogTitle { font-size: {dialog}pt; font-weight: 600; padding-bottom: 4px; }
#sectionTitle { font-size: {section}pt; font-weight: 600; padding: 4px 0 2px 0; }
#homeGreeting { font-size: {greeting}pt; padding-bottom: 8px; }
#placeholderTitle { font-size: {title}pt; font-weight: 600; }
#explanation { color: palette(window-text); }
#errorLabel { font-weight: 600; }
#recoveryKey { background: palette(base); border: 1px solid palette(mid); padding: 12px; }

"""


TEXT_SIZES = (100, 125, 150, 200)
"""Text size choices (percent of the system's size), for people who read better in large print."""


def high_contrast_palette() -> QPalette:
    """Black background, white text, yellow selection: readable for low vision, no meaning by colour alone."""
    palette = QPalette()
    black, white, yellow = QColor("#000000"), QColor("#ffffff"), QColor("#ffd400")
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Button,
                 QPalette.ColorRole.ToolTipBase):
        palette.setColor(role, black)
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#1a1a1a"))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText,
                 QPalette.ColorRole.ToolTipText, QPalette.ColorRole.BrightText, QPalette.ColorRole.PlaceholderText):
        palette.setColor(role, white)
    palette.setColor(QPalette.ColorRole.Highlight, yellow)
    palette.setColor(QPalette.ColorRole.HighlightedText, black)
    palette.setColor(QPalette.ColorRole.Link, QColor("#7fd4ff"))
    palette.setColor(QPalette.ColorRole.Mid, white)
    palette.setColor(QPalette.ColorRole.Dark, white)
    for group in (QPalette.ColorGroup.Disabled,):
        palette.setColor(group, QPalette.ColorRole.WindowText, QColor("#aaaaaa"))
        palette.setColor(group, QPalette.ColorRole.Text, QColor("#aaaaaa"))
        palette.setColor(group, QPalette.ColorRole.ButtonText, QColor("#aaaaaa"))
    return palette


def calm_palette(app: QApplication) -> QPalette:
    """The style's palette with the app's teal for selections (white on teal: contrast above 6:1)."""
    palette = app.style().standardPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor("#1f6f78"))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    return palette


_system_point_size: float | None = None


def apply_style(app: QApplication, *, text_size: int = 100, high_contrast: bool = False) -> None:
    """Fusion style, the readable minimum font size times ``text_size`` %, and the chosen palette."""
    global _system_point_size
    app.setStyle("Fusion")
    font: QFont = app.font()
    if _system_point_size is None:
        _system_point_size = max(font.pointSizeF(), MIN_POINT_SIZE)
    font.setPointSizeF(_system_point_size * max(text_size, 50) / 100)
    app.setFont(font)
    app.setPalette(high_contrast_palette() if high_contrast else calm_palette(app))
    base = font.pointSizeF()
    sizes = {"title": base * 1.6, "dialog": base * 1.35, "section": base * 1.15, "greeting": base * 1.2}
    sheet = STYLE_SHEET
    for key, value in sizes.items():
        sheet = sheet.replace("{" + key + "}", f"{value:.1f}")
    if not high_contrast:
        sheet += "#errorLabel { color: #a4262c; }\n#demoBadge, #demoHint { color: #7a4b00; }\n"
    app.setStyleSheet(sheet)
