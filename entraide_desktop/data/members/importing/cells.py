"""Reading the cells people really keep in their lists, beyond what the person form accepts.

Excel date serials (« 43539 »), a month and year (« mars 2019 »), a year alone; several phone
numbers in one cell; « TREMBLAY, Marie » in one column; a fee column holding « x », « oui » or
an amount for a year named in its header (« Payé 2024 », « 2023 »).
"""

from __future__ import annotations

import datetime as dt
import re

from ....i18n import _
from ...errors import ValidationError
from ...text import fold
from ...validation import MONTHS, clean_text, normalise_phone, parse_amount, parse_bool, parse_date

_EXCEL_EPOCH = dt.date(1899, 12, 30)
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?\s+(?:de\s+|d')?(\d{4})$")
_YEAR = re.compile(r"^(19\d\d|20\d\d)$")


def import_date(text: str, field: str = "") -> str | None:
    """ISO date of a cell: the usual forms, an Excel serial, « mars 2019 » (the 1st), « 2019 » (January 1st)."""
    raw = (text or "").strip()
    if not raw:
        return None
    folded = fold(raw)
    if re.fullmatch(r"\d{5}(?:\.0+)?", folded):
        serial = int(float(folded))
        if 20000 <= serial <= 80000:  # 1954 to 2119: beyond, it is no date
            return (_EXCEL_EPOCH + dt.timedelta(days=serial)).isoformat()
    if _YEAR.match(folded):
        return f"{folded}-01-01"
    match = _MONTH_YEAR.match(folded)
    if match and match.group(1) in MONTHS:
        return dt.date(int(match.group(2)), MONTHS[match.group(1)], 1).isoformat()
    parsed = parse_date(raw, field)
    return parsed.isoformat() if parsed else None


_PHONE = re.compile(
    r"(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}"
    r"(?:\s*[,;]?\s*(?:poste|post\.?|p\.|ext\.?|extension|x|#)\s*\d{1,6})?",
    re.IGNORECASE,
)


def import_phones(text: str, field: str = "phone") -> list[str]:
    """The numbers of a cell: one (« 418-555-0101 poste 12 ») or several (« 418 555-0101 / 581 555-0102 »)."""
    raw = (text or "").strip()
    if not raw:
        return []
    found = _PHONE.findall(raw)
    if len(found) > 1:
        return [n for n in (normalise_phone(f, field) for f in found) if n]
    number = normalise_phone(found[0] if found else raw, field)
    return [number] if number else []


def _name_word(word: str) -> str:
    """« TREMBLAY » → « Tremblay », « ST-PIERRE » → « St-Pierre »; mixed case is kept as written."""
    return word.title() if word.isupper() and len(word) > 1 else word


def split_full_name(text: str) -> tuple[str | None, str | None]:
    """(first, last) from « TREMBLAY, Marie », « Marie Tremblay », « TREMBLAY Marie »; one word is a first name."""
    text = " ".join(text.split())
    if "," in text:
        last, _sep, first = text.partition(",")
    else:
        words = text.split(" ")
        capitals = [w.isupper() and len(w) > 1 for w in words]
        if len(words) > 1 and capitals[0] and not all(capitals):
            count = capitals.index(False)
            last, first = " ".join(words[:count]), " ".join(words[count:])
        else:
            first, _sep, last = text.partition(" ")
    fix = lambda part: clean_text(" ".join(_name_word(w) for w in part.split()))  # noqa: E731
    return fix(first), fix(last)


def year_in_header(header: str) -> int | None:
    """The year a header names: « Payé 2024 », « 2023 », « Cotisation 2023-2024 » (the first)."""
    match = re.search(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)", header or "")
    return int(match.group(1)) if match else None


def fee_cell(text: str, field: str = "") -> tuple[bool, str | None]:
    """(paid, amount) of a fee column's cell: « x », « oui », « Non », « 25 $ »."""
    try:
        given = parse_bool(text, field)
    except ValidationError:
        given = None
    if given is not None:
        return given, None
    try:
        amount = parse_amount(text, field)
    except ValidationError:
        raise ValidationError(
            _("« {value} » n'est pas compris : écrivez oui, non ou le montant payé.").format(value=text.strip()),
            field,
        ) from None
    return amount is not None, amount
