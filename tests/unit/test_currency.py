from decimal import Decimal

import pytest
from django.utils import translation
from oscar.templatetags.currency_filters import currency

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (Decimal("125000.00"), "125.000 ₫"),
        (Decimal("1250000"), "1.250.000 ₫"),
        (Decimal("85000.00"), "85.000 ₫"),
        (Decimal("0"), "0 ₫"),
    ],
)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_prices_show_whole_dong_the_vietnamese_way_in_every_language(amount, shown, language):
    with translation.override(language):
        assert currency(amount).replace(NBSP, " ") == shown


def test_a_price_never_shows_decimals_or_a_foreign_currency():
    with translation.override("en"):
        shown = currency(Decimal("125000.50"))
    assert "," not in shown
    assert "£" not in shown
    assert shown.endswith("₫")
