"""VietQR: NAPAS's profile of the EMVCo merchant-presented QR, generated offline.

A TLV string (tag, two-digit length, value) that every Vietnamese banking app scans; tag 63
is a CRC-16/CCITT-FALSE over everything before it, including "6304".
"""

import base64
import binascii
import io
import re
from decimal import Decimal

import segno

NAPAS_GUID = "A000000727"
TRANSFER_TO_ACCOUNT = "QRIBFTTA"
CURRENCY_VND = "704"


def tlv(tag, value):
    """Return one EMVCo field: the tag, its length in two digits, the value."""
    if len(value) > 99:
        raise ValueError(f"EMVCo field {tag} is longer than 99 characters.")
    return f"{tag}{len(value):02d}{value}"


def crc16_ccitt_false(data):
    """Return the CRC-16/CCITT-FALSE of ``data`` (poly 0x1021, init 0xFFFF, no reflection)."""
    # binascii's CRC-CCITT (XMODEM's polynomial, unreflected) started from 0xFFFF is this CRC.
    return binascii.crc_hqx(data, 0xFFFF)


def payload(*, bank_bin, account_number, amount=None, message=""):
    """Return the VietQR string of a transfer to ``account_number`` at bank ``bank_bin``.

    ``amount`` is in đồng (whole; a static QR without it lets the payer type one);
    ``message`` is the transfer content, e.g. the order number (ASCII letters and digits).
    """
    if amount is not None:
        amount = Decimal(amount)
        if amount != amount.to_integral_value() or amount <= 0:
            raise ValueError("A VietQR amount is a positive whole number of đồng.")
    beneficiary = tlv("00", bank_bin) + tlv("01", account_number)
    merchant = tlv("00", NAPAS_GUID) + tlv("01", beneficiary) + tlv("02", TRANSFER_TO_ACCOUNT)
    fields = [
        tlv("00", "01"),
        tlv("01", "12" if amount is not None else "11"),
        tlv("38", merchant),
        tlv("53", CURRENCY_VND),
    ]
    if amount is not None:
        fields.append(tlv("54", str(int(amount))))
    fields.append(tlv("58", "VN"))
    message = re.sub(r"[^A-Za-z0-9 ]", "", message)[:25]
    if message:
        fields.append(tlv("62", tlv("08", message)))
    body = "".join(fields) + "6304"
    return body + f"{crc16_ccitt_false(body.encode('ascii')):04X}"


def parse(text):
    """Return ``{tag: value}`` of a TLV string (nested values stay strings)."""
    fields, position = {}, 0
    while position < len(text):
        tag, length = text[position : position + 2], int(text[position + 2 : position + 4])
        fields[tag] = text[position + 4 : position + 4 + length]
        position += 4 + length
    return fields


def png(text, scale=6):
    """Return the QR code of ``text`` as PNG bytes."""
    buffer = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def png_data_uri(text):
    """Return the QR code as a ``data:image/png;base64,...`` URI for an <img>."""
    return "data:image/png;base64," + base64.b64encode(png(text)).decode("ascii")
