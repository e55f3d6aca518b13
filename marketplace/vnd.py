"""Vietnamese đồng: how an amount is written ("125.000 ₫") and read back from what people,
spreadsheets and bank statements type ("125.000", "125,000", "125000đ", "125000.00").

VND has no minor unit: amounts are whole đồng. Templates write amounts with Oscar's
``currency`` filter, which is this module's ``format_amount``: both follow
``OSCAR_CURRENCY_FORMAT`` (the Vietnamese way, in every language).
"""

import re
from decimal import Decimal

from oscar.templatetags.currency_filters import currency

CURRENCY = "VND"
# The highest price a product may have (a spreadsheet row, an API call): a typo guard.
MAX_PRICE = 1_000_000_000

# Spaces (no-break ones too), the đồng sign and the words people add: "125.000 ₫", "125000 VND".
_NOISE = re.compile(r"(?i)\s|₫|vnd|đ")
# Thousands grouped by dots (Vietnamese) or commas (English spreadsheets): "1.250.000".
_GROUPED = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
# Whole đồng, maybe with a zero fraction a spreadsheet adds: "125000", "125000.00".
_PLAIN = re.compile(r"(\d+)(?:[.,]0+)?")


def format_amount(amount):
    """Return ``amount`` as the shop writes it: "125.000 ₫"."""
    return currency(amount, CURRENCY)


def parse_amount(text):
    """Return the whole đồng written in ``text`` as a Decimal, negative for "-145.000" or
    the accountants' "(145.000)"; raise ValueError when it is not a whole number of đồng."""
    cleaned = _NOISE.sub("", text or "")
    sign = 1
    if cleaned.startswith("(") and cleaned.endswith(")"):
        sign, cleaned = -1, cleaned[1:-1]
    elif cleaned.startswith(("-", "+")):
        sign, cleaned = (-1 if cleaned[0] == "-" else 1), cleaned[1:]
    if _GROUPED.fullmatch(cleaned):
        return sign * Decimal(re.sub(r"[.,]", "", cleaned))
    plain = _PLAIN.fullmatch(cleaned)
    if plain is None:
        raise ValueError(f"not a whole number of đồng: {text!r}")
    return sign * Decimal(plain[1])
