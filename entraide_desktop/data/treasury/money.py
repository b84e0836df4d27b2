"""Money as integer cents: reading what a treasurer types, writing it back the Quebec way.

Floats never hold money: « 0,10 + 0,20 » must be 30 cents. Amounts are read with ``Decimal``
from text (« 1 234,50 $ », « 1234.5 », « 12 ») and stored as ``int`` cents.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ...i18n import _, format_money
from ..errors import ValidationError

MAX_CENTS = 100_000_000_00  # one hundred million dollars: beyond, a typing mistake
_PLAIN = re.compile(r"[+-]?\d{1,12}(\.\d+)?")
_SPACES = re.compile(r"[\s\u00a0\u202f$]|cad", re.IGNORECASE)


def parse_cents(text: str | int | Decimal | None, field: str = "amount", *, allow_zero: bool = False,
                allow_negative: bool = False) -> int | None:
    """« 1 234,50 $ » → 123450; None when empty. A clear French message for anything else."""
    if text is None:
        return None
    if isinstance(text, bool):
        raise ValidationError(_("Ce montant n'est pas un nombre."), field)
    if isinstance(text, int):
        value = Decimal(text)
    elif isinstance(text, Decimal):
        value = text
    else:
        raw = _SPACES.sub("", text.strip())
        if not raw:
            return None
        if raw.count(",") == 1 and "." not in raw:
            raw = raw.replace(",", ".")
        elif raw.count(",") and raw.count("."):  # « 1,234.50 » written the English way
            raw = raw.replace(",", "")
        try:
            if not _PLAIN.fullmatch(raw):
                raise InvalidOperation
            value = Decimal(raw)
        except InvalidOperation:
            raise ValidationError(
                _("« {value} » n'est pas un montant : écrivez par exemple 25,00.").format(value=text.strip()), field
            ) from None
    if not value.is_finite():
        raise ValidationError(_("Ce montant n'est pas un nombre."), field)
    if abs(value) > MAX_CENTS:
        raise ValidationError(_("Ce montant n'est pas plausible."), field)
    if value != value.quantize(Decimal("0.01")):
        raise ValidationError(_("Un montant a au plus deux décimales (les cents)."), field)
    cents = int(value * 100)
    if abs(cents) > MAX_CENTS:
        raise ValidationError(_("Le montant {value} n'est pas plausible.").format(value=format_cents(cents)), field)
    if cents < 0 and not allow_negative:
        raise ValidationError(_("Écrivez le montant sans signe moins : le type dit si c'est une entrée ou une "
                                "sortie d'argent."), field)
    if cents == 0 and not allow_zero:
        raise ValidationError(_("Le montant ne peut pas être zéro."), field)
    return cents


def format_cents(cents: int) -> str:
    """123450 → « 1 234,50 $ » (in the current language)."""
    return format_money(Decimal(cents) / 100)


def format_signed_cents(cents: int) -> str:
    """-1000 → « − 10,00 $ », 50000 → « + 500,00 $ »: money in or out, said by its sign."""
    return ("− " if cents < 0 else "+ ") + format_cents(abs(cents))


def cents_to_decimal(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))
