"""The W3C's Nu HTML Checker finds no error on the pages shoppers and cooperatives use most.

Home, catalogue, search, a product, the QR trace page, the basket with a product in it,
every checkout step of a guest who pays on delivery, a cooperative's public profile and
the cooperative's dashboard, as the server sends them; and the listings with the search
server's filters. The pages of a test go to one run of the checker
(tests/support/nu_validator.py), which `make test` installs (.ci/browser-deps).
"""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from tests import checkout_steps
from tests.factories import (
    CooperativeFactory,
    category,
    cooperative_user,
    home_page,
    ocop_certificate,
    ocop_product,
    trace_batch,
)
from tests.support.nu_validator import vnu_command, vnu_messages

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")


@pytest.fixture
def shop():
    """A cooperative with a phone number written with spaces, three products, a lot."""
    from oscar.core.loading import get_model

    home_page()
    cooperative = CooperativeFactory(
        partner__name="Hợp tác xã Chè Thanh Sơn Phú Thọ", phone="0210 3812 345"
    )
    tea = ocop_product(cooperative=cooperative, title="Chè búp Thanh Sơn 200 g", price=125000,
                       category=category("Chè"))  # fmt: skip
    ocop_certificate(product=tea, stars=4)
    ocop_product(cooperative=cooperative, title="Chè xanh Tân Cương 500 g", price=210000,
                 category=category("Chè"))  # fmt: skip
    ocop_product(cooperative=cooperative, title="Mật ong hoa nhãn 500 ml", price=180000,
                 category=category("Mật ong"), num_in_stock=0)  # fmt: skip
    user = cooperative_user(cooperative)
    batch = trace_batch(cooperative=cooperative, upc="8934567890120", user=user)
    get_model("address", "Country").objects.get_or_create(
        iso_3166_1_a2="VN",
        defaults={"printable_name": "Việt Nam", "name": "Việt Nam", "is_shipping_country": True},
    )
    return {"tea": tea, "batch": batch, "cooperative": cooperative, "user": user}


def _html(client, url, **data):
    response = client.post(url, data) if data else client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def test_the_main_pages_are_valid_html(client, shop, customer, tmp_path):
    vnu_command()  # skip (or fail under CI) before rendering when the checker is missing
    from traceability import services

    tea, batch, cooperative = shop["tea"], shop["batch"], shop["cooperative"]
    recalled = trace_batch(cooperative=cooperative, upc="8934567890137", lot_code="TS-THU-HOI",
                           user=shop["user"])  # fmt: skip
    pages = {
        "home": _html(client, "/"),
        "catalogue": _html(client, reverse("catalogue:index")),
        "search": _html(client, reverse("search:search") + "?q=che"),
        "product": _html(client, tea.get_absolute_url()),
        "QR trace page": _html(client, f"/t/{batch.short_code}/"),
        "cooperative profile": _html(client, f"/shop/cooperatives/{cooperative.slug}/"),
        "category": _html(client, category("Chè").get_absolute_url()),
        "cooperative application": _html(client, "/shop/cooperatives/apply/"),
        "log in": _html(client, reverse("customer:login")),
        "product in English": _html(client, "/en" + tea.get_absolute_url()),
    }
    services.batch_recall(batch=recalled, reason="Độ ẩm vượt chuẩn", by=shop["user"])
    pages["QR trace page, recalled"] = _html(client, f"/t/{recalled.short_code}/")
    checkout_steps.add_to_basket(client, tea)
    pages["basket"] = _html(client, reverse("basket:summary"))
    pages["checkout: who are you"] = _html(client, reverse("checkout:index"))
    checkout_steps.start_as_guest(client)
    pages["checkout: address"] = _html(client, reverse("checkout:shipping-address"))
    # A wrong address comes back with the errors beside its fields.
    pages["checkout: address with errors"] = _html(
        client, reverse("checkout:shipping-address"), **{**checkout_steps.ADDRESS, "line1": ""}
    )
    assert checkout_steps.fill_address(client).status_code == 302
    assert checkout_steps.choose_shipping(client).status_code == 302
    pages["checkout: payment"] = _html(client, reverse("checkout:payment-method"))
    assert checkout_steps.choose_payment(client, "cod").status_code == 302
    pages["checkout: preview"] = _html(client, reverse("checkout:preview"))
    assert checkout_steps.place_order(client).status_code == 302
    pages["checkout: thank you"] = _html(client, reverse("checkout:thank-you"))
    guest_order = Order.objects.get(guest_email="khach.le@example.com")
    status = f"/shop/accounts/order-status/{guest_order.number}/{guest_order.verification_hash()}/"
    asked = client.get(status)  # the link in the e-mail asks for the address first
    assert asked.status_code == 302
    pages["order status: e-mail"] = _html(client, asked.url)
    assert client.post(asked.url, {"email": "khach.le@example.com"}).status_code == 302
    pages["order status"] = _html(client, status)
    assert guest_order.number in pages["order status"]

    shopper = client.__class__()
    shopper.force_login(customer)
    checkout_steps.add_to_basket(shopper, tea)
    pages["signed in: checkout address"] = _html(shopper, reverse("checkout:shipping-address"))
    checkout_steps.place_order(shopper, checkout_steps.checkout(shopper, [], guest=False))
    order = customer.orders.get()
    pages["signed in: orders"] = _html(shopper, reverse("customer:order-list"))
    pages["signed in: order"] = _html(shopper, reverse("customer:order", args=[order.number]))

    worker = client.__class__()
    worker.force_login(shop["user"])
    for name, url in [
        ("dashboard: overview", "/shop/dashboard/cooperative/"),
        ("dashboard: batches", "/shop/dashboard/batches/"),
        ("dashboard: new batch", "/shop/dashboard/batches/new/"),
        ("dashboard: batch", f"/shop/dashboard/batches/{batch.pk}/"),
        ("dashboard: profile", "/shop/dashboard/cooperative/profile/"),
        ("dashboard: money", "/shop/dashboard/cooperative/money/"),
        ("dashboard: products", "/shop/dashboard/catalogue/"),
        ("dashboard: orders", "/shop/dashboard/orders/"),
    ]:
        pages[name] = _html(worker, url)
    assert 'id="orders_form"' in pages["dashboard: orders"]  # the guest's order is listed
    tokens = "/shop/dashboard/cooperative/api-tokens/"
    pages["dashboard: API tokens, none"] = _html(worker, tokens)
    pages["dashboard: API token made"] = _html(
        worker, tokens, name="Đồng bộ kho", scopes=["catalogue:write", "orders:read"], days="90"
    )
    pages["dashboard: API token form with errors"] = _html(
        worker, tokens, name="", scopes=["orders:x"], days="7"
    )
    pages["dashboard: API tokens"] = _html(worker, tokens)
    assert (
        "ocop_" in pages["dashboard: API tokens"]
        and "is-invalid" in pages["dashboard: API token form with errors"]
    )

    errors = vnu_messages(pages, tmp_path)

    for name, messages in errors.items():
        for message in messages:
            print(f"{name}: {message}")
    assert {name: len(messages) for name, messages in errors.items() if messages} == {}


