"""An order with lines from several cooperatives is split into one shipment per cooperative."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from oscar.core.loading import get_model

from marketplace.order import services
from tests.factories import ocop_order

pytestmark = pytest.mark.django_db

Shipment = get_model("order", "Shipment")


@pytest.fixture
def place_order(customer, tea, honey, tea_user, honey_user, django_capture_on_commit_callbacks):
    """Place the customer's order for two packs of tea and a jar of honey, running on-commit."""

    def place():
        with django_capture_on_commit_callbacks(execute=True):
            return ocop_order(items=[(tea, 2), (honey, 1)], user=customer)

    return place


@pytest.fixture
def order(place_order):
    return place_order()


def shipment_of(order, cooperative):
    return order.shipments.get(cooperative=cooperative)


def test_placing_an_order_creates_one_pending_shipment_per_cooperative(
    order, tea_cooperative, honey_cooperative
):
    shipments = list(order.shipments.order_by("pk"))

    assert {s.cooperative for s in shipments} == {tea_cooperative, honey_cooperative}
    assert all(s.status == Shipment.Status.PENDING for s in shipments)


def test_each_cooperative_gets_one_email_listing_only_its_own_lines(
    place_order, tea_user, honey_user
):
    mail.outbox.clear()
    order = place_order()

    mails = {tuple(message.to): message for message in mail.outbox}
    assert set(mails) == {(tea_user.email,), (honey_user.email,)}
    tea_mail, honey_mail = mails[(tea_user.email,)], mails[(honey_user.email,)]
    assert order.number in tea_mail.subject
    assert "Đơn hàng mới" in tea_mail.subject
    assert "Chè Shan tuyết × 2" in tea_mail.body
    assert "Mật ong" not in tea_mail.body
    assert "390.000" not in tea_mail.body
    assert "Mật ong hoa bạc hà × 1" in honey_mail.body
    assert "Chè Shan tuyết" not in honey_mail.body
    assert f"/shop/dashboard/orders/{order.number}/" in honey_mail.body


def test_creating_shipments_again_creates_and_sends_nothing(
    order, django_capture_on_commit_callbacks
):
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        created = services.shipments_create_for_order(order=order)

    assert created == []
    assert order.shipments.count() == 2
    assert mail.outbox == []


def test_a_line_whose_seller_is_gone_goes_to_its_products_cooperative(
    order, tea_cooperative, honey_cooperative
):
    order.lines.update(partner=None, stockrecord=None)
    order.shipments.all().delete()

    created = services.shipments_create_for_order(order=order)

    assert {s.cooperative for s in created} == {tea_cooperative, honey_cooperative}


def test_a_shipment_moves_forward_step_by_step(order, tea_cooperative, tea_user):
    shipment = shipment_of(order, tea_cooperative)

    services.shipment_advance(shipment=shipment, to_status="packed", by=tea_user)
    assert shipment.status == "packed" and shipment.packed_at is not None
    services.shipment_advance(
        shipment=shipment,
        to_status="shipped",
        carrier=Shipment.Carrier.VIETTEL_POST,
        tracking_code=" VTP123456789 ",
        by=tea_user,
    )
    assert shipment.status == "shipped" and shipment.shipped_at is not None
    assert shipment.tracking_code == "VTP123456789"
    services.shipment_advance(shipment=shipment, to_status="delivered", by=tea_user)

    shipment.refresh_from_db()
    assert shipment.status == "delivered"
    assert shipment.packed_at <= shipment.shipped_at <= shipment.delivered_at


