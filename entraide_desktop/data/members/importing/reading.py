"""Reading a member list from a CSV or XLSX file into rows of text cells, whatever its quirks.

CSV: UTF-8 (with or without BOM), UTF-16 (Excel's « texte Unicode ») or Windows-1252,
detected; comma, semicolon, tab or vertical bar, detected; quotes, blank lines and ragged
rows handled. XLSX: the first sheet that holds something, read with openpyxl in read-only
mode. Anything else (binary, empty, too big, old Excel, OpenDocument) gets a clear French
message and nothing is read further.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ....i18n import _, format_number
from ...errors import EntraideError
from ...spreadsheet_safety import check_xlsx

MAX_BYTES = 20 * 1024 * 1024
"""A list of 20,000 people fits in 5 MB: a bigger file is almost certainly not a member list."""
MAX_ROWS = 50_000
DELIMITERS = (";", ",", "\t", "|")


class ImportFileError(EntraideError):
    """The file cannot be read as a member list; the message says why and what to do."""


@dataclass(frozen=True)
class RawTable:
    """The non-blank rows of the file, each with its line (CSV) or row (XLSX) number."""

    name: str
    kind: str  # "csv" | "xlsx"
    rows: list[tuple[int, list[str]]]
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""

    @property
    def width(self) -> int:
        return max((len(cells) for _line, cells in self.rows), default=0)

    def describe(self) -> str:
        """« CSV, UTF-8 avec BOM, séparateur point-virgule, 25 lignes » for the preview."""
        count = _("{n} lignes").format(n=format_number(len(self.rows))) if len(self.rows) > 1 else _("1 ligne")
        if self.kind == "xlsx":
            return _("Classeur XLSX, feuille « {sheet} », {count}").format(sheet=self.sheet, count=count)
        names = {";": _("point-virgule"), ",": _("virgule"), "\t": _("tabulation"), "|": _("barre verticale")}
        return _("CSV, {encoding}, séparateur {delimiter}, {count}").format(
            encoding=self.encoding, delimiter=names.get(self.delimiter, self.delimiter), count=count
        )


def _size_text(size: int) -> str:
    return _("{n} Mo").format(n=format_number(round(size / (1024 * 1024), 1)))


def read_table(path: str | Path) -> RawTable:
    """Read ``path`` as a member list; raises :class:`ImportFileError` with the reason in French."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size == 0:
            raise ImportFileError(_("Le fichier « {name} » est vide : il ne contient aucune ligne.").format(name=path.name))
        if size > MAX_BYTES:
            raise ImportFileError(
                _("Le fichier « {name} » est trop gros ({size}) pour une liste de membres (au plus {limit}). "
                  "Vérifiez qu'il s'agit du bon fichier, ou enregistrez seulement la feuille des membres.").format(
                    name=path.name, size=_size_text(size), limit=_size_text(MAX_BYTES)
                )
            )
        with path.open("rb") as fh:
            head = fh.read(8)
        if head.startswith(b"PK\x03\x04"):
            return _read_xlsx(path)
        _refuse_known_binary(path.name, head)
        data = path.read_bytes()
    except ImportFileError:
        raise
    except OSError as error:
        raise ImportFileError(
            _("Impossible de lire le fichier « {name} » ({reason}).").format(name=path.name, reason=error.strerror or error)
        ) from error
    return _read_csv(path.name, data)


def _refuse_known_binary(name: str, head: bytes) -> None:
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            _("« {name} » est un classeur Excel 97-2003 (.xls) ou un classeur protégé par un mot de passe. "
              "Ouvrez-le dans votre tableur et enregistrez-le au format .xlsx (sans mot de passe) ou CSV.").format(name=name)
        )
    if head.startswith(b"%PDF"):
        raise ImportFileError(
            _("« {name} » est un document PDF : Entraide lit les listes en CSV ou XLSX. Exportez la liste "
              "depuis votre tableur.").format(name=name)
        )


def _not_a_list(name: str) -> ImportFileError:
    return ImportFileError(
        _("« {name} » n'est pas une liste lisible : il semble s'agir d'un fichier binaire (image, programme, "
          "document). Enregistrez la liste des membres au format CSV ou XLSX depuis votre tableur.").format(name=name)
    )


