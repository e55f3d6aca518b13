"""A shopper with no surprises: shipping "from X ₫" before the province is known and the
real fee as soon as it is, a light address page, cash on delivery chosen, sold-out cards
that say so, the guest's order page in the site's layout."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from tests import checkout_steps as steps
from tests.factories import ocop_product

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")


def _text(response):
    return response.content.decode()


def test_the_basket_says_shipping_from_the_least_it_can_cost(client, tea):
    steps.add_to_basket(client, tea, 1)

    page = _text(client.get(reverse("basket:summary")))

    # The tea's cooperative is in Phú Thọ: 20.000 ₫ at the least (same province, ≤ 1 kg).
    shipping = page.split('id="basket-shipping-from"')[1].split("</th>")[0]
    assert "từ 20.000\xa0₫" in shipping
    assert "Tổng tiền hàng (chưa gồm phí vận chuyển)" in page
    assert ">0 ₫<" not in page.replace(" ", "")


def test_the_fee_to_a_province_is_answered_for_the_visitors_basket(client, tea):
    steps.add_to_basket(client, tea, 5)  # 2.5 kg from Phú Thọ

    fees = client.get(reverse("shipping-estimate"), {"province": "79"}).json()

    # The same fee the shipping step will charge (test_checkout: 55.000 ₫ and 83.000 ₫).
    assert fees["standard"]["fee"] == "55.000\xa0₫"
    assert fees["express"]["fee"] == "83.000\xa0₫"


@pytest.mark.parametrize("province", ["", "0", "99", "abc", "1;drop"])
def test_an_unknown_province_gets_a_404_not_an_error(client, province):
    assert client.get(reverse("shipping-estimate"), {"province": province}).status_code == 404
    assert client.get(f"/shop/places/wards/{province or 'x'}/").status_code == 404


def test_the_address_page_is_light_and_lists_no_communes_before_the_province(client, tea):
    steps.add_to_basket(client, tea, 1)
    steps.start_as_guest(client)

    response = client.get(reverse("checkout:shipping-address"))

    page = _text(response)
    assert len(response.content) <= 60 * 1024
    ward_select = page.split('id="id_ward_code"')[1].split("</select>")[0]
    assert ward_select.count("<option") == 1
    assert "Phí vận chuyển từ 20.000\xa0₫" in page
    assert 'data-estimate-url="/shop/checkout/shipping-estimate/"' in page


def test_a_refused_address_lists_only_its_provinces_communes(client, tea):
    steps.add_to_basket(client, tea, 1)
    steps.start_as_guest(client)

    page = _text(steps.fill_address(client, ward_code=""))

    ward_select = page.split('id="id_ward_code"')[1].split("</select>")[0]
    assert "Phường Hoàn Kiếm" in ward_select and "Xã Cẩm Khê" not in ward_select


def test_cash_on_delivery_is_chosen_unless_the_buyer_chose_otherwise(client, tea):
    steps.add_to_basket(client, tea, 1)
    steps.start_as_guest(client)
    steps.fill_address(client)
    steps.choose_shipping(client)

    page = _text(client.get(reverse("checkout:payment-method")))

    assert 'value="cod" required id="id_method_0" checked' in page or (
        'value="cod"' in page.split("checked")[0].rsplit("<input", 1)[1]
    )


def test_a_sold_out_card_says_so_instead_of_a_dead_button(client, cooperative, home_page):
    ocop_product(cooperative=cooperative, title="Mật ong hết hàng", price=90000, num_in_stock=0)

    page = _text(client.get(reverse("catalogue:index")))

    card = page.split("Mật ong hết hàng")[1].split("</article>")[0]
    assert "disabled" not in card and "Thêm vào giỏ hàng" not in card
    assert "Hết hàng" in card
    assert "Xem chi tiết" in card


def test_the_guests_order_page_is_in_the_sites_layout(client, tea):
    steps.place_order(client, steps.checkout(client, [(tea, 1)], method="cod"))
    order = Order.objects.get()

    response = client.get(
        reverse(
            "customer:anon-order",
            kwargs={"order_number": order.number, "hash": order.verification_hash()},
        )
    )
    # The link from the e-mail asks for the address first, then shows the order.
    asked = client.get(response["Location"])
    response = client.post(response["Location"], {"email": order.guest_email}, follow=True)

    assert "css/marketplace.css" in _text(asked) and '<main id="main">' in _text(asked)
    page = _text(response)
    assert order.number in page

    assert "css/marketplace.css" in page and "css/shop.css" in page
    assert '<main id="main">' in page and "table-responsive" in page
