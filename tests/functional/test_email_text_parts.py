"""E-mails' subjects and text parts show names as typed; their HTML parts escape them.

A plain-text part is not HTML: ``Chè "Tân Cương" & mật`` must not arrive as
``Chè &quot;Tân Cương&quot; &amp; mật``. The HTML part must still escape it, so a name
can never add markup to the message.
"""

import html

import pytest
from django.core import mail
from oscar.core.loading import get_model

from catalogue.services import certificates_warn_expiring
from marketplace.order.services import shipment_advance
from marketplace.partner.services import cooperative_apply
from tests import checkout_steps as steps
from tests import factories
from traceability.services import batch_recall

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
Shipment = get_model("order", "Shipment")

TITLE = 'Chè "Tân Cương" & mật'
SELLER = 'HTX "Trà Tân Cương" & Con'
ESCAPED = ("&quot;", "&amp;", "&#x27;", "&#34;", "&#39;", "&lt;", "&gt;")


def _assert_literal(text, name):
    assert name in text, text
    assert not any(entity in text for entity in ESCAPED), text


def _assert_escaped(markup, name):
    assert name not in markup
    assert html.escape(name, quote=False) in markup or html.escape(name) in markup


def _html_part(message):
    [(markup, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return markup


@pytest.fixture
def seller():
    return factories.CooperativeFactory(partner__name=SELLER, slug="htx-tra-tan-cuong")


@pytest.fixture
def seller_user(seller):
    return factories.cooperative_user(seller)


@pytest.fixture
def quoted_tea(seller):
    return factories.ocop_product(cooperative=seller, title=TITLE, price=125000)


@pytest.fixture
def order(client, quoted_tea, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        steps.place_order(client, steps.checkout(client, [(quoted_tea, 1)], method="cod"))
    return Order.objects.get()


def test_the_order_confirmation_and_the_cooperatives_notice_show_the_title_as_typed(
    seller_user, order
):
    confirmation = next(m for m in mail.outbox if m.to == [order.email])
    _assert_literal(confirmation.body, TITLE)
    _assert_escaped(_html_part(confirmation), TITLE)

    notice = next(m for m in mail.outbox if m.to == [seller_user.email])
    _assert_literal(notice.body, TITLE)
    _assert_literal(notice.body, SELLER)


def test_the_shipping_mail_names_the_seller_as_typed_in_its_subject_and_text(
    order, seller_user, django_capture_on_commit_callbacks
):
    shipment = order.shipments.get()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        shipment_advance(shipment=shipment, to_status=Shipment.Status.PACKED, by=seller_user)
        shipment_advance(shipment=shipment, to_status=Shipment.Status.SHIPPED,
                         carrier=Shipment.Carrier.GIAO_HANG_NHANH,
                         tracking_code="GHN-1&2", by=seller_user)  # fmt: skip

    [shipped] = mail.outbox
    _assert_literal(shipped.subject, SELLER)
    _assert_literal(shipped.body, SELLER)
    _assert_literal(shipped.body, "GHN-1&2")
    _assert_escaped(_html_part(shipped), SELLER)


def test_the_recall_mail_shows_the_title_and_reason_as_typed(
    order, seller, seller_user, django_capture_on_commit_callbacks
):
    batch = factories.trace_batch(cooperative=seller, product=order.lines.get().product,
                                  user=seller_user, kinds=["harvest"])  # fmt: skip
    factories.ship_order(order, seller_user)  # the line's units are taken from the batch
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        batch_recall(batch=batch, reason='Độ ẩm > 12% & "mốc"', by=seller_user)

    [recall] = [m for m in mail.outbox if m.to == [order.email]]
    _assert_literal(recall.subject, TITLE)
    _assert_literal(recall.body, TITLE)
    _assert_literal(recall.body, 'Độ ẩm > 12% & "mốc"')


def test_the_application_mails_name_the_cooperative_as_typed(
    staff_user, django_capture_on_commit_callbacks
):
    from tests.factories import CAM_KHE, PHU_THO

    with django_capture_on_commit_callbacks(execute=True):
        cooperative_apply(
            name='HTX "Mật ong" & Hoa', province_code=PHU_THO, ward_code=CAM_KHE,
            address="Thôn Đồng Lạc", founded_year=2012, members_count=15,
            story="Mật ong hoa nhãn & hoa vải.", contact_name="Nguyễn Thị Hoa",
            phone="0912 345 678", email="hoa@htx.example", password="mat-ong-hoa-nhan",
        )  # fmt: skip

    assert mail.outbox
    for message in mail.outbox:
        _assert_literal(message.subject, 'HTX "Mật ong" & Hoa')
        # Messages with only a text template get their HTML part from the text, escaped.
        markup = _html_part(message)
        if 'HTX "Mật ong" & Hoa' in message.body:
            _assert_escaped(markup, 'HTX "Mật ong" & Hoa')


def test_the_certificate_expiry_mail_shows_the_title_as_typed(quoted_tea, seller_user):
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    factories.ocop_certificate(product=quoted_tea, issued_on=today - datetime.timedelta(days=1000),
                               expires_on=today + datetime.timedelta(days=20))  # fmt: skip
    mail.outbox.clear()

    certificates_warn_expiring()

    [warning] = mail.outbox
    _assert_literal(warning.body, TITLE)
