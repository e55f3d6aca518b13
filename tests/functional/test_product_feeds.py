"""Product feeds for Google Merchant Center and Meta: built by the task queue, in both
languages, as XML and CSV, listing exactly what the shop lists, every item by the
specification; served from storage, never built in a request."""

from decimal import Decimal

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from oscar.core.loading import get_model

from catalogue import tasks
from catalogue.feeds.build import feeds_build
from catalogue.feeds.items import FIELDS
from marketplace.celery import app
from marketplace.jobs.base import MarketplaceTask
from tests.factories import CooperativeFactory, category, jpeg_upload, ocop_product
from tests.feed_checks import csv_items, feed_items, item_problems, stored, xml_items

pytestmark = pytest.mark.django_db

Category = get_model("catalogue", "Category")
Cooperative = get_model("partner", "Cooperative")
Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")

SITE = "https://cho-ocop.example"
FEED_NAMES = ["google-vi.xml", "google-vi.csv", "google-en.xml", "google-en.csv"]
GTIN = "8936042100014"


def _pictures(product, count=1):
    for number in range(count):
        ProductImage.objects.create(
            product=product, original=jpeg_upload(f"anh-{number}.jpg"), display_order=number
        )


def _product(cooperative, title, *, pictures=1, **kwargs):
    fields = {key: kwargs.pop(key) for key in list(kwargs) if key not in
              ("price", "category", "num_in_stock", "upc")}  # fmt: skip
    product = ocop_product(cooperative=cooperative, title=title,
                           price=kwargs.pop("price", 150000), **kwargs)  # fmt: skip
    if fields:
        Product.objects.filter(pk=product.pk).update(**fields)
        product.refresh_from_db()
    _pictures(product, pictures)
    return product


@pytest.fixture
def shop(settings):
    """A tea cooperative's products, one of each kind the feeds treat differently."""
    settings.SITE_URL = SITE
    green_tea = category("Chè và trà > Chè xanh")
    Category.objects.filter(slug="che-va-tra").update(slug="che-tra", name_en="Tea")
    Category.objects.filter(pk=green_tea.pk).update(name_en="Green tea")
    tea_house = CooperativeFactory(partner__name="HTX Chè Tân Cương")
    suspended = CooperativeFactory(partner__name="HTX tạm ngưng",
                                   status=Cooperative.Status.SUSPENDED)  # fmt: skip
    applied = CooperativeFactory(partner__name="HTX chờ duyệt", status=Cooperative.Status.APPLIED)
    return {
        "special": _product(
            tea_house,
            "Chè Tân Cương đặc biệt",
            category=green_tea,
            upc=GTIN,
            pictures=3,
            title_en="Tan Cuong special green tea",
            description="<p>Chè búp <strong>một tôm</strong></p><p>hai lá</p>",
            description_en="<p>One bud, two leaves</p>",
            shipping_weight_kg=Decimal("0.550"),
        ),
        "sold_out": _product(tea_house, "Chè nõn tôm", num_in_stock=0, upc="8936042100015"),
        "untranslated": _product(tea_house, "Chè móc câu", price=95000),
        "no_picture": _product(tea_house, "Chè chưa có ảnh", pictures=0),
        "hidden": _product(tea_house, "Chè ẩn", is_public=False),
        "suspended": _product(suspended, "Chè của HTX tạm ngưng"),
        "applied": _product(applied, "Chè của HTX chờ duyệt"),
        "hostile": _product(
            tea_house,
            "Mật ong <script>alert(1)</script>rừng <b>U Minh</b>",
            description='<img src=x onerror="alert(1)">Ngọt &lt;script&gt;alert(2)&lt;/script&gt;'
            "\x0b\x1b đậm",
        ),
    }


def _by_title(items):
    return {item["title"]: item for item in items}


@pytest.mark.parametrize("name", FEED_NAMES)
def test_every_item_of_every_feed_has_every_required_field_in_its_format(shop, name):
    feeds_build()

    items = feed_items(name)

    assert len(items) == 4
    for item in items:
        assert item_problems(item, site=SITE) == [], item


def test_the_feeds_list_exactly_the_products_the_shop_lists(shop, client):
    feeds_build()

    ids = {item["id"] for item in feed_items("google-vi.xml")}

    listed = {"special", "sold_out", "untranslated", "hostile", "no_picture"}
    for key, product in shop.items():
        shown = client.get(product.get_absolute_url()).status_code == 200
        assert shown == (key in listed), key
    # A product without a picture is left out: Google and Meta refuse an item without one.
    assert ids == {str(shop[key].pk) for key in listed - {"no_picture"}}


