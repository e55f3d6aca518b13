"""The cooperative API's journey (issue 16), as a channel tool drives it with curl:
a token, stock and price, the parcel packed then shipped, the lots of a harvest."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from oscar.core.loading import get_model

from tests.api_cooperative import api_client, results, token_secret, url
from tests.factories import ocop_order, ocop_product, ship, trace_batch

pytestmark = pytest.mark.django_db

LineBatch = get_model("traceability", "LineBatch")


@pytest.fixture
def order(customer, tea, honey, tea_user, honey_user):
    """Two packs of tea (tea's cooperative) and a jar of honey (another's) in one order."""
    return ocop_order(items=[(tea, 2), (honey, 1)], user=customer)


@pytest.fixture
def tea_lot(tea_cooperative, tea, tea_user):
    return trace_batch(
        cooperative=tea_cooperative,
        product=tea,
        user=tea_user,
        lot_code="CM-1",
        kinds=["harvest"],
        photos_per_event=0,
    )


def _shop_page(client, product):
    return client.get(product.get_absolute_url()).content.decode().replace("\u00a0", " ")


def test_a_channel_tool_updates_stock_and_ships_a_parcel_with_a_token(
    client, tea_user, tea, tea_lot, order, customer, tea_cooperative,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    api = api_client(token_secret(tea_user, ["catalogue:write", "orders:write"]))
    record = tea.stockrecords.get()
    assert "125.000 ₫" in _shop_page(client, tea)

    response = api.patch(
        url("stock-record-detail", pk=record.pk),
        {"num_in_stock": 40, "price": 130000},
        format="json",
    )

    assert response.status_code == 200, response.content
    assert (response.json()["num_in_stock"], response.json()["price"]) == (40, 130000)
    record.refresh_from_db()
    assert (record.num_in_stock, record.price) == (40, 130000)
    page = _shop_page(client, tea)  # the shop's page follows at once, cached or not
    assert "130.000 ₫" in page and "125.000 ₫" not in page

    [listed] = results(api.get(url("order-list")))
    assert listed["number"] == order.number
    assert [line["title"] for line in listed["lines"]] == ["Chè Shan tuyết"]
    shipment = listed["shipment"]
    assert shipment["status"] == "pending" and shipment["next_statuses"] == ["packed"]

    packed = api.post(
        url("shipment-advance", pk=shipment["id"]), {"status": "packed"}, format="json"
    )
    assert packed.status_code == 200, packed.content
    assert packed.json()["status"] == "packed"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        shipped = api.post(
            url("shipment-advance", pk=shipment["id"]),
            {"status": "shipped", "carrier": "viettel_post", "tracking_code": "VTP777"},
            format="json",
        )

    assert shipped.status_code == 200, shipped.content
    assert shipped.json()["status"] == "shipped"
    assert (shipped.json()["carrier"], shipped.json()["tracking_code"]) == (
        "viettel_post",
        "VTP777",
    )
    assert [m.to for m in mail.outbox] == [[customer.email]]
    # Both packs were taken from the lot, as the dashboard does it.
    line = order.lines.get(partner=tea_cooperative.partner)
    assert list(LineBatch.objects.filter(line=line).values_list("batch", "quantity")) == [
        (tea_lot.pk, 2)
    ]
    detail = api.get(url("order-detail", number=order.number)).json()
    assert detail["lines"][0]["lots"] == [{"batch": tea_lot.pk, "lot_code": "CM-1", "quantity": 2}]
    assert detail["shipment"]["status"] == "shipped"


def test_an_order_shows_where_to_ship_and_only_the_cooperatives_own_part(tea_user, order):
    api = api_client(token_secret(tea_user, ["orders:read"]))

    detail = api.get(url("order-detail", number=order.number))

    assert detail.status_code == 200
    body = detail.json()
    address = body["shipping_address"]
    assert address["name"] == "Nguyễn Thị Lan"
    assert address["phone"] == "+84912345678"
    assert address["line1"] == "12 Đường Hùng Vương"
    assert address["ward"] == "Phường Việt Trì, Phú Thọ"
    [line] = body["lines"]
    assert (line["quantity"], line["unit_price"], line["line_total"]) == (2, 125000, 250000)
    assert body["lines_total"] == 250000
    text = detail.content.decode()
    assert "Mật ong" not in text and "390000" not in text
    assert str(int(order.total_incl_tax)) not in text  # not the order's total


def test_orders_and_parcels_filter_by_the_parcels_status(tea_user, order, tea_cooperative):
    api = api_client(token_secret(tea_user, ["orders:read"]))

    assert len(results(api.get(url("order-list"), {"status": "pending"}))) == 1
    assert results(api.get(url("order-list"), {"status": "shipped"})) == []
    assert len(results(api.get(url("shipment-list"), {"status": "pending"}))) == 1
    assert results(api.get(url("shipment-list"), {"status": "delivered"})) == []
    unknown = api.get(url("shipment-list"), {"status": "lost"})
    assert unknown.status_code == 400 and "status" in unknown.json()


def test_the_cooperative_reads_its_profile_and_all_its_products_drafts_too(
    tea_user, tea, tea_cooperative
):
    tea.is_public = False
    tea.save()
    api = api_client(token_secret(tea_user, ["catalogue:read"]))

    profile = api.get(url("profile")).json()
    [product] = results(api.get(url("product-list")))

    assert (profile["id"], profile["name"]) == (tea_cooperative.pk, "Hợp tác xã Chè Cẩm Mỹ")
    assert "bank_account_number" in profile
    assert (product["id"], product["is_public"], product["title"]) == (
        tea.pk,
        False,
        "Chè Shan tuyết",
    )
    [record] = product["stockrecords"]
    assert (record["price"], record["num_in_stock"]) == (125000, 20)
    assert api.get(url("product-detail", pk=tea.pk)).json()["id"] == tea.pk
    listed = results(api.get(url("stock-record-list")))
    assert [r["id"] for r in listed] == [record["id"]]
    english = api.get(url("profile"), {"lang": "en"})
    assert english["Content-Language"] == "en"


def test_a_harvest_is_recorded_then_published_through_the_api(tea_user, tea):
    api = api_client(token_secret(tea_user, ["trace:write"]))
    harvested = (timezone.now() - datetime.timedelta(hours=2)).isoformat()

    created = api.post(
        url("batch-list"),
        {
            "product": tea.pk,
            "lot_code": "CM-2026/11",
            "quantity": 300,
            "produced_on": str(timezone.localdate()),
            "farm_name": "Đồi chè Khu 3",
            "event": {"kind": "harvest", "occurred_at": harvested, "place": "Đồi chè Khu 3"},
        },
        format="json",
    )

    assert created.status_code == 201, created.content
    batch = created.json()
    assert (batch["status"], batch["trace_url"], len(batch["events"])) == ("draft", None, 1)
    assert created["Location"] == url("batch-detail", pk=batch["id"])
    event = api.post(
        url("batch-events", pk=batch["id"]),
        {
            "kind": "packing",
            "occurred_at": timezone.now().isoformat(),
            "note": "500 gói",
            "inputs": [{"name": "Túi giấy kraft", "dose": "500 cái"}],
        },
        format="json",
    )
    assert event.status_code == 201, event.content
    assert event.json()["sequence"] == 2
    assert event.json()["previous_hash"] == batch["events"][0]["hash"]

    published = api.post(url("batch-publish", pk=batch["id"]))

    assert published.status_code == 200, published.content
    assert published.json()["status"] == "published"
    assert published.json()["trace_url"].endswith("/t/" + batch["short_code"])
    assert [e["kind"] for e in published.json()["events"]] == ["harvest", "packing"]
    again = api.post(url("batch-publish", pk=batch["id"]))
    assert again.status_code == 400 and again.json()["detail"]
    lots = results(api.get(url("batch-list")))
    assert [lot["lot_code"] for lot in lots] == ["CM-2026/11"]


def test_a_signed_in_cooperative_browses_the_api_in_its_browser(
    client, tea_user, tea, tea_lot, order
):
    client.force_login(tea_user)
    shipment = order.shipments.get(cooperative=tea_lot.product.cooperative)
    pages = [
        url("profile"), url("product-list"), url("product-detail", pk=tea.pk),
        url("stock-record-list"), url("stock-record-detail", pk=tea.stockrecords.get().pk),
        url("order-list"), url("order-detail", number=order.number), url("shipment-list"),
        url("shipment-detail", pk=shipment.pk), url("batch-list"),
        url("batch-detail", pk=tea_lot.pk),
    ]  # fmt: skip
    for address in pages:
        page = client.get(address, HTTP_ACCEPT="text/html")
        assert page.status_code == 200, address
        assert page["Content-Type"].startswith("text/html"), address
    # The forms of the actions render too (their GET is not allowed: a 405 page).
    for action in ("shipment-advance", "batch-events", "batch-publish"):
        pk = shipment.pk if action.startswith("shipment") else tea_lot.pk
        page = client.get(url(action, pk=pk), HTTP_ACCEPT="text/html")
        assert page.status_code == 405 and "<form" in page.content.decode(), action
    assert "Chè Shan tuyết" in client.get(url("product-list"), HTTP_ACCEPT="text/html").text
    as_json = client.get(url("product-list"))
    assert as_json.json()["results"][0]["id"] == tea.pk


def test_lists_cost_the_same_queries_however_much_they_hold(
    tea_user, tea, honey, customer, tea_cooperative
):
    api = api_client(token_secret(tea_user))
    names = ["product-list", "stock-record-list", "order-list", "shipment-list", "batch-list"]

    def counts():
        result = {}
        for name in names:
            with CaptureQueriesContext(connection) as queries:
                assert api.get(url(name)).status_code == 200
            result[name] = len(queries)
        return result

    ocop_order(items=[(tea, 1), (honey, 1)], user=customer)
    trace_batch(
        cooperative=tea_cooperative,
        product=tea,
        user=tea_user,
        lot_code="L0",
        kinds=["harvest"],
        photos_per_event=0,
    )
    few = counts()
    for n in range(3):
        product = ocop_product(cooperative=tea_cooperative, title=f"Chè {n}", price=1000)
        trace_batch(
            cooperative=tea_cooperative,
            product=product,
            user=tea_user,
            lot_code=f"L{n + 1}",
            kinds=["harvest"],
            photos_per_event=0,
        )
        order = ocop_order(items=[(tea, 1), (product, 2)], user=customer)
        ship(order.shipments.get(cooperative=tea_cooperative), tea_user)

    assert counts() == few
