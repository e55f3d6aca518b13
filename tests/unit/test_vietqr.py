"""The VietQR payload: EMVCo fields, CRC-16/CCITT-FALSE, and a QR an independent reader decodes."""

import io

import pytest
import zxingcpp
from PIL import Image

from marketplace.payments import vietqr

# Spelled out field by field from NAPAS's VietQR profile of EMVCo (see DOMAIN.md "Money").
EXPECTED_BODY = (
    "000201"  # payload format 01
    "010212"  # dynamic QR: it carries an amount
    "3857"  # merchant account information, 57 characters:
    "0010A000000727"  # NAPAS GUID
    "0127" "0006970436" "01130011001234567"  # beneficiary: bank BIN, account number
    "0208QRIBFTTA"  # transfer to an account
    "5303704"  # VND
    "5406125000"  # 125.000 ₫
    "5802VN"
    "6210" "0806100123"  # transfer message: the order number
    "6304"
)  # fmt: skip


def test_the_crc_is_ccitt_false_with_its_published_check_value():
    assert vietqr.crc16_ccitt_false(b"123456789") == 0x29B1


def test_the_payload_has_every_field_in_order_and_a_crc_over_them():
    payload = vietqr.payload(
        bank_bin="970436", account_number="0011001234567", amount=125000, message="100123"
    )

    assert payload[:-4] == EXPECTED_BODY
    # CRC-16/CCITT-FALSE of EXPECTED_BODY, as a bit-by-bit implementation computes it.
    assert payload[-4:] == "4126"


def test_the_fields_parse_back():
    payload = vietqr.payload(
        bank_bin="970436", account_number="0011001234567", amount="1250000.00", message="100123"
    )
    fields = vietqr.parse(payload)
    merchant = vietqr.parse(fields["38"])

    assert fields["54"] == "1250000"
    assert (fields["53"], fields["58"]) == ("704", "VN")
    assert merchant["00"] == "A000000727" and merchant["02"] == "QRIBFTTA"
    assert vietqr.parse(merchant["01"]) == {"00": "970436", "01": "0011001234567"}
    assert vietqr.parse(fields["62"]) == {"08": "100123"}


def test_a_static_qr_has_no_amount():
    fields = vietqr.parse(vietqr.payload(bank_bin="970436", account_number="123"))

    assert fields["01"] == "11" and "54" not in fields


@pytest.mark.parametrize("amount", ["125000.50", 0, -1])
def test_an_amount_that_is_not_whole_positive_dong_is_refused(amount):
    with pytest.raises(ValueError, match="positive whole number of đồng"):
        vietqr.payload(bank_bin="970436", account_number="123", amount=amount)


def test_the_png_decodes_to_the_payload_with_an_independent_reader():
    payload = vietqr.payload(
        bank_bin="970436", account_number="0011001234567", amount=125000, message="100123"
    )

    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(vietqr.png(payload))))

    assert [r.text for r in results] == [payload]
    assert results[0].format == zxingcpp.BarcodeFormat.QRCode