# -- CSV ----------------------------------------------------------------------------------------


def decode(name: str, data: bytes) -> tuple[str, str]:
    """(text, encoding label): BOMs first, then strict UTF-8, else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), _("UTF-8 avec BOM")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise _not_a_list(name) from None
    if b"\x00" in data[:65536]:
        raise _not_a_list(name)
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    # Windows-1252 leaves five bytes undefined; latin-1 reads them rather than fail.
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Windows-1252"


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n\f\v")
    return controls > max(3, len(sample) // 200)


def sniff_delimiter(text: str) -> str:
    """The separator that splits the first lines into the most consistent number of columns (> 1)."""
    lines = [line for line in text.splitlines() if line.strip()][:40]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        try:
            widths = [len(r) for r in csv.reader(lines, delimiter=delimiter)]
        except csv.Error:
            continue
        if not widths:
            continue
        width, agreeing = Counter(widths).most_common(1)[0]
        if width < 2:
            continue
        score = (agreeing, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_csv(name: str, data: bytes) -> RawTable:
    text, encoding = decode(name, data)
    if _looks_binary(text):
        raise _not_a_list(name)
    if not text.strip():
        raise ImportFileError(_("Le fichier « {name} » est vide : il ne contient que des lignes blanches.").format(name=name))
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    found: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for record in reader:
            cells = [c.strip() for c in record]
            if any(cells):
                found.append((line, cells))
                if len(found) > MAX_ROWS:
                    raise ImportFileError(
                        _("« {name} » compte plus de {n} lignes : ce n'est sans doute pas une liste de membres.").format(
                            name=name, n=format_number(MAX_ROWS)
                        )
                    )
            line = reader.line_num + 1
    except csv.Error as error:
        raise ImportFileError(
            _("Le fichier « {name} » est mal formé vers la ligne {line} ({reason}). Vérifiez les guillemets de "
              "cette ligne dans votre tableur.").format(name=name, line=reader.line_num, reason=error)
        ) from error
    if not found:
        raise ImportFileError(_("Le fichier « {name} » est vide : ses lignes ne contiennent aucune valeur.").format(name=name))
    return RawTable(name, "csv", found, encoding, delimiter)


# -- XLSX ---------------------------------------------------------------------------------------


def cell_text(value: object) -> str:
    """A spreadsheet cell as text: dates in ISO form, whole numbers without decimals."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_xlsx(path: Path) -> RawTable:
    from openpyxl import load_workbook  # deferred: heavy, needed only for an XLSX import

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
        if "xl/workbook.xml" not in names:
            if "content.xml" in names:
                raise ImportFileError(
                    _("« {name} » est un classeur OpenDocument (LibreOffice) : enregistrez-le au format .xlsx ou CSV "
                      "(Fichier › Enregistrer sous).").format(name=path.name)
                )
            raise _not_a_list(path.name)
        check_xlsx(path, ImportFileError)
        workbook = load_workbook(path, read_only=True, data_only=True)
    except ImportFileError:
        raise
    except Exception as error:  # openpyxl raises many kinds on damaged files
        raise ImportFileError(
            _("Le classeur « {name} » est endommagé ou illisible ({reason}). Ouvrez-le dans votre tableur et "
              "enregistrez-le de nouveau en .xlsx ou en CSV.").format(name=path.name, reason=type(error).__name__)
        ) from error
    try:
        for sheet in workbook.worksheets:
            found: list[tuple[int, list[str]]] = []
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                cells = [cell_text(v) for v in values]
                while cells and not cells[-1]:
                    cells.pop()
                if any(cells):
                    found.append((number, cells))
                    if len(found) > MAX_ROWS:
                        raise ImportFileError(
                            _("La feuille « {sheet} » compte plus de {n} lignes : ce n'est sans doute pas une liste "
                              "de membres.").format(sheet=sheet.title, n=format_number(MAX_ROWS))
                        )
            if found:
                return RawTable(path.name, "xlsx", found, sheet=sheet.title)
    finally:
        workbook.close()
    raise ImportFileError(_("Le classeur « {name} » est vide : aucune feuille ne contient de données.").format(name=path.name))
