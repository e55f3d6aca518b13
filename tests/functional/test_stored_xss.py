"""Stored XSS: what cooperatives, applicants and staff type never runs in a visitor's page.

Rich fields (product descriptions, rich-text attributes) are stored cleaned to the
allow-list (marketplace.sanitize) whichever way they arrive: the dashboard's product
form, the spreadsheet import. Stories and names are stored without markup. And the pages
clean or escape again when they show them, so HTML already in the database (saved before
the sanitiser, or by the Django admin or a shell) is harmless too.
"""

import csv
import importlib
import io
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import ProductAttributeFactory, ProductClassFactory

from tests.factories import CAM_KHE, PHU_THO, category, cooperative_user, home_page, ocop_product
from tests.functional.test_cooperative_products_dashboard import _create_payload as product_form

pytestmark = pytest.mark.django_db

Category = get_model("catalogue", "Category")
Cooperative = get_model("partner", "Cooperative")
Product = get_model("catalogue", "Product")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")

PAYLOAD = (
    "<p>Chè <strong>búp</strong> hái sáng.</p>"
    "<script>window.__xss=1</script>"
    '<img src=x onerror="window.__xss=1">'
    '"><script>window.__xss=1</script>'
    '<a href="javascript:window.__xss=1">xem</a>'
    '<p style="background:url(javascript:window.__xss=1)" onclick="window.__xss=1">mô tả</p>'
    # Last: an unclosed <svg> takes everything after it away with it.
    "<svg onload=window.__xss=1>"
)


