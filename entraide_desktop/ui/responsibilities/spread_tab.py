"""« Répartition »: how the year's responsibilities were spread, in figures, plain sentences and two charts.

The year is the group's exercice (April to March unless the group chose otherwise, see
``data.group``): the same period as the rapport d'activités of the AGA package.

Written for someone who is not the secretary (an AGA, a members' committee): big figures with
what they mean, the sentences of ``figures.captions``, the charts painted by
``documents.responsibilities.chart``. The PDF for the assembly is written off the UI thread.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...data import group, responsibilities
from ...data.responsibilities.figures import captions, years_with_assignments
from ...data.text import fold
from ...documents.responsibilities import chart, write_spread_pdf
from ...i18n import _, format_percent, ngettext
from ..context import AppContext
from ..flow_layout import FlowLayout
from ..messages import show_error
from ..tasks import run_with_progress
from .common import groups_text, paragraph, section

STYLE = """
#figureCard { background: palette(alternate-base); border: 1px solid palette(mid); border-radius: 6px; }
#figureBig { font-size: %(big).1fpt; font-weight: 600; }
"""


def _ink(widget: QWidget) -> chart.Ink:
    palette = widget.palette()
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return chart.Ink(palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Mid),
                     QColor(chart.TOP_BAND).darker(300) if dark else QColor(chart.TOP_BAND))


class _Chart(QWidget):
    kind = "groups"

    def __init__(self, name: str) -> None:
        super().__init__()
        self.spread: responsibilities.Spread | None = None
        self.setAccessibleName(name)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 36)

    def _height(self) -> int:
        measure = chart.groups_height if self.kind == "groups" else chart.people_height
        return int(measure(self.font(), self)) + 8

    def set_spread(self, spread: responsibilities.Spread) -> None:
        self.spread = spread
        self.setFixedHeight(self._height())
        self.setAccessibleDescription(self.description())
        self.update()

    def description(self) -> str:
        return ""

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.fontMetrics().horizontalAdvance("M") * 60, self._height())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        if self.spread is None or not self.spread.total_assignments:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.rect().adjusted(2, 4, -4, -4).toRectF()
        paint = chart.paint_groups if self.kind == "groups" else chart.paint_people
        paint(painter, rect, self.spread, self.font(), _ink(self))
        painter.end()


class GroupsChart(_Chart):
    kind = "groups"

    def description(self) -> str:
        if not self.spread:
            return ""
        # TRANSLATORS: separator between the groups of an accessible description.
        return _(" ; ").join(
            _("{label} : {note}").format(label=r.label, note=chart.group_value_text(r)) for r in self.spread.by_group
        )


class PeopleChart(_Chart):
    kind = "people"

    def description(self) -> str:
        return chart.top_band_text(self.spread) if self.spread and self.spread.total_assignments else ""


def _card(big: QLabel, small: QLabel) -> QFrame:
    frame = QFrame()
    frame.setObjectName("figureCard")
    layout = QVBoxLayout(frame)
    big.setObjectName("figureBig")
    small.setWordWrap(True)
    layout.addWidget(big)
    layout.addWidget(small)
    layout.addStretch(1)
    return frame


class SpreadTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.spread: responsibilities.Spread | None = None
        self.setStyleSheet(STYLE % {"big": self.font().pointSizeF() * 1.9})
        layout = QVBoxLayout(self)
        top = FlowLayout()  # wraps at large text rather than widening the screen
        year_label = QLabel(_("&Exercice :"))
        self.year = QComboBox()
        self.year.setAccessibleName(_("Exercice financier"))
        year_label.setBuddy(self.year)
        self.export_button = QPushButton(_("E&xporter en PDF pour l'AGA…"))
        self.with_names = QCheckBox(_("No&mmer les personnes dans le PDF"))
        self.with_names.setToolTip(_("Sans cette case, le PDF ne nomme personne : il montre les groupes et les parts."))
        self.exported = QLabel()
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addWidget(self.export_button)
        top.addWidget(self.with_names)
        layout.addLayout(top)
        self.exported.setWordWrap(True)
        layout.addWidget(self.exported)

        body = QWidget()
        self.body = QVBoxLayout(body)
        self.period = QLabel()
        self.period.setWordWrap(True)
        self.period.setAccessibleName(_("Période comptée"))
        self.body.addWidget(self.period)
        cards = QHBoxLayout()
        self.total_big, self.total_small = QLabel(), QLabel()
        self.shares_big, self.shares_small = QLabel(), QLabel()
        self.top_big, self.top_small = QLabel(), QLabel()
        for big, small in ((self.total_big, self.total_small), (self.shares_big, self.shares_small),
                           (self.top_big, self.top_small)):
            cards.addWidget(_card(big, small), 1)
        self.body.addLayout(cards)
        self.captions = paragraph(selectable=True)
        self.captions.setAccessibleName(_("Ce que disent les chiffres"))
        self.body.addWidget(section(_("Ce que disent les chiffres")))
        self.body.addWidget(self.captions)
        self.groups_chart = GroupsChart(_("Graphique : part des responsabilités tenue par chaque groupe"))
        self.body.addWidget(section(_("Par groupe : membres, personnes intervenantes, bénévoles, conseil")))
        self.body.addWidget(self.groups_chart)
        self.people_chart = PeopleChart(_("Graphique : une barre par personne, de la plus occupée à la moins occupée"))
        self.body.addWidget(section(_("Par personne (sans les noms)")))
        self.body.addWidget(self.people_chart)
        self.kinds = QTreeWidget()
        self.kinds.setHeaderLabels([_("Genre"), _("Nombre"), _("Membres"), _("Personnes intervenantes")])
        self.kinds.setRootIsDecorated(False)
        self.kinds.setAccessibleName(_("Tâches, rôles et mandats : part des membres et des personnes intervenantes"))
        self.body.addWidget(section(_("Tâches, rôles et mandats")))
        self.body.addWidget(self.kinds)
        self.people = QTreeWidget()
        self.people.setHeaderLabels([_("Personne"), _("Groupes"), _("Responsabilités")])
        self.people.setRootIsDecorated(False)
        self.people.setAccessibleName(_("Les personnes, par ordre alphabétique, et leur nombre de responsabilités"))
        self.body.addWidget(section(_("Les personnes, par ordre alphabétique"), self.people))
        self.body.addWidget(self.people)
        self.body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)

        self.year.currentIndexChanged.connect(lambda *_a: self.show_year())
        self.export_button.clicked.connect(self.export_pdf)

    def refresh(self) -> None:
        current = self.year.currentData()
        self.profile = profile = group.profile(self.context.store)
        years = years_with_assignments(self.context.store, start_month=profile.fiscal_year_start_month)
        self.year.blockSignals(True)
        self.year.clear()
        for y in years:
            self.year.addItem(group.exercice_label(*profile.fiscal_year(y)), y)
        index = self.year.findData(current) if current else 0
        self.year.setCurrentIndex(max(index, 0))
        self.year.blockSignals(False)
        self.show_year()

    def _year(self) -> int:
        return self.year.currentData() or group.fiscal_year_of(self.context.store, dt.date.today())[0].year

    def show_year(self) -> None:
        year = self._year()
        self.spread = s = responsibilities.exercice_spread(self.context.store, year)
        self.period.setText(_("Exercice {label} : {period}. Chaque responsabilité tenue pendant cette période, même "
                              "en partie, compte pour une.").format(
            label=s.period_label, period=group.period_text(s.start, s.end)))
        self.total_big.setText(str(s.total_assignments))
        self.total_small.setText(ngettext("responsabilité tenue en {year} par {p} personne",
                                          "responsabilités tenues en {year} par {p} personnes",
                                          s.total_assignments).format(year=s.period_label,
                                                                      p=s.people_with_assignment))
        self.shares_big.setText(f"{format_percent(s.members_share)} / {format_percent(s.staff_share)}")
        self.shares_small.setText(_("tenues par les membres / par les personnes intervenantes"))
        self.top_big.setText(format_percent(s.top20_share))
        self.top_small.setText(_("tenues par les 20 % de personnes les plus occupées ({k} sur {p})").format(
            k=s.top20_people, p=s.people_with_assignment))
        self.captions.setText("\n\n".join(captions(s)))
        self.groups_chart.set_spread(s)
        self.people_chart.set_spread(s)
        has_data = bool(s.total_assignments)
        for widget in (self.groups_chart, self.people_chart, self.kinds, self.people):
            widget.setVisible(has_data)
        self.kinds.clear()
        for k in s.by_kind:
            self.kinds.addTopLevelItem(QTreeWidgetItem([k.label, str(k.assignments), format_percent(k.members_share),
                                                        format_percent(k.staff_share)]))
        self.kinds.setFixedHeight(self.kinds.sizeHintForRow(0) * (len(s.by_kind) + 1) + 12 if s.by_kind else 40)
        self.people.clear()
        for pid, name, n in sorted(s.by_person, key=lambda t: (fold(t[1]), t[0])):
            self.people.addTopLevelItem(QTreeWidgetItem([name, groups_text(s.person_groups.get(pid, ())), str(n)]))
        for tree in (self.kinds, self.people):
            for column in range(tree.columnCount() - 1):
                tree.resizeColumnToContents(column)
        rows = min(max(len(s.by_person), 3), 14)
        self.people.setFixedHeight(self.people.sizeHintForRow(0) * (rows + 1) + 12 if s.by_person else 40)

    def export_pdf(self) -> None:
        year = self._year()
        label = group.fiscal_year_label(self.context.store, year)
        default = Path.home() / _("partage-des-responsabilites-{year}.pdf").format(year=label)
        path, _filter = QFileDialog.getSaveFileName(self, _("Exporter le partage des responsabilités"), str(default),
                                                    _("Document PDF (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        store, with_names = self.context.store, self.with_names.isChecked()


        def work(_progress: object) -> Path:
            own = store.clone()
            try:
                return write_spread_pdf(own, year, Path(path), with_names=with_names)
            finally:
                own.close()

        def done(written: Path) -> None:
            text = _("PDF enregistré : {path}").format(path=written)
            self.exported.setText(text)
            self.context.status_message.emit(text)

        def failed(error: BaseException) -> None:
            self.exported.clear()
            show_error(self, error)

        self.exported.setText(_("Préparation du PDF…"))
        run_with_progress(self, _("Préparation du PDF…"), work, done, failed, cancellable=False)
