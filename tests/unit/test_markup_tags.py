"""The filters that keep the pages' markup valid (marketplace/templatetags/markup_tags.py)."""

import pytest
from django import forms

from marketplace.templatetags.markup_tags import ids_for, tel_uri


@pytest.mark.parametrize(
    ("phone", "uri"),
    [
        ("0210 3812 345", "tel:+842103812345"),
        ("+84 912 345 678", "tel:+84912345678"),
        ("0912.345.678", "tel:+84912345678"),
        ("+84912345678", "tel:+84912345678"),
        ("12 34", "tel:1234"),  # not a Vietnamese number: its digits, without the spaces
        ("", ""),
        (None, ""),
    ],
)
def test_a_tel_address_has_no_spaces(phone, uri):
    assert tel_uri(phone) == uri


class QuantityForm(forms.Form):
    quantity = forms.IntegerField(widget=forms.HiddenInput, initial=1)


def test_forms_shown_once_per_product_have_ids_of_their_product():
    first, second = ids_for(QuantityForm(), 7), ids_for(QuantityForm(), 8)

    assert 'id="id_7_quantity"' in str(first) and 'id="id_8_quantity"' in str(second)
    assert "id_quantity" not in str(first) + str(second)
