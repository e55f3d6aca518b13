"""The banks a cooperative can be paid at: NAPAS bank identification numbers (BIN).

A VietQR transfer names the receiving bank by its six-digit BIN (tag 38/01/00), so a
payout account is a BIN from this list, not a bank typed by hand. The list is data,
``data/vietqr_banks.json``; a bank that joins VietQR is one line added there.
"""

import functools
import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

BANKS_FILE = Path(__file__).resolve().parent / "data" / "vietqr_banks.json"


@functools.cache
def banks():
    """Return the banks as ``{bin: {"bin", "code", "short_name", "name"}}``."""
    with BANKS_FILE.open(encoding="utf-8") as handle:
        return {bank["bin"]: bank for bank in json.load(handle)["banks"]}


def bank_choices():
    """Return ``(bin, "Short name – full name")`` pairs, by short name, for a select."""
    return [("", _("— Chọn ngân hàng —"))] + [
        (bin_, f"{bank['short_name']} – {bank['name']}") for bin_, bank in banks().items()
    ]


def bank_name(bin_):
    """Return the bank's short name for ``bin_`` ("Vietcombank"), or the BIN itself."""
    bank = banks().get(bin_ or "")
    return bank["short_name"] if bank else (bin_ or "")


def validate_bank_bin(value):
    """Refuse a BIN that is not a VietQR bank's (every payout is a VietQR transfer)."""
    if value and value not in banks():
        raise ValidationError(
            _("Mã BIN %(bin)s không có trong danh sách ngân hàng nhận VietQR."),
            code="unknown_bank",
            params={"bin": value},
        )
