"""The buyer hears of their parcel (shipped with its tracking code, delivered) and of a
refund in the language they checked out in, as plain text and HTML."""

import pytest
from django.core import mail
from django.utils import translation
from oscar.core.loading import get_model

from marketplace.order.services import shipment_advance
from marketplace.payments import refunds, transfers
from tests import checkout_steps as steps

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
Shipment = get_model("order", "Shipment")
TRACKING = "GHN0012345VN"


def place_order(client, product, language):
    # The shop in ``language``: its addresses (/shop/… or /en/shop/…) decide.
    with translation.override(language):
        steps.place_order(client, steps.checkout(client, [(product, 1)], method="vietqr"))
    return Order.objects.get()


def buyer_mails(order):
    return [m for m in mail.outbox if m.to == [order.email]]


def html_of(message):
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


@pytest.mark.parametrize(
    ("language", "shipped", "delivered", "tracking_label", "html_text"),
    [
        ("vi", "đang được giao", "đã được giao", "Mã vận đơn:", "đã được gửi đi"),
        ("en", "is on its way", "delivered", "Tracking number:", "has been shipped"),
    ],
)
def test_the_buyer_is_told_of_shipping_and_delivery_in_their_language(
    client,
    tea,
    tea_user,
    django_capture_on_commit_callbacks,
    language,
    shipped,
    delivered,
    tracking_label,
    html_text,
):
    order = place_order(client, tea, language)
    assert order.language == language
    shipment = order.shipments.get()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        shipment_advance(shipment=shipment, to_status=Shipment.Status.PACKED, by=tea_user)
        shipment_advance(
            shipment=shipment,
            to_status=Shipment.Status.SHIPPED,
            carrier=Shipment.Carrier.GIAO_HANG_NHANH,
            tracking_code=TRACKING,
            by=tea_user,
        )
        shipment_advance(shipment=shipment, to_status=Shipment.Status.DELIVERED, by=tea_user)

    sent, arrived = buyer_mails(order)
    assert shipped in sent.subject and order.number in sent.subject
    assert f"{tracking_label} {TRACKING}" in sent.body and "Giao Hàng Nhanh" in sent.body
    assert TRACKING in html_of(sent) and tracking_label in html_of(sent)
    assert html_text in html_of(sent)
    assert delivered in arrived.subject
    assert "Chè Shan tuyết" in html_of(arrived)


@pytest.mark.parametrize(
    ("language", "subject", "body", "html_text"),
    [
        ("vi", "đã hoàn tiền", "Chợ OCOP đã hoàn 50.000 ₫", "Chợ OCOP đã hoàn <strong>50.000 ₫"),
        ("en", "refunded", "has refunded 50.000 ₫", "has refunded <strong>50.000 ₫"),
    ],
)
def test_the_buyer_is_told_of_a_refund_in_their_language(
    client, tea, staff_user, django_capture_on_commit_callbacks, language, subject, body, html_text
):
    order = place_order(client, tea, language)
    transfers.vietqr_confirm(order=order, by=staff_user)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        refunds.refund_create(
            payment=order.payment, amount=50000, reason="Hộp bị móp", by=staff_user
        )

    [notice] = buyer_mails(order)
    assert subject in notice.subject
    assert body in notice.body.replace("\xa0", " ")
    html = html_of(notice).replace("\xa0", " ")
    assert html_text in html and "Hộp bị móp" in html


def test_an_order_placed_before_languages_were_kept_is_written_to_in_vietnamese(
    client, tea, tea_user, django_capture_on_commit_callbacks
):
    order = place_order(client, tea, "en")
    Order.objects.filter(pk=order.pk).update(language="")
    shipment = order.shipments.get()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        shipment_advance(shipment=shipment, to_status=Shipment.Status.PACKED, by=tea_user)
        shipment_advance(
            shipment=shipment,
            to_status=Shipment.Status.SHIPPED,
            carrier=Shipment.Carrier.VIETTEL_POST,
            tracking_code=TRACKING,
            by=tea_user,
        )

    [sent] = buyer_mails(order)
    assert "đang được giao" in sent.subject
