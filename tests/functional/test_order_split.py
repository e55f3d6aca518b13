"""An order split by cooperative, through the pages: each cooperative sees and ships only its
own part in the dashboard; the customer follows one parcel per cooperative."""

from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency
from oscar.test.factories import ShippingEventFactory

from marketplace.order import services
from tests.factories import ocop_order

pytestmark = pytest.mark.django_db

PaymentEvent = get_model("order", "PaymentEvent")
PaymentEventType = get_model("order", "PaymentEventType")


def _text(response):
    return response.content.decode().replace("\u00a0", " ")


def _price(amount):
    return currency(Decimal(amount), "VND").replace("\u00a0", " ")


@pytest.fixture
def order(customer, tea, honey, tea_user, honey_user):
    """Two packs of tea (250.000 ₫) and a jar of honey (390.000 ₫) in one order."""
    return ocop_order(items=[(tea, 2), (honey, 1)], user=customer)


@pytest.fixture
def honey_only_order(customer, honey, honey_user):
    return ocop_order(items=[(honey, 3)], user=customer)


def detail_url(order):
    return reverse("dashboard:order-detail", kwargs={"number": order.number})


def advance_url(shipment):
    return reverse(
        "dashboard:order-shipment-advance",
        kwargs={"number": shipment.order.number, "shipment_id": shipment.pk},
    )


def test_each_cooperative_sees_only_its_own_lines_on_the_order_page(
    client, order, tea_user, honey_user, customer
):
    client.force_login(tea_user)
    page = _text(client.get(detail_url(order)))

    assert "Chè Shan tuyết" in page
    assert _price(250000) in page  # its own lines' subtotal
    assert "Mật ong hoa bạc hà" not in page
    assert _price(390000) not in page
    assert _price(640000) not in page  # the order total
    # The address the parcel goes to, but not the customer's e-mail.
    assert "Nguyễn Thị Lan" in page and "12 Đường Hùng Vương" in page
    assert "+84912345678" in page
    assert customer.email not in page

    client.force_login(honey_user)
    page = _text(client.get(detail_url(order)))

    assert "Mật ong hoa bạc hà" in page and _price(390000) in page
    assert "Chè Shan tuyết" not in page and _price(250000) not in page


def test_another_cooperatives_lines_stay_hidden_in_events_and_notes(client, order, tea_user, honey):
    honey_line = order.lines.get(product=honey)
    shipping_event = ShippingEventFactory(order=order, event_type__name="Đã chuyển cho bưu cục")
    shipping_event.line_quantities.create(line=honey_line, quantity=1)
    payment_event = PaymentEvent.objects.create(
        order=order,
        event_type=PaymentEventType.objects.create(name="Đã thanh toán", code="paid"),
        amount=Decimal(640000),
    )
    payment_event.line_quantities.create(line=honey_line, quantity=1)
    order.notes.create(message="Khách dặn giao mật ong buổi sáng", note_type="Info")
    client.force_login(tea_user)

    page = _text(client.get(detail_url(order)))

    assert "Chè Shan tuyết" in page
    assert "Mật ong" not in page
    assert _price(640000) not in page
    assert "Đã chuyển cho bưu cục" not in page and "Đã thanh toán" not in page
    assert "buổi sáng" not in page


def test_staff_see_every_line_and_the_order_total(client, order, staff_user):
    client.force_login(staff_user)
    page = _text(client.get(detail_url(order)))

    assert "Chè Shan tuyết" in page and "Mật ong hoa bạc hà" in page
    assert _price(640000) in page
    assert page.count('class="card card-body mb-3 shipment"') == 2


def test_a_cooperative_cannot_open_an_order_without_its_lines(client, honey_only_order, tea_user):
    client.force_login(tea_user)

    assert client.get(detail_url(honey_only_order)).status_code == 404
    response = client.get(reverse("dashboard:order-list"))
    assert honey_only_order.number not in _text(response)


def test_a_cooperative_cannot_open_another_cooperatives_line(client, order, tea_user, honey):
    honey_line = order.lines.get(product=honey)
    client.force_login(tea_user)

    url = reverse(
        "dashboard:order-line-detail", kwargs={"number": order.number, "line_id": honey_line.pk}
    )
    assert client.get(url).status_code == 404


def test_a_line_action_on_another_cooperatives_line_is_refused(client, order, tea_user, honey):
    honey_line = order.lines.get(product=honey)
    client.force_login(tea_user)

    response = client.post(
        detail_url(order),
        {
            "line_action": "change_line_statuses",
            "selected_line": [honey_line.pk],
            f"selected_line_qty_{honey_line.pk}": 1,
            "new_status": "Shipped",
        },
    )

    assert response.status_code == 403
    honey_line.refresh_from_db()
    assert honey_line.status == ""
    assert not order.notes.exists()


def test_order_level_actions_are_refused_to_a_cooperative(client, order, tea_user):
    status = order.status
    client.force_login(tea_user)

    for data in (
        {"order_action": "change_order_status", "new_status": "Cancelled"},
        {"order_action": "save_note", "message": "Ghi chú của HTX chè"},
    ):
        assert client.post(detail_url(order), data).status_code == 403

    order.refresh_from_db()
    assert order.status == status
    assert not order.notes.exists()


def test_a_cooperative_cannot_change_the_shipping_address(client, order, tea_user):
    url = reverse("dashboard:order-shipping-address", kwargs={"number": order.number})
    client.force_login(tea_user)

    assert client.get(url).status_code == 403
    assert client.post(url, {"first_name": "Kẻ", "line1": "Nơi khác"}).status_code == 403
    order.shipping_address.refresh_from_db()
    assert order.shipping_address.line1 == "12 Đường Hùng Vương"


