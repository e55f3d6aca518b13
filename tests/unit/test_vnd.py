"""One way to write and read đồng: ``marketplace.vnd``."""

from decimal import Decimal

import pytest
from django.utils import translation
from oscar.templatetags.currency_filters import currency

from marketplace import vnd


@pytest.mark.parametrize("amount", [Decimal("125000.00"), Decimal("0"), 1250000])
@pytest.mark.parametrize("language", ["vi", "en"])
def test_an_amount_is_written_as_the_templates_currency_filter_writes_it(amount, language):
    with translation.override(language):
        assert vnd.format_amount(amount) == currency(amount)
    assert vnd.format_amount(Decimal("125000.00")) == "125.000\u00a0₫"


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("145000", 145000),
        ("145.000", 145000),
        ("145,000", 145000),
        ("1.250.000", 1250000),
        ("145.000 ₫", 145000),
        ("145.000\u00a0₫", 145000),
        ("145000đ", 145000),
        ("145000 VND", 145000),
        ("145000.00", 145000),
        ("125000.0", 125000),  # a spreadsheet's number
        ("+145000", 145000),
        ("-145000", -145000),
        ("(145.000)", -145000),  # an accountant's negative
    ],
)
def test_amounts_are_read_as_people_banks_and_spreadsheets_write_them(text, amount):
    assert vnd.parse_amount(text) == amount


@pytest.mark.parametrize("text", ["", "abc", "145000.5", "1,5", "12.34.5", "₫"])
def test_what_is_not_a_whole_number_of_dong_is_refused(text):
    with pytest.raises(ValueError, match="not a whole number"):
        vnd.parse_amount(text)
