"""Checkout through the pages: a Vietnamese address, shipping by region and weight, COD and
VietQR, and bad input that gets a clear message and changes nothing."""

import base64
import io
import re
from decimal import Decimal

import pytest
import zxingcpp
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model
from PIL import Image

from marketplace.payments import vietqr
from marketplace.payments.models import Payment
from tests import checkout_steps as steps

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
Basket = get_model("basket", "Basket")


def _decode_qr(png):
    return zxingcpp.read_barcode(Image.open(io.BytesIO(png))).text


def _text(response):
    return response.content.decode().replace("\u00a0", " ")


def test_a_guest_buys_from_two_cooperatives_with_cash_on_delivery(client, tea, honey):
    form = steps.checkout(client, [(tea, 2), (honey, 1)], method="cod")

    response = steps.place_order(client, form)

    assert response.status_code == 302 and response.url == reverse("checkout:thank-you")
    order = Order.objects.get()
    assert order.guest_email == "khach.le@example.com"
    assert order.payment.method == Payment.Method.COD
    assert order.payment.status == Payment.Status.PENDING
    assert order.status == "awaiting-cod"
    assert order.shipments.count() == 2
    address = order.shipping_address
    assert (address.first_name, address.last_name) == ("Nguyễn", "Thị Lan")
    assert (address.line4, address.state, address.country_id) == (
        "Phường Hoàn Kiếm", "Thành phố Hà Nội", "VN",
    )  # fmt: skip
    assert str(address.phone_number) == "+84912345678"
    assert address.postcode in ("", None)
    # Two parcels from Phú Thọ to Hà Nội (same region): 30.000 ₫ each for up to one kg.
    assert order.shipping_incl_tax == Decimal(60000)
    assert order.total_incl_tax == Decimal(2 * 125000 + 390000 + 60000)
    page = _text(client.get(reverse("checkout:thank-you")))
    assert order.number in page
    assert "Chờ giao hàng, trả tiền khi nhận" in page
    confirmation = next(m for m in mail.outbox if m.to == ["khach.le@example.com"])
    assert order.number in confirmation.body and "tiền mặt" in confirmation.body
    [(html, mimetype)] = confirmation.alternatives
    assert mimetype == "text/html" and 'id="payment-instructions"' in html and "tiền mặt" in html


def test_the_shipping_fee_grows_with_distance_and_weight(client, tea):
    steps.add_to_basket(client, tea, 5)  # 2.5 kg from Phú Thọ
    steps.start_as_guest(client)
    steps.fill_address(client, province_code="79", ward_code="26506")  # Hồ Chí Minh
    page = _text(client.get(reverse("checkout:shipping-method")))

    # Other region: 40.000 ₫ for the first kg, 3 × 5.000 ₫ for the next 1.5 kg.
    assert "55.000 ₫" in page
    assert "83.000 ₫" in page  # express: half as much again, rounded up to 1.000 ₫


def test_a_signed_in_customer_pays_by_vietqr_and_staff_confirm_it(
    client, tea, customer, staff_user
):
    client.force_login(customer)
    form = steps.checkout(client, [(tea, 1)], method="vietqr", guest=False)
    steps.place_order(client, form)
    order = Order.objects.get(user=customer)

    thank_you = _text(client.get(reverse("checkout:thank-you")))
    assert 'class="vietqr-image' in thank_you and order.number in thank_you
    assert order.payment.status == Payment.Status.PENDING
    order_page = _text(client.get(reverse("customer:order", args=[order.number])))
    assert 'class="vietqr-image' in order_page and "Chờ thanh toán" in order_page
    confirmation = next(m for m in mail.outbox if m.to == [customer.email])
    name, png, mimetype = confirmation.attachments[0]
    assert (name, mimetype) == (f"vietqr-{order.number}.png", "image/png")
    # Both QR codes, decoded by an independent reader, ask for the exact amount, with the
    # order number as the transfer message.
    image = re.search(r'src="data:image/png;base64,([^"]+)"', thank_you).group(1)
    for qr in (base64.b64decode(image), png):
        fields = vietqr.parse(_decode_qr(qr))
        assert fields["54"] == str(int(order.total_incl_tax)) == "155000"
        assert vietqr.parse(fields["62"]) == {"08": order.number}
        assert vietqr.parse(vietqr.parse(fields["38"])["01"]) == {
            "00": "970436", "01": "0011001234567",
        }  # fmt: skip
    assert "0011001234567" in confirmation.body and order.number in confirmation.body

    client.force_login(staff_user)
    unpaid = _text(client.get(reverse("payments:unpaid-orders")))
    assert order.number in unpaid
    client.post(reverse("payments:transfer-confirm", args=[order.number]))

    order.refresh_from_db()
    order.payment.refresh_from_db()
    assert order.payment.status == Payment.Status.PAID and order.status == "paid"
    assert order.payment.confirmed_by == staff_user
    assert f">{order.number}</a>" not in _text(client.get(reverse("payments:unpaid-orders")))
    client.force_login(customer)
    order_page = _text(client.get(reverse("customer:order", args=[order.number])))
    assert "vietqr-image" not in order_page and "Đã thanh toán" in order_page


def test_a_customer_cannot_confirm_a_transfer(client, tea, customer):
    client.force_login(customer)
    steps.place_order(client, steps.checkout(client, [(tea, 1)], method="vietqr", guest=False))
    order = Order.objects.get()

    response = client.post(reverse("payments:transfer-confirm", args=[order.number]))

    assert response.status_code == 403
    order.payment.refresh_from_db()
    assert order.payment.status == Payment.Status.PENDING


