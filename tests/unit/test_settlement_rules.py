"""The money rules of a sale: rounding, shares, withholding, tax codes, the bank list."""

import json

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from marketplace.settlement import banks, rules, taxcodes


@pytest.mark.parametrize(
    ("numerator", "denominator", "rounded"),
    [(15, 10, 2), (14, 10, 1), (25, 10, 3), (-15, 10, -2), (-14, 10, -1), (0, 7, 0),
     (75_005, 10_000, 8), (75_004, 10_000, 8), (74_999, 10_000, 7)],
)  # fmt: skip
def test_amounts_round_half_up_away_from_zero(numerator, denominator, rounded):
    assert rules.round_half_up(numerator, denominator) == rounded


def test_a_share_is_the_rate_of_the_amount_rounded_to_the_dong():
    assert rules.share(150_010, 500) == 7_501  # 7.500,5
    assert rules.share(150_010, 100) == 1_500  # 1.500,1
    assert rules.share(150_010, 50) == 750  # 750,05
    assert rules.share(129_990, 1000) == 12_999


def test_household_and_individual_sellers_are_withheld_organisations_are_not():
    assert rules.withholding_rates("household") == (100, 50)
    assert rules.withholding_rates("individual") == (100, 50)
    assert rules.withholding_rates("") == (100, 50)  # unknown: withheld, to be safe
    assert rules.withholding_rates("cooperative") == (0, 0)
    assert rules.withholding_rates("company") == (0, 0)


def test_the_cooperative_gets_the_revenue_less_commission_and_tax():
    amounts = rules.sale_amounts(150_010, rules.SaleTerms(500, 100, 50))
    assert (amounts.commission, amounts.vat, amounts.pit, amounts.cooperative) == (
        7_501, 1_500, 750, 140_259,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("amount", "weights", "shares"),
    [(2, [1, 1, 1], [1, 1, 0]), (10, [129_990, 150_010, 60_000], [4, 4, 2]),
     (340_000, [129_990, 150_010, 60_000], [129_990, 150_010, 60_000]), (0, [5, 5], [0, 0]),
     (3, [0, 2, 1], [0, 2, 1])],
)  # fmt: skip
def test_an_amount_shared_out_adds_up_exactly_and_never_exceeds_a_weight(amount, weights, shares):
    assert rules.allocate(amount, weights) == shares
    assert sum(shares) == amount
    assert all(share <= weight for share, weight in zip(shares, weights, strict=True))


def test_nothing_can_be_shared_over_nothing():
    with pytest.raises(ValueError, match="nothing to share"):
        rules.allocate(5, [0, 0])


@pytest.mark.parametrize(
    "code", ["0100233488", "0314409058", "0314409058-002", "001085012345", "096199012345"]
)
def test_valid_tax_codes_pass(code):
    taxcodes.validate_tax_code(code)


@pytest.mark.parametrize(
    "code",
    ["0100233480", "12345", "0100233488-000", "0100233488-1", "097085012345", "000085012345",
     "01002334881", "abcdefghij", "0100233488 "],
)  # fmt: skip
def test_malformed_tax_codes_are_refused_with_a_message(code):
    with pytest.raises(ValidationError) as error:
        taxcodes.validate_tax_code(code)
    assert "Mã số thuế không hợp lệ" in str(error.value)


def test_a_tax_code_is_normalised_before_it_is_checked():
    assert taxcodes.normalise_tax_code(" 0314 409 058 002 ") == "0314409058-002"
    assert taxcodes.normalise_tax_code("01.00.233.488") == "0100233488"


def test_the_bank_list_names_six_digit_bins_once_each_with_the_operators_bank():
    data = json.loads(banks.BANKS_FILE.read_text(encoding="utf-8"))["banks"]
    bins = [bank["bin"] for bank in data]
    assert len(bins) == len(set(bins)) > 40
    assert all(len(b) == 6 and b.isdigit() for b in bins)
    assert settings.VIETQR_BANK_BIN in banks.banks()
    assert banks.bank_name("970436") == "Vietcombank"
    assert banks.bank_name("970422") == "MBBank"


def test_a_bin_not_on_the_list_is_refused():
    with pytest.raises(ValidationError):
        banks.validate_bank_bin("123456")
    banks.validate_bank_bin("970415")
