"""Accessibility of every screen: names on controls, keyboard reach, large text without clipping.

These checks walk the widgets of each page of the main window (built over the demo group), so
every screen that is added is held to them.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from entraide_desktop.ui.context import AppContext
from entraide_desktop.ui.pages import PAGES
from entraide_desktop.ui.style import apply_style

INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QTextEdit, QPlainTextEdit)


def _labelled_by_buddy(widget: QWidget, root: QWidget) -> bool:
    return any(label.buddy() is widget for label in root.findChildren(QLabel))


def _name_of(widget: QWidget, root: QWidget) -> str:
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and (widget.text().replace("&", "").strip() or widget.toolTip()):
        return widget.text() or widget.toolTip()
    if _labelled_by_buddy(widget, root):
        return "buddy"
    return ""


def _visible_controls(root: QWidget) -> list[QWidget]:
    controls = [
        w for w in root.findChildren(QWidget)
        if isinstance(w, (*INPUTS, QAbstractButton)) and not isinstance(w, QHeaderView)
    ]
    # Internal parts of composite widgets (a combo box's line edit, a spin box's editor, scroll buttons).
    return [
        w for w in controls
        if w.isVisibleTo(root) and not isinstance(w.parentWidget(), (QComboBox, QAbstractSpinBox))
        and w.objectName() not in ("qt_spinbox_lineedit",) and not w.objectName().startswith("qt_")
    ]


@pytest.fixture
def demo_window(qtbot, demo_store):
    from entraide_desktop.ui.main_window import MainWindow

    window = MainWindow(AppContext(demo_store, demo_store.paths))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("key", [p.key for p in PAGES])
def test_every_control_has_an_accessible_name(demo_window, key):
    demo_window.show_page(key)
    page = demo_window.page(key)
    missing = [
        f"{type(w).__name__} {w.objectName() or ''}".strip()
        for w in _visible_controls(page) if not _name_of(w, page)
    ]
    assert not missing, f"{key}: controls without an accessible name: {missing}"


@pytest.mark.parametrize("key", [p.key for p in PAGES])
def test_every_control_can_take_keyboard_focus(demo_window, key):
    demo_window.show_page(key)
    page = demo_window.page(key)
    unreachable = [
        f"{type(w).__name__} {_name_of(w, page)}"
        for w in _visible_controls(page)
        if w.isEnabled() and not (w.focusPolicy() & Qt.FocusPolicy.TabFocus)
    ]
    assert not unreachable, f"{key}: controls the keyboard cannot reach: {unreachable}"


@pytest.mark.parametrize(("text_size", "screen"), [(150, (1366, 768)), (200, (1920, 1080))])
def test_large_text_fits_and_nothing_is_clipped(qtbot, demo_store, text_size, screen):
    """At 150 % every screen fits the width of a 1366×768 laptop, at 200 % of a 1920×1080 screen
    (pages may scroll down, never sideways); no label or button is narrower than its text."""
    from entraide_desktop.ui.main_window import MainWindow

    app = QApplication.instance()
    apply_style(app, text_size=text_size)
    try:
        window = MainWindow(AppContext(demo_store, demo_store.paths))
        qtbot.addWidget(window)
        window.resize(*screen)
        window.show()
        qtbot.waitExposed(window)
        problems = []
        for page in PAGES:
            window.show_page(page.key)
            app.processEvents()
            frame = window._frames[page.key]
            needed = window.page(page.key).minimumSizeHint().width()
            if needed > frame.viewport().width() or frame.horizontalScrollBar().isVisible():
                problems.append(f"{page.key}: needs {needed} px, has {frame.viewport().width()}")
            for widget in window.page(page.key).findChildren(QWidget):
                if not widget.isVisibleTo(window) or widget.width() == 0:
                    continue
                if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text() and not widget.pixmap():
                    if widget.width() + 1 < widget.minimumSizeHint().width():
                        problems.append(f"{page.key}: label « {widget.text()[:40]} » clipped")
                elif isinstance(widget, QAbstractButton) and widget.text():
                    if widget.width() + 1 < widget.minimumSizeHint().width():
                        problems.append(f"{page.key}: button « {widget.text()} » clipped")
        assert not problems, problems
    finally:
        apply_style(app)


def test_windows_screens_are_set_in_segoe_ui_when_it_is_there():
    from entraide_desktop.ui.style import ui_family

    assert ui_family("MS Shell Dlg 2", ["Arial", "Segoe UI", "Tahoma"], "win32") == "Segoe UI"
    assert ui_family("Tahoma", ["Tahoma"], "win32") == "Tahoma"  # Wine, or a stripped-down Windows
    assert ui_family("Cantarell", ["Segoe UI", "Cantarell"], "linux") == "Cantarell"  # the desktop's own


@pytest.mark.parametrize("screen", [(1093, 614), (1280, 720)])
def test_at_125_and_150_percent_display_scaling_wrapped_text_is_never_squeezed(qtbot, demo_store, screen):
    """Windows laptops scale the display by 125 % (1366×768 → 1093×614 for Qt) or 150 % (1920×1080 →
    1280×720): every page then scrolls down rather than squeezing its explanations into each other."""
    from entraide_desktop.ui.main_window import MainWindow

    app = QApplication.instance()
    apply_style(app)
    window = MainWindow(AppContext(demo_store, demo_store.paths))
    qtbot.addWidget(window)
    window.resize(*screen)
    window.show()
    qtbot.waitExposed(window)
    squeezed = []
    for page in PAGES:
        window.show_page(page.key)
        app.processEvents()
        for label in window.page(page.key).findChildren(QLabel):
            if label.isVisibleTo(window) and label.wordWrap() and label.text():
                if label.height() + 1 < label.heightForWidth(label.width()):
                    squeezed.append(f"{page.key}: « {label.text()[:40]} »")
    assert not squeezed, squeezed
