"""The bank's signed notifications pay VietQR orders as the money arrives, by the statement
import's rule; a replay changes nothing; anything unsigned, stale or unreadable is refused;
transfers that paid nothing wait in staff's queue."""

import json
import time

import pytest
from django.urls import reverse

from marketplace.payments import bank_notifications, services
from marketplace.payments.models import BankTransfer, Payment
from tests.factories import ocop_order

pytestmark = pytest.mark.django_db

URL = reverse("payments:bank-notify")
SECRET = "bank-webhook-secret-for-tests"


@pytest.fixture(autouse=True)
def _secret(settings):
    settings.BANK_WEBHOOK_SECRET = SECRET
    settings.BANK_WEBHOOK_TOLERANCE_SECONDS = 300


def transfer_order(product):
    order = ocop_order(items=[(product, 1)])
    services.payment_create(order=order, method=Payment.Method.VIETQR)
    return order


def notify(client, body, *, timestamp=None, secret=SECRET, header=None):
    payload = json.dumps(body).encode() if not isinstance(body, bytes) else body
    timestamp = int(time.time()) if timestamp is None else timestamp
    if header is None:
        header = bank_notifications.sign(payload=payload, secret=secret, timestamp=timestamp)
    return client.post(URL, payload, content_type="application/json",
                       HTTP_X_BANK_SIGNATURE=header)  # fmt: skip


def credit(order, *, reference="FT26330001", amount=None, description=None):
    return {
        "reference": reference,
        "amount": int(order.total_incl_tax) if amount is None else amount,
        "description": f"MBVCB.1234.{order.number}.NGUYEN THI LAN"
        if description is None
        else description,
        "booked_on": "2026-11-30",
        "type": "credit",
    }


def test_a_signed_transfer_with_the_order_number_and_amount_pays_the_order(client, tea):
    order = transfer_order(tea)

    response = notify(client, credit(order))

    assert response.status_code == 200
    assert response.json() == {"status": "paid", "reference": "FT26330001", "replay": False}
    payment = Payment.objects.get(order=order)
    assert payment.status == Payment.Status.PAID and payment.bank_reference == "FT26330001"


def test_a_replayed_notification_changes_nothing_the_second_time(client, tea, honey):
    order = transfer_order(tea)
    first = notify(client, credit(order))
    paid_at = Payment.objects.get(order=order).paid_at
    # The same transfer, again and again, even re-signed later within the tolerance.
    replies = [notify(client, credit(order), timestamp=int(time.time()) + n) for n in range(3)]

    assert first.json()["replay"] is False
    assert {r.status_code for r in replies} == {200}
    assert all(r.json()["replay"] for r in replies)
    assert BankTransfer.objects.count() == 1
    assert Payment.objects.get(order=order).paid_at == paid_at