def test_an_item_carries_the_shops_price_stock_brand_gtin_and_category(shop):
    feeds_build()

    items = {item["id"]: item for item in feed_items("google-vi.xml")}
    special, sold_out = items[str(shop["special"].pk)], items[str(shop["sold_out"].pk)]

    assert special["title"] == "Chè Tân Cương đặc biệt"
    assert special["description"] == "Chè búp một tôm hai lá"
    assert special["link"] == SITE + shop["special"].get_absolute_url()
    assert special["link"].startswith(f"{SITE}/shop/catalogue/")
    assert special["price"] == "150000 VND"
    assert special["availability"] == "in_stock"
    assert special["brand"] == "HTX Chè Tân Cương"
    assert special["gtin"] == GTIN and "identifier_exists" not in special
    assert special["google_product_category"] == "2073"
    assert special["product_type"] == "Chè và trà > Chè xanh"
    assert special["shipping_weight"] == "0.55 kg"
    assert special["image_link"].startswith(f"{SITE}/media/")
    assert len(special["additional_image_link"]) == 2
    # Sold out: still listed, as the shop lists it; its check digit is wrong: no GTIN.
    assert sold_out["availability"] == "out_of_stock"
    assert "gtin" not in sold_out and sold_out["identifier_exists"] == "no"
    assert items[str(shop["untranslated"].pk)]["price"] == "95000 VND"


def test_the_english_feed_has_english_titles_and_en_shop_links(shop):
    feeds_build()

    for name in ("google-en.xml", "google-en.csv"):
        items = {item["id"]: item for item in feed_items(name)}
        special = items[str(shop["special"].pk)]
        assert special["title"] == "Tan Cuong special green tea"
        assert special["description"] == "One bud, two leaves"
        assert special["link"] == f"{SITE}/en{shop['special'].get_absolute_url()}"
        assert special["product_type"] == "Tea > Green tea"
        # No English written: the Vietnamese title, as the English shop page shows.
        assert items[str(shop["untranslated"].pk)]["title"] == "Chè móc câu"
        assert all(item["link"].startswith(f"{SITE}/en/shop/") for item in items.values())
    channel, _items = xml_items(stored("google-en.xml"))
    assert channel.findtext("link") == f"{SITE}/en/"


def test_a_sellers_script_comes_out_as_plain_text(shop):
    feeds_build()

    for name in FEED_NAMES:
        hostile = {item["id"]: item for item in feed_items(name)}[str(shop["hostile"].pk)]
        assert hostile["title"] == "Mật ong rừng U Minh"
        assert hostile["description"] == "Ngọt đậm"
    raw = b"".join(stored(name) for name in FEED_NAMES).lower()
    for markup in (b"<script", b"&lt;script", b"onerror", b"alert(", b"<b>", b"&lt;b&gt;"):
        assert markup not in raw


def test_xml_and_csv_carry_the_same_items_under_googles_column_names(shop):
    feeds_build()

    header, from_csv = csv_items(stored("google-vi.csv"))
    _channel, from_xml = xml_items(stored("google-vi.xml"))

    assert tuple(header) == FIELDS
    assert from_csv == from_xml


def test_a_formula_in_a_title_stays_text_in_the_csv(shop):
    _product(CooperativeFactory(), '=HYPERLINK("http://evil.example","x")')

    feeds_build()

    titles = set(_by_title(feed_items("google-vi.csv")))
    assert '\'=HYPERLINK("http://evil.example","x")' in titles


def test_variants_are_items_of_one_group(shop):
    tea_house = shop["special"].cooperative
    parent = Product.objects.create(
        structure=Product.PARENT, title="Mật ong rừng", is_public=True, cooperative=tea_house,
        product_class=shop["special"].product_class, description="Mật ong hoa rừng",
    )  # fmt: skip
    _pictures(parent)
    for grams, price, public in ((500, 180000, True), (1000, 340000, True), (250, 1, False)):
        child = Product.objects.create(structure=Product.CHILD, parent=parent,
                                       title=f"Mật ong rừng {grams} g", is_public=public,
                                       cooperative=tea_house)  # fmt: skip
        StockRecord.objects.create(
            product=child, partner=tea_house.partner, partner_sku=f"MO-{grams}", price=price,
            num_in_stock=4,
        )  # fmt: skip

    feeds_build()

    variants = [item for item in feed_items("google-vi.xml") if item.get("item_group_id")]
    assert {item["title"]: item["price"] for item in variants} == {
        "Mật ong rừng 500 g": "180000 VND", "Mật ong rừng 1000 g": "340000 VND",
    }  # fmt: skip
    assert {item["item_group_id"] for item in variants} == {str(parent.pk)}
    assert {item["link"] for item in variants} == {SITE + parent.get_absolute_url()}
    assert {(item["description"], item["image_link"]) for item in variants} == {
        ("Mật ong hoa rừng", variants[0]["image_link"])
    }
    assert str(parent.pk) not in {item["id"] for item in feed_items("google-vi.xml")}


