"""Go through the checkout pages with Django's test client, as a buyer's browser would."""

import re

from django.urls import reverse

# Phú Thọ and one of its communes; Hà Nội and one of its wards.
PHU_THO, XA_CAM_KHE = 25, 8341
HA_NOI, PHUONG_HOAN_KIEM = 1, 70

ADDRESS = {
    "full_name": "Nguyễn Thị Lan",
    "phone_number": "0912 345 678",
    "line1": "12 Đường Hùng Vương",
    "province_code": str(HA_NOI),
    "ward_code": str(PHUONG_HOAN_KIEM),
    "notes": "",
}


def add_to_basket(client, product, quantity=1):
    response = client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": quantity})
    assert response.status_code == 302, response.content[:500]
    return response


def start_as_guest(client, email="khach.le@example.com"):
    response = client.post(reverse("checkout:index"), {"username": email, "options": "anonymous"})
    assert response.status_code == 302, response.content[:2000]


def fill_address(client, **overrides):
    return client.post(reverse("checkout:shipping-address"), {**ADDRESS, **overrides})


def choose_shipping(client, code="standard"):
    return client.post(reverse("checkout:shipping-method"), {"method_code": code})


def choose_payment(client, method):
    return client.post(reverse("checkout:payment-method"), {"method": method})


def preview_form(client):
    """Return the hidden fields of the place-order form on the preview page."""
    page = client.get(reverse("checkout:preview"))
    assert page.status_code == 200, page
    html = page.content.decode()
    fields = dict(re.findall(r'name="(basket_fingerprint|order_total)" value="([^"]*)"', html))
    return {"action": "place_order", **fields}


def place_order(client, form=None):
    return client.post(reverse("checkout:preview"), form or preview_form(client))


def checkout(client, products, *, method="cod", guest=True, address=None):
    """Buy ``[(product, quantity)]`` up to the preview; return the place-order form."""
    for product, quantity in products:
        add_to_basket(client, product, quantity)
    if guest:
        start_as_guest(client)
    response = fill_address(client, **(address or {}))
    assert response.status_code == 302, response.content.decode()[:3000]
    response = choose_shipping(client)
    assert response.status_code == 302, response.content.decode()[:3000]
    response = choose_payment(client, method)
    assert response.status_code == 302, response.content.decode()[:3000]
    return preview_form(client)
