"""Stored XSS in a real browser: payloads in every field a cooperative fills never run.

Every text a cooperative can enter that the public sees (its name, story, address, photo
captions; a product's title, description, label fields and rich-text attribute; a
certificate's authority and number; a batch's farm, its events' places, notes, inputs,
photo captions and recorder's name; a parcel's tracking code) holds script payloads. The
HTML ones are written straight into the database, past the forms that clean them, so
this checks what the pages do when they show them. Chromium then opens every public page
that shows that data, and the staff and cooperative dashboard pages: no dialog may open
and ``window.__xss`` must stay undefined.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model
from oscar.test.factories import ProductAttributeFactory, UserFactory

from tests.factories import (
    CooperativeFactory,
    category,
    cooperative_user,
    home_page,
    jpeg_upload,
    ocop_certificate,
    ocop_order,
    ocop_product,
)
from traceability.links import batch_path
from traceability.services import batch_create, batch_publish, event_add

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Category = get_model("catalogue", "Category")
Cooperative = get_model("partner", "Cooperative")
CooperativePhoto = get_model("partner", "CooperativePhoto")
Certificate = get_model("catalogue", "Certificate")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")
Shipment = get_model("order", "Shipment")

PASSWORD = "khong-chay-script-1"
PAYLOADS = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=1;alert(1)">',
    "<svg onload=window.__xss=1>",
    '"><script>window.__xss=1;alert(1)</script>',
    "'><img src=x onerror=window.__xss=1>",
]
ALL = "".join(PAYLOADS)
NAME = PAYLOADS[3] + PAYLOADS[1]  # the partner's name holds 128 characters at most
SHORT = '"><img src=x onerror=alert(1)>'  # for fields of 64 characters


@pytest.fixture
def poisoned(db):
    """A cooperative, product, certificate, batch and order full of payloads."""
    cooperative = CooperativeFactory(
        partner__name=NAME, slug="htx-xss", story=ALL * 2, story_en=ALL, address=ALL
    )
    CooperativePhoto.objects.create(cooperative=cooperative, image=jpeg_upload(), caption=ALL)
    seller = cooperative_user(cooperative, email="htx-xss@ocop.example")
    seller.first_name, seller.last_name = PAYLOADS[1], PAYLOADS[3]
    seller.set_password(PASSWORD)
    seller.save()

    tea = category("Chè")
    Category.objects.filter(pk=tea.pk).update(description=ALL, long_description=ALL)
    product = ocop_product(cooperative=cooperative, title=f"Chè {ALL}", price=85000,
                           category=tea, upc="8934567890120")  # fmt: skip
    Product.objects.filter(pk=product.pk).update(
        description=f"<p>Chè <strong>búp</strong></p>{ALL}", net_content=SHORT,
        storage=ALL, ingredients=ALL, meta_description=ALL,
    )  # fmt: skip
    attribute = ProductAttributeFactory(
        product_class=product.get_product_class(), code="cach_pha", type="richtext"
    )
    ProductAttributeValue.objects.create(product=product, attribute=attribute, value_richtext=ALL)

    certificate = ocop_certificate(product=product)
    Certificate.objects.filter(pk=certificate.pk).update(authority=ALL, decision_number=SHORT)

    batch = batch_create(product=product, lot_code="XSS-1", quantity=100, by=seller,
                         produced_on=timezone.localdate() - datetime.timedelta(days=3),
                         farm_name=ALL, farm_location=ALL)  # fmt: skip
    event_add(batch=batch, kind="care", by=seller, place=ALL, note=ALL,
              occurred_at=timezone.now() - datetime.timedelta(days=2),
              inputs=[{"name": ALL, "dose": SHORT}],
              photos=[(jpeg_upload("cham-soc.jpg"), ALL)])  # fmt: skip
    batch = batch_publish(batch=batch, by=seller)

    order = ocop_order(items=[(product, 1)], user=UserFactory(email="khach@ocop.example"))
    Shipment.objects.filter(order=order).update(tracking_code=SHORT)

    home = home_page()
    type(home).objects.filter(pk=home.pk).update(body=ALL)
    home.featured_products.create(product=product)

    staff = UserFactory(email="admin@ocop.example", is_staff=True, is_superuser=True)
    staff.set_password(PASSWORD)
    staff.save()
    return {"cooperative": cooperative, "product": product, "batch": batch, "order": order,
            "category": tea, "seller": seller, "staff": staff}  # fmt: skip


def _watch(page):
    """Record every dialog the page opens (and dismiss it, so the test never hangs)."""
    dialogs = []

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return dialogs


def _log_in(page, base_url, email):
    page.goto(base_url + "/shop/accounts/login/")
    page.fill("#id_login-username", email)
    page.fill("#id_login-password", PASSWORD)
    with page.expect_navigation():
        page.click("button[name=login_submit]")


def _assert_nothing_runs(page, dialogs, base_url, paths):
    for path in paths:
        response = page.goto(base_url + path, wait_until="load")
        assert response.status < 400, (path, response.status)
        page.wait_for_timeout(50)  # let onerror handlers of broken images fire
        assert page.evaluate("typeof window.__xss") == "undefined", path
        assert dialogs == [], path


def test_payloads_in_a_cooperatives_data_never_run_on_public_pages(page, live_server, poisoned):
    dialogs = _watch(page)
    product, cooperative = poisoned["product"], poisoned["cooperative"]

    _assert_nothing_runs(page, dialogs, live_server.url, [
        product.get_absolute_url(),
        reverse("catalogue:index"),
        poisoned["category"].get_absolute_url(),
        reverse("search:search") + "?q=Chè",
        cooperative.get_absolute_url(),
        batch_path(poisoned["batch"]),
        f"/t/{poisoned['batch'].short_code}",
        "/",
    ])  # fmt: skip
    # The payloads are there, as text: the pages did show the poisoned data.
    page.goto(live_server.url + product.get_absolute_url())
    assert "<script>window.__xss=1</script>" in page.locator("h1").inner_text()
    assert page.locator("#product_description ~ .product-description strong").count() == 1


def test_payloads_never_run_in_the_staff_and_cooperative_dashboards(
    page, new_context, live_server, poisoned
):
    product, cooperative, batch = poisoned["product"], poisoned["cooperative"], poisoned["batch"]
    order = poisoned["order"]
    dialogs = _watch(page)
    _log_in(page, live_server.url, poisoned["staff"].email)

    _assert_nothing_runs(page, dialogs, live_server.url, [
        reverse("dashboard:index"),
        reverse("dashboard:catalogue-product-list"),
        reverse("dashboard:catalogue-product", kwargs={"pk": product.pk}),
        reverse("dashboard-cooperative-list"),
        reverse("dashboard-cooperative-detail", kwargs={"pk": cooperative.pk}),
        reverse("certificate-review-list"),
        reverse("dashboard:order-list"),
        reverse("dashboard:order-detail", kwargs={"number": order.number}),
    ])  # fmt: skip

    seller_page = new_context(phone=True)
    seller_dialogs = _watch(seller_page)
    _log_in(seller_page, live_server.url, poisoned["seller"].email)
    _assert_nothing_runs(seller_page, seller_dialogs, live_server.url, [
        reverse("cooperative-overview"),
        reverse("cooperative-profile-edit"),
        reverse("dashboard:catalogue-product-list"),
        reverse("dashboard:catalogue-product", kwargs={"pk": product.pk}),
        reverse("batch-list"),
        reverse("batch-detail", kwargs={"pk": batch.pk}),
        reverse("dashboard:order-detail", kwargs={"number": order.number}),
    ])  # fmt: skip
