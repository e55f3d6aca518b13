"""Shipping is priced by each product's own weight; an unweighed product counts 0,5 kg."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from marketplace.shipping.methods import basket_parcels
from tests import checkout_steps as steps
from tests.factories import ocop_product

pytestmark = pytest.mark.django_db


def _text(response):
    return response.content.decode().replace("\u00a0", " ")


def test_the_shipping_fee_uses_the_products_own_weight(client, tea_cooperative):
    rice = ocop_product(cooperative=tea_cooperative, title="Gạo nếp cái hoa vàng", price=150000)
    rice.shipping_weight_kg = Decimal("5.5")
    rice.save()
    steps.add_to_basket(client, rice, 1)
    steps.start_as_guest(client)
    steps.fill_address(client, province_code="79", ward_code="26506")  # Hồ Chí Minh

    page = _text(client.get(reverse("checkout:shipping-method")))

    # Other region: 40.000 ₫ for the first kg, 9 × 5.000 ₫ for the next 4,5 kg.
    assert "85.000 ₫" in page


def test_a_parcel_adds_up_weighed_and_unweighed_products(tea, honey_cooperative, tea_cooperative):
    from oscar.test.factories import BasketFactory

    tea.shipping_weight_kg = Decimal("0.25")
    tea.save()
    unweighed = ocop_product(cooperative=tea_cooperative, title="Chè vàng", price=90000)
    basket = BasketFactory()
    basket.add_product(tea, 2)
    basket.add_product(unweighed, 1)

    [(origin, weight)] = basket_parcels(basket)

    assert origin == tea_cooperative.province_code
    assert weight == Decimal("1.0")  # 2 × 0,25 kg + 0,5 kg by default


def test_the_product_form_has_the_weight_and_a_weight_of_zero_is_refused(tea):
    from marketplace.dashboard.catalogue.forms import ProductForm

    form_fields = ProductForm(tea.product_class, instance=tea).fields
    assert "shipping_weight_kg" in form_fields
    tea.shipping_weight_kg = Decimal("0")
    with pytest.raises(ValidationError) as refused:
        tea.full_clean()
    assert "shipping_weight_kg" in refused.value.message_dict
