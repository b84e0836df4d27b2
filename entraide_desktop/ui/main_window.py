"""The main window: navigation on the left, the current screen on the right, menus and shortcuts."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME
from ..data import group as group_details
from ..i18n import _
from .context import AppContext, app_icon, icon
from .diagnostics import DiagnosticDialog, diagnostic_text
from .follow_ups import start_follow_ups
from .pages import PAGES, PageInfo, build_page
from .style import style_role

STARTUP_WORK_DELAY_MS = 2000
"""Background upkeep (public calendar, daily backup) starts this long after the window opens."""


class _PageHolder(QWidget):
    """Gives a page the whole viewport of its scroll area, scrolling only below its minimum size.

    (A scroll area sizes a widget whose layout has height-for-width from its preferred heights,
    which would make tall pages scroll needlessly; this holder hides that.)
    """

    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self.page = page
        page.setParent(self)
        page.installEventFilter(self)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        hint = self.page.minimumSizeHint().expandedTo(self.page.minimumSize())
        if self.page.hasHeightForWidth() and self.width() > 0:  # wrapped text needs its height at this width
            hint.setHeight(max(hint.height(), self.page.heightForWidth(max(self.width(), hint.width()))))
        return hint

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSizeHint()

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001
        self.page.setGeometry(self.rect())
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # narrower (125 % scaling, large text): taller, so the page scrolls

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.page and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return False


class MainWindow(QMainWindow):
    """Emits ``lock_requested`` (Ctrl+L, or inactivity) and ``quit_requested``."""

    lock_requested = Signal()

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self._pages: dict[str, QWidget] = {}
        self._frames: dict[str, QScrollArea] = {}
        self._infos = {info.key: info for info in PAGES}
        self.setWindowIcon(app_icon())
        self.setMinimumSize(QSize(960, 600))
        self._build()
        self._build_menus()
        self._update_title()
        context.open_page.connect(self.show_page)
        context.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        context.data_changed.connect(self._on_data_changed)

        self._follow_ups = start_follow_ups(context)  # the public calendar follows changes off the UI thread
        self._sync_service = None
        self.show_page("home")
        # Rewrite the public calendar and start the shared-folder sync once the window is up
        # (not competing with the first paint).
        self._startup_work = QTimer(self)
        self._startup_work.setSingleShot(True)
        self._startup_work.setInterval(STARTUP_WORK_DELAY_MS)
        self._startup_work.timeout.connect(self._start_background_upkeep)
        self._startup_work.start()

    # -- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        self.nav = QListWidget()
        style_role(self.nav, "navigation")
        self.nav.setAccessibleName(_("Sections"))
        self.nav.setAccessibleDescription(_("Choisissez une section ; Ctrl+1 à Ctrl+7 y mènent directement."))
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setSpacing(2)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for info in PAGES:
            item = QListWidgetItem(icon(info.icon), _(info.title))
            item.setData(Qt.ItemDataRole.UserRole, info.key)
            item.setToolTip(_(info.description))
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, _(info.description))
            self.nav.addItem(item)
        width = max(self.nav.sizeHintForColumn(0), 0) + 40
        self.nav.setFixedWidth(max(width, self.fontMetrics().horizontalAdvance("M") * 14))
        self.nav.currentItemChanged.connect(self._on_nav)
        layout.addWidget(self.nav)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        style_role(line, "navSeparator")
        layout.addWidget(line)

        right = QVBoxLayout()
        right.setContentsMargins(18, 8, 18, 6)
        self.heading = QLabel()
        style_role(self.heading, "pageTitle")
        self.heading.setAccessibleName(_("Titre de la section"))
        right.addWidget(self.heading)
        self.stack = QStackedWidget()
        right.addWidget(self.stack, 1)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)

        who = _("Ouvert par {name}").format(name=self.context.store.author.name)
        self.who_label = QLabel(who)
        self.who_label.setAccessibleName(who)
        self.statusBar().addPermanentWidget(self.who_label)
        if self.context.demo:
            demo = QLabel(_("Base de démonstration : les personnes et les activités sont fictives."))
            style_role(demo, "demoBadge")
            demo.setWordWrap(True)  # on two lines rather than cut, with large text
            self.statusBar().addWidget(demo, 1)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(_("&Fichier"))
        self.lock_action = self._action(_("&Verrouiller"), QKeySequence("Ctrl+L"), self.lock_requested.emit, "lock")
        self.lock_action.setStatusTip(_("Verrouiller : la phrase de passe sera demandée pour revenir."))
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action(_("&Personnes ayant accès…"), None, self._manage_access))
        file_menu.addAction(self._action(_("&Changer ma phrase de passe…"), None, self._change_passphrase))
        file_menu.addAction(self._action(_("Renseignements du &groupe…"), None, self._group_details))
        file_menu.addAction(self._action(_("P&références…"), QKeySequence("Ctrl+,"), self._preferences))
        file_menu.addSeparator()
        file_menu.addAction(self._action(_("&Quitter"), QKeySequence("Ctrl+Q"), self.close))

        view_menu = bar.addMenu(_("&Affichage"))
        for number, info in enumerate(PAGES, start=1):
            view_menu.addAction(
                self._action(_(info.title), QKeySequence(f"Ctrl+{number}"), lambda k=info.key: self.show_page(k), info.icon)
            )
        view_menu.addSeparator()
        find = self._action(_("&Rechercher"), QKeySequence.StandardKey.Find, self._focus_search)
        view_menu.addAction(find)

        help_menu = bar.addMenu(_("Ai&de"))
        help_menu.addAction(self._action(_("&Guide d'utilisation"), QKeySequence.StandardKey.HelpContents, self._help, "help"))
        help_menu.addAction(self._action(_("&Raccourcis clavier"), None, self._shortcuts))
        help_menu.addAction(self._action(_("Rapport de &diagnostic…"), None, self._diagnostic))
        help_menu.addSeparator()
        help_menu.addAction(self._action(_("À &propos d'Entraide"), None, self._about))

    def _action(self, text: str, shortcut: QKeySequence | None, slot, icon_name: str = "") -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(icon(icon_name) if icon_name else QIcon(), text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    # -- pages ------------------------------------------------------------------------------
    def page(self, key: str) -> QWidget:
        """The page widget for ``key``, built on first use.

        Each page sits in a scroll area: with very large text on a small screen it scrolls
        instead of being clipped or pushing the window off the screen.
        """
        if key not in self._pages:
            widget = build_page(self._infos[key], self.context)
            frame = QScrollArea()
            frame.setWidget(_PageHolder(widget))
            frame.setWidgetResizable(True)
            frame.setFrameShape(QFrame.Shape.NoFrame)
            frame.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self._pages[key] = widget
            self._frames[key] = frame
            self.stack.addWidget(frame)
        return self._pages[key]

    def current_page(self) -> QWidget | None:
        return self._pages.get(self.current_key())

    def current_key(self) -> str:
        item = self.nav.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else "home"

    def show_page(self, key: str, target_id: str = "") -> None:
        if key not in self._infos:
            return
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                if self.nav.currentRow() != row:
                    self.nav.setCurrentRow(row)  # calls _on_nav
                break
        page = self.page(key)
        if target_id and hasattr(page, "show_item"):
            page.show_item(target_id)

    def _on_nav(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is None:
            return
        info: PageInfo = self._infos[current.data(Qt.ItemDataRole.UserRole)]
        page = self.page(info.key)
        self.stack.setCurrentWidget(self._frames[info.key])
        self.heading.setText(_(info.title))
        self._update_title()
        if hasattr(page, "activated"):
            page.activated()

    def _start_background_upkeep(self) -> None:
        if self.isVisible():
            self._schedule_public_calendar()
            _service = self.sync_service

    @property
    def sync_service(self):  # type: ignore[no-untyped-def]
        """The shared sync folder at work while the window is open (sync area), started on first use."""
        if self._sync_service is None:
            # deferred: started on first use, off the start-up path
            from .sync.service import start_sync_service

            self._sync_service = start_sync_service(self.context, self)
        return self._sync_service

    def _focus_search(self) -> None:
        page = self._pages.get(self.current_key())
        if page is not None and hasattr(page, "focus_search"):
            page.focus_search()

    def _on_data_changed(self, area: str) -> None:
        if area in ("*", "group"):
            self._update_title()

    def _schedule_public_calendar(self) -> None:
        """Rewrite the unencrypted public calendar read by the members' consultation mode (calendar area)."""
        # deferred: the public calendar writer, after the first screen
        from .public_calendar import schedule_public_calendar

        schedule_public_calendar(self.context)

    def _update_title(self) -> None:
        group = group_details.profile(self.context.store).name
        section = _(self._infos[self.current_key()].title) if self.nav.currentItem() else ""
        parts = [p for p in (section, group, APP_NAME) if p]
        self.setWindowTitle(" — ".join(parts))

    # -- menu actions -----------------------------------------------------------------------
    def _manage_access(self) -> None:
        # deferred: each dialog loads when its menu item is chosen
        from .access_dialogs import AccessDialog

        AccessDialog(self.context, self).exec()

    def _change_passphrase(self) -> None:
        # deferred: each dialog loads when its menu item is chosen
        from .access_dialogs import ChangePassphraseDialog

        ChangePassphraseDialog(self.context, self).exec()

    def _group_details(self) -> None:
        # deferred: each dialog loads when its menu item is chosen
        from .group_dialog import GroupDialog

        GroupDialog(self.context, self).exec()

    def _preferences(self) -> None:
        # deferred: each dialog loads when its menu item is chosen
        from .preferences import PreferencesDialog

        PreferencesDialog(self.context, self).exec()

    def _help(self) -> None:
        # deferred: each dialog loads when its menu item is chosen
        from .help import show_help

        show_help(self)

    def _shortcuts(self) -> None:
        # deferred: each dialog loads when its menu item is chosen
        from .help import show_shortcuts

        show_shortcuts(self)

    def _diagnostic(self) -> None:
        DiagnosticDialog(diagnostic_text(self.context.paths, self.context.store), self).exec()

    def _about(self) -> None:
        # deferred: each dialog loads when its menu item is chosen
        from .help import show_about

        show_about(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._startup_work.stop()
        for page in self._pages.values():
            if hasattr(page, "prepare_close") and not page.prepare_close():
                event.ignore()
                return
        if self._sync_service is not None:
            self._sync_service.prepare_close()
        # deferred: the public calendar writer, after the first screen
        from .public_calendar import flush_public_calendar

        flush_public_calendar(self.context)
        self._follow_ups.stop()
        self.context.stop_listening()
        event.accept()