def test_a_cooperative_ships_its_parcel_from_the_dashboard(
    client, order, tea_cooperative, tea_user, customer, django_capture_on_commit_callbacks
):
    shipment = order.shipments.get(cooperative=tea_cooperative)
    client.force_login(tea_user)
    page = _text(client.get(detail_url(order)))
    assert advance_url(shipment) in page and "Đã đóng gói" in page

    client.post(advance_url(shipment), {"to_status": "packed"})
    page = _text(client.get(detail_url(order)))
    assert "Đã gửi hàng" in page and "Viettel Post" in page  # the carrier select
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            advance_url(shipment),
            {"to_status": "shipped", "carrier": "viettel_post", "tracking_code": "VTP777"},
        )

    assert response.status_code == 302
    shipment.refresh_from_db()
    assert (shipment.status, shipment.carrier, shipment.tracking_code) == (
        "shipped",
        "viettel_post",
        "VTP777",
    )
    assert [m.to for m in mail.outbox] == [[customer.email]]


def test_shipping_without_a_tracking_code_is_refused_with_a_message(
    client, order, tea_cooperative, tea_user
):
    shipment = order.shipments.get(cooperative=tea_cooperative)
    client.force_login(tea_user)
    client.post(advance_url(shipment), {"to_status": "packed"})

    response = client.post(
        advance_url(shipment), {"to_status": "shipped", "carrier": "ghn"}, follow=True
    )

    assert "Hãy nhập mã vận đơn." in _text(response)
    shipment.refresh_from_db()
    assert shipment.status == "packed"


def test_advancing_another_cooperatives_shipment_is_refused(
    client, order, honey_cooperative, tea_user, honey_only_order
):
    honey_shipment = order.shipments.get(cooperative=honey_cooperative)
    client.force_login(tea_user)

    response = client.post(advance_url(honey_shipment), {"to_status": "packed"})

    assert response.status_code == 403
    honey_shipment.refresh_from_db()
    assert honey_shipment.status == "pending"
    # Nor through an order it has no part in, by changing the number in the URL.
    other = honey_only_order.shipments.get()
    assert client.post(advance_url(other), {"to_status": "packed"}).status_code == 404
    # Nor by pairing its own order's number with the other order's shipment id.
    url = reverse(
        "dashboard:order-shipment-advance",
        kwargs={"number": order.number, "shipment_id": other.pk},
    )
    assert client.post(url, {"to_status": "packed"}).status_code == 404
    other.refresh_from_db()
    assert other.status == "pending"


def test_the_order_list_shows_a_cooperative_its_own_value_not_the_order_total(
    client, order, tea_user, customer
):
    client.force_login(tea_user)
    page = _text(client.get(reverse("dashboard:order-list")))

    assert order.number in page
    assert _price(250000) in page
    assert _price(640000) not in page
    assert customer.email not in page


def test_a_cooperatives_csv_and_statistics_count_only_its_own_lines(
    client, order, tea_user, customer
):
    client.force_login(tea_user)

    csv = client.get(reverse("dashboard:order-list"), {"response_format": "csv"})
    stats = _text(client.get(reverse("dashboard:order-stats")))

    rows = csv.content.decode().splitlines()
    assert len(rows) == 2 and order.number in rows[1]
    assert "250000" in rows[1] and "640000" not in rows[1]
    assert customer.email not in csv.content.decode()
    assert _price(250000) in stats and _price(640000) not in stats


def test_a_cooperative_cannot_change_order_statuses_from_the_list(client, order, tea_user):
    status = order.status
    client.force_login(tea_user)

    response = client.post(
        reverse("dashboard:order-list"),
        {"action": "change_order_statuses", "selected_order": [order.pk], "new_status": "X"},
    )

    assert response.status_code == 403
    order.refresh_from_db()
    assert order.status == status


def test_a_cooperatives_order_search_finds_only_its_own_products(client, order, tea_user):
    client.force_login(tea_user)
    url = reverse("dashboard:order-list")

    assert order.number in _text(client.get(url, {"product_title": "Chè"}))
    assert order.number not in _text(client.get(url, {"product_title": "Mật ong"}))


def test_the_customer_sees_one_shipment_per_cooperative_with_its_status(
    client, order, tea_cooperative, tea_user, customer
):
    shipment = order.shipments.get(cooperative=tea_cooperative)
    services.shipment_advance(shipment=shipment, to_status="packed", by=tea_user)
    services.shipment_advance(
        shipment=shipment,
        to_status="shipped",
        carrier="ghtk",
        tracking_code="GHTK-2468",
        by=tea_user,
    )
    client.force_login(customer)

    page = _text(client.get(reverse("customer:order", kwargs={"order_number": order.number})))

    assert page.count('class="card mb-3 shipment"') == 2
    tea_part, honey_part = (
        page.split("Kiện hàng từ Hợp tác xã Chè Cẩm Mỹ")[1].split("Kiện hàng từ")[0],
        page.split("Kiện hàng từ Hợp tác xã Mật ong Bạc Hà")[1],
    )
    assert "Đang giao" in tea_part and "Giao Hàng Tiết Kiệm" in tea_part
    assert "GHTK-2468" in tea_part and "Chè Shan tuyết" in tea_part
    assert "Chờ đóng gói" in honey_part and "Mật ong hoa bạc hà" in honey_part
    assert _price(640000) in page  # the customer still sees the whole order's total


def test_an_order_without_shipments_keeps_oscars_page(client, order, customer):
    order.shipments.all().delete()
    client.force_login(customer)

    page = _text(client.get(reverse("customer:order", kwargs={"order_number": order.number})))

    assert "Chè Shan tuyết" in page and "Mật ong hoa bạc hà" in page
    assert 'class="card mb-3 shipment"' not in page
