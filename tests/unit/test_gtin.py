import pytest

from catalogue.gtin import gtin14, gtin_check_digit, gtin_is_valid


@pytest.mark.parametrize("gtin", ["8934567890120", "89345672", "08934567890120", "036000291452"])
def test_valid_gtins_of_every_length_pass(gtin):
    assert gtin_is_valid(gtin)


@pytest.mark.parametrize(
    "value",
    [
        "8934567890127",
        "893456789012",
        "89345678901201",
        "",
        "abc4567890128",
        "８９３４５６７８９０１２０",
        None,
    ],
)
def test_wrong_check_digits_lengths_and_characters_fail(value):
    assert not gtin_is_valid(value)


def test_gtins_are_padded_to_fourteen_digits_for_uris():
    assert gtin14("8934567890120") == "08934567890120"


def test_check_digit_follows_the_gs1_weights():
    assert gtin_check_digit("893456789012") == 0
