"""When fulfilling, a cooperative records the batch shipped; a recall then e-mails its buyers."""

import pytest
from django.urls import reverse

from tests.factories import ocop_order, trace_batch
from traceability.models import LineBatch
from traceability.services import batch_recall

pytestmark = pytest.mark.django_db


@pytest.fixture
def sold(tea_cooperative, tea_user, tea, honey, customer):
    batch = trace_batch(cooperative=tea_cooperative, product=tea, user=tea_user)
    order = ocop_order(items=[(tea, 2), (honey, 1)], user=customer)
    return {"batch": batch, "order": order, "line": order.lines.get(product=tea)}


def _assign(client, line, batch):
    return client.post(reverse("line-batch-assign", args=[line.pk]), {"batch": batch.pk})


def test_the_cooperative_records_the_batch_and_a_recall_emails_the_buyer_once(
    client, sold, tea_user, customer, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(tea_user)
    page = client.get(reverse("dashboard:order-detail", args=[sold["order"].number]))
    assert sold["batch"].lot_code in page.content.decode()

    _assign(client, sold["line"], sold["batch"])
    assert LineBatch.objects.get(line=sold["line"]).batch == sold["batch"]

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        batch_recall(batch=sold["batch"], reason="Độ ẩm vượt ngưỡng", by=tea_user)
    with django_capture_on_commit_callbacks(execute=True):
        from traceability.tasks import recall_fan_out

        recall_fan_out(batch_pk=sold["batch"].pk)  # a second run (a retry) sends nothing

    (message,) = mailoutbox
    assert message.to == [customer.email]
    assert "Độ ẩm vượt ngưỡng" in message.body
    assert sold["order"].number in message.body


def test_another_cooperative_cannot_record_a_batch_on_a_line_that_is_not_its_own(
    client, sold, honey_user
):
    client.force_login(honey_user)

    response = _assign(client, sold["line"], sold["batch"])

    assert response.status_code == 404
    assert not LineBatch.objects.exists()


def test_a_batch_of_another_product_is_refused(client, sold, tea_user, honey, tea_cooperative):
    other = trace_batch(cooperative=tea_cooperative, lot_code="KHAC-1", user=tea_user)
    client.force_login(tea_user)

    _assign(client, sold["line"], other)

    assert not LineBatch.objects.exists()


@pytest.mark.parametrize("value", ["", "abc", "-1", "99999999"])
def test_a_junk_batch_value_is_a_message_not_an_error(client, sold, tea_user, value):
    client.force_login(tea_user)

    response = client.post(reverse("line-batch-assign", args=[sold["line"].pk]), {"batch": value})

    assert response.status_code == 302
    assert not LineBatch.objects.exists()