class _LiveMarkup(HTMLParser):
    """Collect what a browser would run from a page: payload scripts, handlers, js links."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self._in_script = [], False

    def handle_starttag(self, tag, attrs):
        # JSON-LD may carry a payload as escaped data (\u003C): it must hold no "<" at all.
        self._in_script = tag == "script" and (
            "json" if dict(attrs).get("type") == "application/ld+json" else "code"
        )
        if tag in ("svg", "math", "iframe", "object", "embed"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            value = (value or "").lower()
            if name.startswith("on") and "__xss" in value:
                self.found.append(f"<{tag} {name}>")
            if name in ("href", "src", "action", "formaction") and "javascript:" in value:
                self.found.append(f"<{tag} {name}={value}>")
            if name == "style" and "__xss" in value:
                self.found.append(f"<{tag} style>")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if (self._in_script == "code" and "__xss" in data) or (
            self._in_script == "json" and "<" in data
        ):
            self.found.append(f"<script>{data}</script>")


def _assert_clean(html):
    parser = _LiveMarkup()
    parser.feed(html)
    parser.close()
    assert parser.found == []


def _assert_stored_clean(value):
    _assert_clean(value)
    assert "window.__xss" not in value.replace('window.__xss=1">', "")  # scripts went whole


@pytest.fixture
def tea_class(db):
    category("Chè")
    return ProductClassFactory(name="Sản phẩm OCOP", slug="san-pham-ocop", track_stock=True)


@pytest.fixture
def seller(client, cooperative):
    client.force_login(cooperative_user(cooperative))
    return client


def test_a_cooperative_posting_a_description_through_the_product_form_gets_it_stored_clean(
    seller, cooperative, tea_class
):
    ProductAttributeFactory(product_class=tea_class, name="Cách pha", code="cach_pha",
                            type="richtext", required=False)  # fmt: skip
    url = reverse(
        "dashboard:catalogue-product-create", kwargs={"product_class_slug": "san-pham-ocop"}
    )

    form = product_form(tea_class, partner=cooperative.partner, description_vi=PAYLOAD,
                        attr_cach_pha=PAYLOAD)  # fmt: skip
    response = seller.post(url, form)

    assert response.status_code == 302
    product = Product.objects.get(title="Chè búp mới")
    _assert_stored_clean(product.description)
    assert product.description.startswith("<p>Chè <strong>búp</strong> hái sáng.</p>")
    assert '<a rel="noopener nofollow ugc">xem</a>' in product.description
    stored = ProductAttributeValue.objects.get(product=product, attribute__code="cach_pha")
    _assert_stored_clean(stored.value_richtext)
    assert stored.value_richtext.startswith("<p>Chè <strong>búp</strong>")


def test_a_description_arriving_by_spreadsheet_import_is_stored_clean(seller, tea_class):
    content = io.StringIO()
    writer = csv.writer(content)
    writer.writerow(["Tên sản phẩm", "Danh mục", "Giá (đồng)", "Tồn kho", "Mô tả"])
    writer.writerow(["Chè nhập", "Chè", "125000", "20", PAYLOAD])
    upload = SimpleUploadedFile("hang.csv", content.getvalue().encode("utf-8"))

    with TestCase.captureOnCommitCallbacks(execute=True):  # the check job runs
        preview_url = seller.post(reverse("cooperative-product-import"), {"spreadsheet": upload})
    preview = seller.get(preview_url["Location"])
    _assert_clean(preview.content.decode())
    with TestCase.captureOnCommitCallbacks(execute=True):  # the saving job runs
        seller.post(preview_url["Location"] + "confirm/")

    product = Product.objects.get(title="Chè nhập")
    _assert_stored_clean(product.description)
    assert product.description.startswith("<p>Chè <strong>búp</strong> hái sáng.</p>")


def test_a_cooperatives_profile_is_stored_without_markup_and_shown_as_text(seller, cooperative):
    form = {
        "profile-story_vi": f"Chè Cam My & đồi VietGAP.\n{PAYLOAD}",
        "profile-story_en": PAYLOAD,
        "profile-address": '"><script>window.__xss=1</script>Khu 3',
        "profile-phone": "0912 345 678",
        "profile-bank_account_name": '<img src=x onerror="window.__xss=1">HTX CHE',
        "save_profile": "1",
    }

    response = seller.post(reverse("cooperative-profile-edit"), form)

    assert response.status_code == 302
    cooperative.refresh_from_db()
    assert cooperative.story.startswith("Chè Cam My & đồi VietGAP.\nChè búp hái sáng.")
    for value in (cooperative.story, cooperative.story_en, cooperative.address):
        assert "<" not in value and "window.__xss" not in value
    assert cooperative.address == '">Khu 3'
    assert cooperative.bank_account_name == "HTX CHE"
    page = seller.get(cooperative.get_absolute_url()).content.decode()
    _assert_clean(page)
    assert "Chè Cam My &amp; đồi VietGAP." in page


def test_an_application_is_stored_without_markup_and_staff_see_it_as_text(
    client, staff_user, django_capture_on_commit_callbacks
):
    form = {
        "name": 'HTX Mật ong "><script>window.__xss=1</script>',
        "contact_name": '<img src=x onerror="window.__xss=1">Nguyễn Thị Hoa',
        "phone": "0912 345 678", "province_code": PHU_THO, "ward_code": CAM_KHE,
        "address": '<img src=x onerror="window.__xss=1">Thôn Đồng Lạc', "story": PAYLOAD,
        "email": "hoa@htx.example", "password": "mat-ong-hoa-nhan",
        "password_confirm": "mat-ong-hoa-nhan",
    }  # fmt: skip

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("cooperative-apply"), form)

    assert response.status_code == 302
    cooperative = Cooperative.objects.get()
    assert cooperative.partner.name == 'HTX Mật ong ">'
    assert cooperative.address == "Thôn Đồng Lạc"
    assert cooperative.story.startswith("Chè búp hái sáng.")
    assert "<" not in cooperative.story and "window.__xss" not in cooperative.story
    client.force_login(staff_user)
    urls = [reverse("dashboard-cooperative-list"),
            reverse("dashboard-cooperative-detail", args=[cooperative.pk])]  # fmt: skip
    for url in urls:
        page = client.get(url)
        assert page.status_code == 200
        _assert_clean(page.content.decode())


def test_an_application_whose_story_is_only_markup_is_refused_with_a_message(client):
    form = {
        "name": "HTX Mật ong", "contact_name": "Nguyễn Thị Hoa", "phone": "0912 345 678",
        "province_code": PHU_THO, "ward_code": CAM_KHE, "address": "Thôn Đồng Lạc",
        "story": "<script>window.__xss=1</script>", "email": "hoa@htx.example",
        "password": "mat-ong-hoa-nhan", "password_confirm": "mat-ong-hoa-nhan",
    }  # fmt: skip

    response = client.post(reverse("cooperative-apply"), form)

    assert response.status_code == 200
    assert "story" in response.context["form"].errors
    assert not Cooperative.objects.exists()


@pytest.fixture
def raw_product(cooperative, tea_class):
    """A product whose description and rich-text attribute hold raw HTML, saved past every form."""
    product = ocop_product(cooperative=cooperative, title="Chè thô", price=85000,
                           category=Category.objects.get(name="Chè"))  # fmt: skip
    attribute = ProductAttributeFactory(
        product_class=product.get_product_class(), code="cach_pha", type="richtext"
    )
    ProductAttributeValue.objects.create(product=product, attribute=attribute, value_richtext="x")
    ProductAttributeValue.objects.filter(product=product).update(value_richtext=PAYLOAD)
    Product.objects.filter(pk=product.pk).update(description=PAYLOAD)
    return product


def test_the_product_page_cleans_html_already_in_the_database(client, raw_product):
    page = client.get(raw_product.get_absolute_url())

    assert page.status_code == 200
    html = page.content.decode()
    _assert_clean(html)
    assert html.count("<p>Chè <strong>búp</strong> hái sáng.</p>") == 2  # description, attribute
    assert '<a rel="noopener nofollow ugc">xem</a>' in html


def test_the_category_page_cleans_its_stored_descriptions(client):
    tea = category("Chè")
    Category.objects.filter(pk=tea.pk).update(description=PAYLOAD, long_description=PAYLOAD)

    page = client.get(tea.get_absolute_url())

    assert page.status_code == 200
    html = page.content.decode()
    _assert_clean(html)
    assert html.count("Chè <strong>búp</strong> hái sáng.") == 2


def test_the_home_page_cleans_rich_text_stored_past_the_editor(client):
    from cms.models import HomePage

    home = home_page()
    HomePage.objects.filter(pk=home.pk).update(body=PAYLOAD)

    page = client.get("/")

    assert page.status_code == 200
    _assert_clean(page.content.decode())
    assert "Chè <strong>búp</strong> hái sáng." in page.content.decode()


def test_stories_and_names_saved_past_the_forms_are_shown_as_text(client, cooperative):
    Cooperative.objects.filter(pk=cooperative.pk).update(
        story=PAYLOAD, address='"><script>window.__xss=1</script>'
    )
    cooperative.partner.__class__.objects.filter(pk=cooperative.partner_id).update(
        name='HTX "><script>window.__xss=1</script>'
    )
    ocop_product(cooperative=cooperative, title='"><svg onload=window.__xss=1>', price=1000)

    for url in (cooperative.get_absolute_url(), reverse("catalogue:index"),
                Product.objects.get().get_absolute_url()):  # fmt: skip
        page = client.get(url)
        assert page.status_code == 200
        _assert_clean(page.content.decode())


def test_the_data_migrations_clean_what_is_already_stored(raw_product, cooperative):
    catalogue_migration = importlib.import_module("catalogue.migrations.0037_sanitize_stored_html")
    partner_migration = importlib.import_module(
        "marketplace.partner.migrations.0010_stories_without_markup"
    )
    Cooperative.objects.filter(pk=cooperative.pk).update(story=PAYLOAD, story_en="Tea & honey")

    catalogue_migration.sanitize_stored_html(apps, None)
    partner_migration.stories_without_markup(apps, None)

    raw_product.refresh_from_db()
    _assert_stored_clean(raw_product.description)
    assert raw_product.description.startswith("<p>Chè <strong>búp</strong> hái sáng.</p>")
    _assert_stored_clean(ProductAttributeValue.objects.get(product=raw_product).value_richtext)
    cooperative.refresh_from_db()
    assert cooperative.story.startswith("Chè búp hái sáng.") and "<" not in cooperative.story
    assert cooperative.story_en == "Tea & honey"
