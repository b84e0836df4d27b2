"""The look: Fusion style, a calm palette, readable type; respects the system's font size."""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QWidget

MIN_POINT_SIZE = 10.5
WINDOWS_UI_FAMILY = "Segoe UI"  # Windows 10 and 11's own type; older Qt defaults gave Tahoma


def ui_family(current: str, available: list[str], platform: str = sys.platform) -> str:
    """The screens' type family: Segoe UI on Windows when it is there, the system's elsewhere."""
    if platform == "win32" and WINDOWS_UI_FAMILY in available:
        return WINDOWS_UI_FAMILY
    return current

ROLE_SHEETS: dict[str, str] = {
    "navigation": (
        "#navigation { border: none; background: palette(alternate-base); padding: 8px 4px; outline: 0; }"
        "#navigation::item { padding: 8px 10px; border-radius: 6px; margin: 1px 4px; }"
        "#navigation::item:selected { background: palette(highlight); color: palette(highlighted-text); }"
        "#navigation::item:focus { border: 2px solid #f6a03c; }"
    ),
    "navSeparator": "#navSeparator { color: palette(mid); }",
    "pageTitle": "#pageTitle { font-size: {title}pt; font-weight: 600; padding: 0 0 4px 0; }",
    "dialogTitle": "#dialogTitle { font-size: {dialog}pt; font-weight: 600; padding-bottom: 4px; }",
    "sectionTitle": "#sectionTitle { font-size: {section}pt; font-weight: 600; padding: 4px 0 2px 0; }",
    "homeGreeting": "#homeGreeting { font-size: {greeting}pt; padding-bottom: 8px; }",
    "placeholderTitle": "#placeholderTitle { font-size: {title}pt; font-weight: 600; }",
    "explanation": "#explanation { color: palette(window-text); }",
    "errorLabel": "#errorLabel { font-weight: 600; {error_colour} }",
    "recoveryKey": "#recoveryKey { background: palette(base); border: 1px solid palette(mid); padding: 12px; }",
    "demoBadge": "#demoBadge { {demo_colour} }",
    "demoHint": "#demoHint { {demo_colour} }",
}
"""The look of the widgets that have a role (titles, explanations, errors…), by object name.

Each sheet is set on its own widget (:func:`style_role`), never on the whole application: an
application style sheet makes Qt draw every widget through its slower style-sheet engine (a
table of the register repaints about a quarter faster without one)."""

_values: dict[str, str] = {}


def _set_values(base: float, high_contrast: bool) -> None:
    sizes = {"title": base * 1.6, "dialog": base * 1.35, "section": base * 1.15, "greeting": base * 1.2}
    _values.clear()
    _values.update({key: f"{value:.1f}" for key, value in sizes.items()})
    _values["error_colour"] = "" if high_contrast else "color: #a4262c;"
    _values["demo_colour"] = "" if high_contrast else "color: #7a4b00;"


_set_values(MIN_POINT_SIZE, high_contrast=False)


def role_sheet(role: str) -> str:
    sheet = ROLE_SHEETS[role]
    for key, value in _values.items():
        sheet = sheet.replace("{" + key + "}", value)
    return sheet


def style_role(widget: QWidget, role: str) -> QWidget:
    """Give ``widget`` the role's object name and look (text size and contrast follow the preferences)."""
    widget.setObjectName(role)
    widget.setStyleSheet(role_sheet(role))
    return widget


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
    if sys.platform == "win32":
        font.setFamily(ui_family(font.family(), QFontDatabase.families()))
    if _system_point_size is None:
        _system_point_size = max(font.pointSizeF(), MIN_POINT_SIZE)
    font.setPointSizeF(_system_point_size * max(text_size, 50) / 100)
    app.setFont(font)
    app.setPalette(high_contrast_palette() if high_contrast else calm_palette(app))
    _set_values(font.pointSizeF(), high_contrast)
    app.setStyleSheet("")
    for widget in app.allWidgets():
        role = widget.objectName()
        if role in ROLE_SHEETS:
            widget.setStyleSheet(role_sheet(role))