@pytest.mark.parametrize(
    ("start", "target"),
    [
        ("pending", "shipped"),  # packing is not skipped
        ("pending", "delivered"),
        ("packed", "pending"),  # never backwards
        ("shipped", "packed"),
        ("delivered", "shipped"),
        ("packed", "packed"),
    ],
)
def test_a_shipment_never_moves_backwards_or_skips_a_step(
    order, tea_cooperative, tea_user, start, target
):
    shipment = shipment_of(order, tea_cooperative)
    Shipment.objects.filter(pk=shipment.pk).update(
        status=start, carrier="ghn", tracking_code="GHN1"
    )

    with pytest.raises(ValidationError):
        services.shipment_advance(
            shipment=shipment, to_status=target, carrier="ghn", tracking_code="GHN2", by=tea_user
        )

    shipment.refresh_from_db()
    assert shipment.status == start


@pytest.mark.parametrize(
    ("carrier", "tracking_code"), [("", "GHN123"), ("ghn", ""), ("ghn", "   "), ("dhl", "X1")]
)
def test_shipping_needs_a_known_carrier_and_a_tracking_code(
    order, tea_cooperative, tea_user, carrier, tracking_code
):
    shipment = shipment_of(order, tea_cooperative)
    services.shipment_advance(shipment=shipment, to_status="packed", by=tea_user)

    with pytest.raises(ValidationError):
        services.shipment_advance(
            shipment=shipment,
            to_status="shipped",
            carrier=carrier,
            tracking_code=tracking_code,
            by=tea_user,
        )

    shipment.refresh_from_db()
    assert (shipment.status, shipment.carrier, shipment.tracking_code) == ("packed", "", "")


def test_the_database_refuses_a_shipped_parcel_without_tracking(order, tea_cooperative):
    shipment = shipment_of(order, tea_cooperative)

    with pytest.raises(IntegrityError), transaction.atomic():
        Shipment.objects.filter(pk=shipment.pk).update(status="shipped")


def test_a_cooperative_cannot_move_another_cooperatives_shipment(
    order, honey_cooperative, tea_user, customer
):
    shipment = shipment_of(order, honey_cooperative)

    for outsider in (tea_user, customer):
        with pytest.raises(PermissionDenied):
            services.shipment_advance(shipment=shipment, to_status="packed", by=outsider)

    shipment.refresh_from_db()
    assert shipment.status == "pending" and shipment.packed_at is None


def test_only_staff_cancel_a_shipment(order, tea_cooperative, tea_user, staff_user):
    shipment = shipment_of(order, tea_cooperative)

    with pytest.raises(PermissionDenied):
        services.shipment_advance(shipment=shipment, to_status="cancelled", by=tea_user)
    services.shipment_advance(shipment=shipment, to_status="cancelled", by=staff_user)

    shipment.refresh_from_db()
    assert shipment.status == "cancelled"


def test_the_customer_is_emailed_when_the_parcel_ships_and_arrives(
    order, tea_cooperative, tea_user, customer, django_capture_on_commit_callbacks
):
    shipment = shipment_of(order, tea_cooperative)
    services.shipment_advance(shipment=shipment, to_status="packed", by=tea_user)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.shipment_advance(
            shipment=shipment,
            to_status="shipped",
            carrier=Shipment.Carrier.JT_EXPRESS,
            tracking_code="JT0099887766",
            by=tea_user,
        )

    assert len(mail.outbox) == 1
    shipped = mail.outbox[0]
    assert shipped.to == [customer.email]
    assert "đang được giao" in shipped.subject and order.number in shipped.subject
    assert "J&T Express" in shipped.body and "JT0099887766" in shipped.body
    assert "Chè Shan tuyết × 2" in shipped.body
    assert "Mật ong" not in shipped.body

    with django_capture_on_commit_callbacks(execute=True):
        services.shipment_advance(shipment=shipment, to_status="delivered", by=tea_user)

    assert len(mail.outbox) == 2
    assert "đã được giao" in mail.outbox[1].subject


def test_packing_sends_the_customer_nothing(
    order, tea_cooperative, tea_user, django_capture_on_commit_callbacks
):
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.shipment_advance(
            shipment=shipment_of(order, tea_cooperative), to_status="packed", by=tea_user
        )

    assert mail.outbox == []
