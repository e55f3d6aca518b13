"""Lots on every shipped line, and a recall that reaches exactly the buyers of its lot.

Shipping a parcel takes each line's units from lots (oldest first, or as the cooperative
chose before); recalling a lot stops its sale and e-mails each of its buyers once, in
their language, through the task queue.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory

from tests.factories import cooperative_user, ocop_order, ship, ship_order, trace_batch
from traceability.models import Batch, LineBatch, RecallNotice
from traceability.services import batch_recall
from traceability.tasks import recall_fan_out

pytestmark = pytest.mark.django_db

StockRecord = get_model("partner", "StockRecord")
REASON = "Độ ẩm vượt ngưỡng"


def _lot(cooperative, product, user, code, quantity, days_ago):
    batch = trace_batch(cooperative=cooperative, product=product, user=user, lot_code=code,
                        kinds=["harvest"], photos_per_event=0)  # fmt: skip
    Batch.objects.filter(pk=batch.pk).update(
        quantity=quantity, produced_on=timezone.localdate() - datetime.timedelta(days=days_ago)
    )
    batch.refresh_from_db()
    return batch


def _order(product, quantity, *, email, language):
    order = ocop_order(items=[(product, quantity)], user=UserFactory(email=email))
    order.language = language
    order.save(update_fields=["language"])
    return order


def _allocations(order):
    return sorted(
        LineBatch.objects.filter(line__order=order).values_list("batch__lot_code", "quantity")
    )


@pytest.fixture
def two_lots(tea_cooperative, tea_user, tea):
    """Lot A (older, 6 units) and lot B (100 units) of one tea, sold to four buyers."""
    older = _lot(tea_cooperative, tea, tea_user, "LO-A", 6, days_ago=40)
    newer = _lot(tea_cooperative, tea, tea_user, "LO-B", 100, days_ago=10)
    orders = {
        "an-1": _order(tea, 2, email="an@example.com", language="vi"),
        "an-2": _order(tea, 1, email="an@example.com", language="vi"),
        "binh": _order(tea, 4, email="binh@example.com", language="en"),
        "chi": _order(tea, 1, email="chi@example.com", language="vi"),
        "dung": _order(tea, 1, email="dung@example.com", language="en"),  # not shipped yet
    }
    for name in ("an-1", "an-2", "binh", "chi"):
        ship_order(orders[name], tea_user)
    return {"older": older, "newer": newer, "orders": orders}


def test_shipping_takes_each_line_from_the_oldest_lots_first(two_lots):
    orders = two_lots["orders"]

    assert _allocations(orders["an-1"]) == [("LO-A", 2)]
    assert _allocations(orders["an-2"]) == [("LO-A", 1)]
    assert _allocations(orders["binh"]) == [("LO-A", 3), ("LO-B", 1)]  # A had 3 left
    assert _allocations(orders["chi"]) == [("LO-B", 1)]
    assert _allocations(orders["dung"]) == []  # its parcel has not left


def test_recalling_a_lot_reaches_exactly_its_buyers_once_each_in_their_language(
    two_lots, tea_user, mailoutbox, django_capture_on_commit_callbacks
):
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        batch_recall(batch=two_lots["older"], reason=REASON, by=tea_user)
    with django_capture_on_commit_callbacks(execute=True):
        recall_fan_out(batch_pk=two_lots["older"].pk)  # a second run (a retry) sends nothing

    recalls = {m.to[0]: m for m in mailoutbox if "LO-A" in m.subject}
    assert sorted(recalls) == ["an@example.com", "binh@example.com"]  # not chi, not dung
    assert len([m for m in mailoutbox if "LO-A" in m.subject]) == 2  # once each
    an, binh = recalls["an@example.com"], recalls["binh@example.com"]
    assert an.subject.startswith("Thu hồi sản phẩm")
    assert binh.subject.startswith("Product recall")
    orders = two_lots["orders"]
    assert orders["an-1"].number in an.body and orders["an-2"].number in an.body
    assert REASON in an.body and REASON in binh.body
    assert set(RecallNotice.objects.values_list("contact", flat=True)) == {
        "an@example.com", "binh@example.com"
    }  # fmt: skip


def test_a_recalled_lot_cannot_be_bought_and_other_lots_ship_instead(
    two_lots, tea_user, tea, client
):
    batch_recall(batch=two_lots["older"], reason=REASON, by=tea_user)

    later = _order(tea, 2, email="em@example.com", language="vi")
    ship_order(later, tea_user)
    ship_order(two_lots["orders"]["dung"], tea_user)

    assert _allocations(later) == [("LO-B", 2)]
    assert _allocations(two_lots["orders"]["dung"]) == [("LO-B", 1)]
    shipped_after = LineBatch.objects.filter(line__order__in=[later, two_lots["orders"]["dung"]])
    assert "LO-A" not in set(shipped_after.values_list("batch__lot_code", flat=True))


def test_a_product_whose_only_lot_is_recalled_stops_selling_at_once(
    client, tea_cooperative, tea_user, tea, django_capture_on_commit_callbacks
):
    only = _lot(tea_cooperative, tea, tea_user, "LO-DUY-NHAT", 50, days_ago=5)
    record = tea.stockrecords.get()
    assert record.net_stock_level > 0

    with django_capture_on_commit_callbacks(execute=True):
        batch_recall(batch=only, reason=REASON, by=tea_user)

    record.refresh_from_db()
    assert record.net_stock_level == 0
    response = client.post(reverse("basket:add", kwargs={"pk": tea.pk}), {"quantity": 1})
    assert response.status_code == 302
    assert client.get(reverse("basket:summary")).context["basket"].num_items == 0


def test_a_parcel_not_yet_sent_drops_the_recalled_lot_from_its_plan(
    client, tea_cooperative, tea_user, tea
):
    older = _lot(tea_cooperative, tea, tea_user, "LO-CU", 10, days_ago=30)
    _lot(tea_cooperative, tea, tea_user, "LO-MOI", 10, days_ago=3)
    order = _order(tea, 2, email="hoa@example.com", language="vi")
    line = order.lines.get()
    client.force_login(tea_user)
    client.post(reverse("line-batch-assign", args=[line.pk]), {f"lot-{older.pk}": "2"})
    assert _allocations(order) == [("LO-CU", 2)]  # chosen before shipping

    batch_recall(batch=older, reason=REASON, by=tea_user)
    assert _allocations(order) == []
    ship_order(order, tea_user)

    assert _allocations(order) == [("LO-MOI", 2)]


def test_the_cooperative_chooses_lots_before_shipping_and_shipping_keeps_them(
    client, tea_cooperative, tea_user, tea
):
    older = _lot(tea_cooperative, tea, tea_user, "LO-1", 10, days_ago=30)
    newer = _lot(tea_cooperative, tea, tea_user, "LO-2", 10, days_ago=3)
    order = _order(tea, 3, email="lan@example.com", language="vi")
    line = order.lines.get()
    client.force_login(tea_user)
    page = client.get(reverse("dashboard:order-detail", args=[order.number])).content.decode()
    assert "LO-1" in page and "LO-2" in page

    refused = client.post(reverse("line-batch-assign", args=[line.pk]),
                          {f"lot-{older.pk}": "1", f"lot-{newer.pk}": "1"})  # fmt: skip
    assert refused.status_code == 302 and _allocations(order) == []  # 2 ≠ 3
    client.post(reverse("line-batch-assign", args=[line.pk]),
                {f"lot-{older.pk}": "1", f"lot-{newer.pk}": "2"})  # fmt: skip
    ship(order.shipments.get(), tea_user)

    assert _allocations(order) == [("LO-1", 1), ("LO-2", 2)]


def test_the_packing_slip_and_the_buyers_order_page_show_the_lots(
    client, two_lots, tea_user, tea_cooperative
):
    order = two_lots["orders"]["binh"]
    shipment = order.shipments.get()
    client.force_login(tea_user)

    slip = client.get(reverse("dashboard:order-shipment-packing-slip",
                              args=[order.number, shipment.pk]))  # fmt: skip
    client.force_login(order.user)
    mine = client.get(reverse("customer:order", kwargs={"order_number": order.number}))

    assert slip.status_code == 200
    text = slip.content.decode()
    assert "LO-A</strong> × 3" in text and "LO-B</strong> × 1" in text
    assert mine.status_code == 200
    page = mine.content.decode()
    assert "LO-A</a> × 3" in page and "LO-B</a> × 1" in page


def test_shipping_is_refused_when_the_lots_are_short(client, tea_cooperative, tea_user, tea):
    _lot(tea_cooperative, tea, tea_user, "LO-NHO", 1, days_ago=3)
    order = _order(tea, 2, email="son@example.com", language="vi")
    shipment = order.shipments.get()
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        ship(shipment, tea_user)

    assert "lô mới" in " ".join(refused.value.messages)
    shipment.refresh_from_db()
    assert shipment.status == "packed" and _allocations(order) == []


def test_another_cooperative_cannot_choose_lots_on_a_line_that_is_not_its_own(
    client, two_lots, honey_user
):
    line = two_lots["orders"]["dung"].lines.get()
    client.force_login(honey_user)

    response = client.post(reverse("line-batch-assign", args=[line.pk]),
                           {f"lot-{two_lots['newer'].pk}": "1"})  # fmt: skip

    assert response.status_code == 404
    assert _allocations(two_lots["orders"]["dung"]) == []


@pytest.mark.parametrize("value", ["", "abc", "-1", "99999999", "1.5"])
def test_a_junk_lot_value_is_a_message_not_an_error(client, two_lots, tea_user, value):
    order = two_lots["orders"]["dung"]
    client.force_login(tea_user)

    response = client.post(reverse("line-batch-assign", args=[order.lines.get().pk]),
                           {f"lot-{two_lots['newer'].pk}": value, "lot-abc": "1"})  # fmt: skip

    assert response.status_code == 302
    assert _allocations(order) == []


def test_a_lot_of_another_product_is_refused(client, two_lots, tea_cooperative, tea_user):
    grower = cooperative_user(tea_cooperative, "k@ocop.example")
    other = trace_batch(cooperative=tea_cooperative, lot_code="KHAC-1", kinds=["harvest"],
                        photos_per_event=0, user=grower)  # fmt: skip
    order = two_lots["orders"]["dung"]
    client.force_login(tea_user)

    client.post(reverse("line-batch-assign", args=[order.lines.get().pk]), {f"lot-{other.pk}": "1"})

    assert _allocations(order) == []
