import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def normalise_vietnamese_phone(value):
    """Return a Vietnamese number in international form (+84…), or raise ValidationError."""
    try:
        number = phonenumbers.parse(value, "VN")
    except phonenumbers.NumberParseException as error:
        raise ValidationError(_("Số điện thoại không hợp lệ."), code="invalid_phone") from error
    if number.country_code != 84 or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _("Hãy nhập số điện thoại Việt Nam, ví dụ 0912 345 678 hoặc +84 912 345 678."),
            code="invalid_phone",
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def validate_vietnamese_phone(value):
    """Model-field validator: accept only valid Vietnamese numbers."""
    normalise_vietnamese_phone(value)


def validate_gln(value):
    """Model-field validator: a GS1 Global Location Number, 13 digits with its check digit."""
    from catalogue.gtin import gtin_check_digit

    if not (value.isascii() and value.isdigit() and len(value) == 13):
        raise ValidationError(_("Mã GLN gồm đúng 13 chữ số."), code="gln_length")
    if gtin_check_digit(value[:-1]) != int(value[-1]):
        raise ValidationError(
            _("Số kiểm tra (chữ số cuối) của mã GLN không đúng: hãy xem lại giấy chứng nhận GS1."),
            code="gln_check_digit",
        )


def validate_company_prefix(value):
    """Model-field validator: a GS1 company prefix, 6 to 12 digits."""
    if not (value.isascii() and value.isdigit() and 6 <= len(value) <= 12):
        raise ValidationError(_("Mã doanh nghiệp GS1 gồm 6–12 chữ số."), code="gcp")