def test_the_build_reads_the_same_number_of_queries_for_more_products(
    shop, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        feeds_build()
    for number in range(6):
        _product(shop["special"].cooperative, f"Chè thêm {number}", category=category("Chè và trà"))

    with django_assert_max_num_queries(len(few.captured_queries)):
        feeds_build()


def test_a_feed_not_built_yet_answers_503_and_queues_the_build(
    shop, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as queued:
        response = client.get("/feeds/google-vi.xml")
        again = client.get("/feeds/google-en.csv")

    assert response.status_code == 503 and again.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Type"].startswith("text/plain")
    # Not built in the request: queued once, for the worker.
    assert not default_storage.exists("feeds/google-vi.xml")
    assert [callback.args[0].name for callback in queued] == [tasks.feeds_build.name]

    queued[0]()  # the worker runs it (inline in the tests)

    assert client.get("/feeds/google-vi.xml").status_code == 200


def test_a_built_feed_is_served_with_its_type_and_validators(shop, client):
    feeds_build()

    for name, content_type in (("google-vi.xml", "application/xml"), ("google-en.csv", "text/csv")):
        response = client.get(f"/feeds/{name}")
        assert response.status_code == 200
        assert response["Content-Type"] == f"{content_type}; charset=utf-8"
        assert b"".join(response.streaming_content) == stored(name)
        assert response["ETag"] and response["Last-Modified"]
        assert "public" in response["Cache-Control"] and "max-age=600" in response["Cache-Control"]
        unchanged = client.get(f"/feeds/{name}", HTTP_IF_NONE_MATCH=response["ETag"])
        assert unchanged.status_code == 304 and unchanged["ETag"] == response["ETag"]
        since = client.get(f"/feeds/{name}", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
        assert since.status_code == 304
    assert client.head("/feeds/google-vi.csv").status_code == 200
    assert client.post("/feeds/google-vi.csv").status_code == 405


@pytest.mark.parametrize(
    "path", ["/feeds/google-fr.xml", "/feeds/google-vi.json", "/feeds/", "/feeds/..%2Fsecret"]
)
def test_an_unknown_feed_is_not_found(shop, client, path):
    assert client.get(path).status_code == 404


def test_a_rebuild_replaces_the_files_whole(shop, monkeypatch):
    from catalogue.feeds import build

    feeds_build()
    before = stored("google-vi.xml")

    class Broken(build.CsvFeedWriter):
        def write(self, item):
            raise OSError("disk full")

    monkeypatch.setattr(build, "CsvFeedWriter", Broken)
    with pytest.raises(OSError, match="disk full"):
        feeds_build()

    assert stored("google-vi.xml") == before
    assert sorted(default_storage.listdir("feeds")[1]) == sorted(FEED_NAMES)


def test_the_feeds_are_rate_limited_per_address(shop, client, real_rate_limits):
    feeds_build()

    answers = [client.get("/feeds/google-vi.csv").status_code for _ in range(61)]

    assert answers[:60] == [200] * 60 and answers[60] == 429


def test_the_command_writes_the_four_files_and_says_how_many_items(shop, capsys):
    call_command("build_feeds")

    out = capsys.readouterr().out
    assert "feeds/google-vi.xml và feeds/google-vi.csv: 4 sản phẩm (bỏ qua: 1 không có ảnh)" in out
    assert "feeds/google-en.xml và feeds/google-en.csv: 4 sản phẩm" in out
    assert all(default_storage.exists(f"feeds/{name}") for name in FEED_NAMES)


def test_the_beat_entry_runs_the_feed_task_every_half_hour():
    app.loader.import_default_modules()
    (entry,) = [e for e in app.conf.beat_schedule.values() if e["task"] == tasks.feeds_build.name]

    assert isinstance(app.tasks[entry["task"]], MarketplaceTask)
    assert 30 * 60 <= entry["schedule"] <= 60 * 60
