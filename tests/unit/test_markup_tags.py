"""The filters that keep the pages' markup valid (marketplace/templatetags/markup_tags.py)."""

import pytest
from django import forms

from marketplace.templatetags.markup_tags import ids_for, tel_uri, without_ids


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


def test_a_product_cards_hidden_fields_have_no_id_to_repeat():
    html = str(without_ids(QuantityForm()))

    assert 'name="quantity"' in html and "id=" not in html


def test_a_second_copy_of_a_form_has_ids_of_its_own():
    html = str(ids_for(QuantityForm(), "advanced"))

    assert 'id="id_advanced_quantity"' in html and "id_quantity" not in html
