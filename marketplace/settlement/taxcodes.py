"""Vietnamese tax codes (mã số thuế, MST) of sellers, checked before a payout.

* An organisation's MST has 10 digits, the 10th a check digit over the first nine
  (weights 31, 29, 23, 19, 17, 13, 7, 5, 3; the digit is 10 minus the sum modulo 11).
  A branch adds a dash and three digits (``0100233488-001``).
* Since 1 July 2025 an individual's (and a household business owner's) tax code is their
  12-digit personal identification number (số định danh cá nhân, the CCCD number),
  whose first three digits are the province of birth registration (001–096).

Cooperatives and companies have an MST; households and individuals may give either.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MST_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)
_SEPARATORS = re.compile(r"[\s.]")


def normalise_tax_code(value):
    """Return ``value`` without spaces or dots, the branch part after one dash."""
    text = _SEPARATORS.sub("", value or "")
    if re.fullmatch(r"\d{13}", text):  # a branch code typed without its dash
        text = f"{text[:10]}-{text[10:]}"
    return text


def mst_check_digit(first_nine):
    """Return the check digit of a 10-digit MST's first nine digits, or None if none fits."""
    remainder = sum(w * int(d) for w, d in zip(MST_WEIGHTS, first_nine, strict=True)) % 11
    digit = 10 - remainder
    return str(digit) if digit < 10 else None


def tax_code_kind(value):
    """Return "mst", "branch" or "personal_id" for a well-formed code, else None."""
    if re.fullmatch(r"\d{10}", value):
        return "mst" if _mst_ok(value) else None
    if re.fullmatch(r"\d{10}-\d{3}", value):
        return "branch" if _mst_ok(value[:10]) and value[11:] != "000" else None
    if re.fullmatch(r"\d{12}", value):
        return "personal_id" if 1 <= int(value[:3]) <= 96 else None
    return None


def _mst_ok(code):
    return code[2:9] != "0000000" and mst_check_digit(code[:9]) == code[9]


def validate_tax_code(value):
    """Refuse anything but a valid MST, branch MST or 12-digit personal ID number."""
    if value and tax_code_kind(value) is None:
        raise ValidationError(
            _(
                "Mã số thuế không hợp lệ: cần 10 chữ số (chi nhánh thêm “-” và 3 chữ số, "
                "ví dụ 0100233488-001) hoặc số định danh cá nhân 12 chữ số."
            ),
            code="invalid_tax_code",
        )
