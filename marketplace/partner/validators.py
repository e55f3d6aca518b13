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