# Bad input: a clear message, nothing changed.


def test_an_address_without_a_ward_is_refused(client, tea):
    steps.add_to_basket(client, tea)
    steps.start_as_guest(client)

    response = steps.fill_address(client, ward_code="")

    assert response.status_code == 200
    assert "This field is required" in _text(response) or "Trường này là bắt buộc" in _text(
        response
    )
    assert client.session.get("checkout_data", {}).get("shipping") in (None, {})


def test_a_ward_of_another_province_is_refused(client, tea):
    steps.add_to_basket(client, tea)
    steps.start_as_guest(client)

    response = steps.fill_address(client, province_code=str(steps.PHU_THO))  # ward in Hà Nội

    assert response.status_code == 200
    assert "Xã/phường này không thuộc tỉnh/thành phố đã chọn." in _text(response)


@pytest.mark.parametrize("phone", ["+1 202 555 0143", "12345", "0912"])
def test_a_phone_number_that_is_not_vietnamese_is_refused(client, tea, phone):
    steps.add_to_basket(client, tea)
    steps.start_as_guest(client)

    response = steps.fill_address(client, phone_number=phone)

    assert response.status_code == 200
    assert "Hãy nhập số điện thoại Việt Nam" in _text(response) or "không hợp lệ" in _text(response)


def test_a_negative_quantity_is_refused_and_the_basket_stays_empty(client, tea):
    response = client.post(reverse("basket:add", kwargs={"pk": tea.pk}), {"quantity": -3})

    assert response.status_code in (200, 302)
    assert not Basket.objects.filter(lines__isnull=False).exists()


def test_a_negative_quantity_in_the_basket_form_changes_nothing(client, tea):
    steps.add_to_basket(client, tea, 2)
    basket = Basket.objects.get()
    line = basket.lines.get()
    data = {
        "form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000", "form-0-id": str(line.pk), "form-0-quantity": "-5",
    }  # fmt: skip

    client.post(reverse("basket:summary"), data)

    line.refresh_from_db()
    assert line.quantity == 2


def test_a_tampered_total_in_the_place_order_form_places_nothing(client, tea):
    form = steps.checkout(client, [(tea, 1)])

    response = steps.place_order(client, {**form, "order_total": "1000"})

    assert response.status_code == 200
    assert "đã thay đổi" in _text(response)
    assert not Order.objects.exists()
    tea.stockrecords.get().refresh_from_db()
    assert tea.stockrecords.get().num_allocated in (0, None)


def test_a_basket_changed_after_the_preview_places_nothing(client, tea, honey):
    form = steps.checkout(client, [(tea, 1)])
    steps.add_to_basket(client, honey)  # another tab adds a product

    response = steps.place_order(client, form)

    assert response.status_code == 200
    assert "đã thay đổi" in _text(response)
    assert not Order.objects.exists()


def test_extra_price_fields_in_the_post_do_not_change_what_is_charged(client, tea):
    form = steps.checkout(client, [(tea, 1)])

    steps.place_order(client, {**form, "price": "1", "line_price": "1", "total": "1"})

    order = Order.objects.get()
    assert order.basket_total_incl_tax == Decimal(125000)


def test_a_product_sold_out_after_the_preview_gets_a_clear_message(client, tea):
    form = steps.checkout(client, [(tea, 2)])
    record = tea.stockrecords.get()
    record.num_in_stock = 1
    record.save()

    response = client.post(reverse("checkout:preview"), form, follow=True)

    assert "Chè Shan tuyết" in _text(response)  # the basket page says which product
    assert not Order.objects.exists()
    record.refresh_from_db()
    assert record.num_allocated in (0, None)
    assert Basket.objects.get().status == "Open"  # the buyer keeps the basket


def test_cards_are_not_offered_without_stripe_keys(client, tea, settings):
    settings.STRIPE_SECRET_KEY = ""
    steps.add_to_basket(client, tea)
    steps.start_as_guest(client)
    steps.fill_address(client)
    steps.choose_shipping(client)

    page = _text(client.get(reverse("checkout:payment-method")))
    response = steps.choose_payment(client, "stripe")

    assert "Stripe" not in page and 'value="cod"' in page
    assert response.status_code == 200
    assert "Cách thanh toán này không có." in _text(response)
    assert re.search(r"Tiền mặt|COD", page)


def test_staff_confirm_a_transfer_from_the_dashboard_order_page(client, tea, staff_user):
    steps.place_order(client, steps.checkout(client, [(tea, 1)], method="vietqr"))
    order = Order.objects.get()
    client.force_login(staff_user)

    page = _text(client.get(reverse("dashboard:order-detail", args=[order.number])))

    assert reverse("payments:transfer-confirm", args=[order.number]) in page
    assert "Chuyển khoản ngân hàng (VietQR)" in page


def test_a_cooperative_does_not_see_the_payment_actions(client, tea, tea_user):
    steps.place_order(client, steps.checkout(client, [(tea, 1)], method="vietqr"))
    order = Order.objects.get()
    client.force_login(tea_user)

    page = _text(client.get(reverse("dashboard:order-detail", args=[order.number])))

    assert "Chè Shan tuyết" in page
    assert reverse("payments:transfer-confirm", args=[order.number]) not in page
