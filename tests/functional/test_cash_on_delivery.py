"""Cash on delivery: each cooperative hands its parcel over and takes the cash; the order
is paid when every parcel's cash is in, and staff see the ones still out."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.order.services import shipment_advance
from marketplace.payments.models import CashCollection, Payment
from tests import checkout_steps as steps

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")


def _text(response):
    return response.content.decode().replace("\u00a0", " ")


@pytest.fixture
def cod_order(client, tea, honey, tea_user, honey_user):
    steps.place_order(client, steps.checkout(client, [(tea, 1), (honey, 1)], method="cod"))
    order = Order.objects.get()
    for shipment in order.shipments.select_related("cooperative"):
        user = tea_user if shipment.cooperative.partner.users.filter(pk=tea_user.pk) else honey_user
        shipment_advance(shipment=shipment, to_status="packed", by=user)
        shipment_advance(
            shipment=shipment, to_status="shipped", carrier="ghn", tracking_code="GHN1", by=user
        )
    return order


def test_the_order_is_paid_once_every_cooperative_has_collected_its_cash(
    client, cod_order, tea_user, honey_user, staff_user
):
    tea_parcel = cod_order.shipments.get(cooperative__partner__users=tea_user)
    honey_parcel = cod_order.shipments.get(cooperative__partner__users=honey_user)

    client.force_login(tea_user)
    page = _text(client.get(reverse("payments:cash-parcels")))
    assert cod_order.number in page and page.count("/collect/") == 1  # its own parcel only
    client.post(reverse("payments:cash-collect", args=[tea_parcel.pk]))

    tea_parcel.refresh_from_db()
    assert tea_parcel.status == "delivered"
    assert Payment.objects.get().status == Payment.Status.PENDING
    client.force_login(staff_user)
    assert f">{cod_order.number}</a>" in _text(client.get(reverse("payments:unpaid-orders")))

    client.force_login(honey_user)
    client.post(reverse("payments:cash-collect", args=[honey_parcel.pk]))

    payment = Payment.objects.get()
    assert payment.status == Payment.Status.PAID and payment.confirmed_by == honey_user
    cod_order.refresh_from_db()
    assert cod_order.status == "paid"
    client.force_login(staff_user)
    assert f">{cod_order.number}</a>" not in _text(client.get(reverse("payments:unpaid-orders")))


def test_a_cooperative_cannot_collect_for_another_cooperatives_parcel(
    client, cod_order, tea_user, honey_user
):
    honey_parcel = cod_order.shipments.get(cooperative__partner__users=honey_user)
    client.force_login(tea_user)

    response = client.post(reverse("payments:cash-collect", args=[honey_parcel.pk]))

    assert response.status_code == 403
    honey_parcel.refresh_from_db()
    assert honey_parcel.status == "shipped"
    assert not CashCollection.objects.exists()


def test_cash_cannot_be_collected_before_the_parcel_leaves(client, tea, tea_user):
    steps.place_order(client, steps.checkout(client, [(tea, 1)], method="cod"))
    shipment = Order.objects.get().shipments.get()
    client.force_login(tea_user)

    response = client.post(reverse("payments:cash-collect", args=[shipment.pk]), follow=True)

    assert "Chỉ thu tiền được khi kiện hàng đang giao hoặc đã giao." in _text(response)
    assert not CashCollection.objects.exists()


def test_collecting_twice_records_the_cash_once(client, cod_order, tea_user):
    tea_parcel = cod_order.shipments.get(cooperative__partner__users=tea_user)
    client.force_login(tea_user)

    client.post(reverse("payments:cash-collect", args=[tea_parcel.pk]))
    client.post(reverse("payments:cash-collect", args=[tea_parcel.pk]))

    assert CashCollection.objects.count() == 1


def test_customers_cannot_open_the_cash_pages(client, cod_order, customer):
    client.force_login(customer)

    assert client.get(reverse("payments:cash-parcels")).status_code == 403
    assert client.get(reverse("payments:unpaid-orders")).status_code == 403


def test_the_buyer_sees_the_order_move_from_awaiting_cod_to_shipped(client, cod_order):
    from marketplace.payments.selectors import order_buyer_status

    assert order_buyer_status(cod_order)[0] == "shipped"