def test_the_search_servers_listings_are_valid_html(client, shop, search_server, tmp_path):
    vnu_command()
    search_server.rebuild()
    pages = {
        "catalogue with filters": _html(client, reverse("catalogue:index")),
        "search with filters": _html(client, reverse("search:search") + "?q=che"),
        "search, a filter chosen": _html(client, reverse("search:search") + "?q=che&province=25"),
        "search, nothing found": _html(client, reverse("search:search") + "?q=xyzxyz"),
    }
    assert 'data-facet="province"' in pages["catalogue with filters"]  # counted by the server

    errors = vnu_messages(pages, tmp_path)

    for name, messages in errors.items():
        for message in messages:
            print(f"{name}: {message}")
    assert {name: len(messages) for name, messages in errors.items() if messages} == {}


def test_the_cms_pages_are_valid_html(client, shop, tmp_path):
    from tests import cms_pages

    vnu_command()
    home, cooperative = home_page(), shop["cooperative"]
    picture = cms_pages.wagtail_image()
    body = [
        ("text", "<h2>Vùng chè</h2><p>Chè búp hái <b>một tôm hai lá</b>.</p>"),
        ("image", {"image": picture, "alt_text": "Đồi chè", "caption": "Đồi chè Khu 3"}),
        ("product", {"product": shop["tea"]}),
        ("product_grid", {"heading": "", "products": [shop["tea"]]}),
        ("cooperative", {"cooperative": cooperative}),
        ("quote", {"quote": "Chè ngon nhờ đất đồi.", "attribution": "Bà Lan"}),
        ("call_to_action", {"heading": "Mua chè", "button_label": "Xem", "url": "/shop/"}),
    ]
    campaign = cms_pages.campaign(home, banner=picture, intro="Quà Tết từ đồi chè.",
                                  rule_category=category("Chè"), body=body)  # fmt: skip
    index = cms_pages.story_index(home)
    story = cms_pages.story(index, cooperative=cooperative, image=picture, body=body)
    standard = cms_pages.standard(home, body=body)
    pages = {
        "home with a campaign": _html(client, "/"),
        "campaign": _html(client, campaign.url),
        "stories": _html(client, index.url),
        "story": _html(client, story.url),
        "standard page": _html(client, standard.url),
    }

    errors = vnu_messages(pages, tmp_path)

    for name, messages in errors.items():
        for message in messages:
            print(f"{name}: {message}")
    assert {name: len(messages) for name, messages in errors.items() if messages} == {}