def test_the_statement_import_later_finds_the_transfer_already_imported(client, tea, staff_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from marketplace.payments import statement_import

    order = transfer_order(tea)
    notify(client, credit(order))
    line = f"30/11/2026,{int(order.total_incl_tax)},{order.number},FT26330001"
    csv = f"date,amount,description,reference\n{line}\n"
    report = statement_import.bank_statement_import(
        upload=SimpleUploadedFile("s.csv", csv.encode()), by=staff_user
    )
    assert report["counts"] == {"already_imported": 1}


@pytest.mark.parametrize(
    "header",
    ["", "t=1,v1=deadbeef", "v1=abc", "t=abc,v1=abc", "garbage", "t=99999999999999,v1=ab"],
)
def test_an_unsigned_or_badly_signed_notification_is_refused_and_changes_nothing(
    client, tea, header
):
    order = transfer_order(tea)
    response = notify(client, credit(order), header=header)
    assert response.status_code == 400
    assert not BankTransfer.objects.exists()
    assert Payment.objects.get(order=order).status == Payment.Status.PENDING


def test_a_notification_signed_with_another_secret_is_refused(client, tea):
    order = transfer_order(tea)
    assert notify(client, credit(order), secret="someone-else").status_code == 400
    assert Payment.objects.get(order=order).status == Payment.Status.PENDING


def test_a_captured_notification_sent_again_later_is_refused(client, tea):
    order = transfer_order(tea)
    response = notify(client, credit(order), timestamp=int(time.time()) - 3600)
    assert response.status_code == 400
    assert Payment.objects.get(order=order).status == Payment.Status.PENDING


def test_a_changed_body_breaks_the_signature(client, tea):
    order = transfer_order(tea)
    payload = json.dumps(credit(order, amount=1)).encode()
    header = bank_notifications.sign(payload=payload, secret=SECRET, timestamp=int(time.time()))
    tampered = payload.replace(b'"amount": 1,', f'"amount": {int(order.total_incl_tax)},'.encode())
    assert notify(client, tampered, header=header).status_code == 400
    assert Payment.objects.get(order=order).status == Payment.Status.PENDING


@pytest.mark.parametrize(
    "body",
    [b"not json", b"[]", {"amount": 5}, {"reference": "FT1"},
     {"reference": "FT1", "amount": -5}, {"reference": "FT1", "amount": "12.5"},
     {"reference": "FT1", "amount": True}, {"reference": "FT1", "amount": 5, "booked_on": "x"},
     {"reference": "F\x00T", "amount": 5}, {"reference": "x" * 65, "amount": 5},
     {"reference": "FT1", "amount": "NaN"}],
)  # fmt: skip
def test_a_signed_but_unreadable_notification_gets_400(client, body):
    response = notify(client, body)
    assert response.status_code == 400
    assert not BankTransfer.objects.exists()


def test_an_outgoing_transfer_is_ignored(client, tea):
    order = transfer_order(tea)
    body = {**credit(order), "type": "debit"}
    assert notify(client, body).json() == {"status": "ignored"}
    assert not BankTransfer.objects.exists()


def test_without_a_secret_the_endpoint_does_not_exist(client, settings, tea):
    settings.BANK_WEBHOOK_SECRET = ""
    assert notify(client, credit(transfer_order(tea))).status_code == 404


def test_transfers_that_pay_nothing_wait_in_staffs_queue_until_handled(
    client, tea, honey, staff_user
):
    order = transfer_order(tea)
    notify(client, credit(order, reference="FT-SAI-TIEN", amount=1000))
    notify(client, credit(order, reference="FT-KHONG-SO", description="chuyen tien hang"))
    notify(client, credit(order, reference="FT-DUNG"))
    notify(client, credit(order, reference="FT-LAN-HAI"))  # paid already: money to return

    queue = {t.reference: t.outcome for t in bank_notifications.unmatched_transfers()}
    assert queue == {"FT-SAI-TIEN": "mismatched", "FT-KHONG-SO": "unmatched",
                     "FT-LAN-HAI": "already_paid"}  # fmt: skip
    client.force_login(staff_user)
    page = client.get(reverse("payments:bank-transfers")).content.decode()
    assert "FT-SAI-TIEN" in page and "FT-DUNG" not in page

    transfer = BankTransfer.objects.get(reference="FT-LAN-HAI")
    handle = reverse("payments:bank-transfer-handle", args=[transfer.pk])
    refused = client.post(handle, {"note": ""}, follow=True)
    assert "Hãy ghi đã xử lý" in refused.content.decode()
    client.post(handle, {"note": "Đã chuyển trả người mua"})
    transfer.refresh_from_db()
    assert transfer.handled_by == staff_user and transfer.handled_note == "Đã chuyển trả người mua"
    assert "FT-LAN-HAI" not in {t.reference for t in bank_notifications.unmatched_transfers()}


def test_cooperatives_cannot_see_the_queue(client, tea_user):
    client.force_login(tea_user)
    assert client.get(reverse("payments:bank-transfers")).status_code == 403
