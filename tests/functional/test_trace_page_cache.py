"""The QR page served from the page cache, with scans buffered as in production.

The other trace tests run with ANALYTICS_FLUSH_SECONDS=0, under which a person's scan is
written at once and the page rebuilt; here scans are buffered (in the test's own spool
folder; no beat runs: the tests flush by hand) so that a scan is served from the cache.
"""

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalogue.services import certificate_create
from marketplace.partner.services import cooperative_profile_update
from marketplace.partner.validators import normalise_vietnamese_phone
from tests.factories import trace_batch
from traceability import scans
from traceability.linkset import LINKSET_CONTENT_TYPE
from traceability.models import ScanLog
from traceability.services import batch_create, batch_publish, batch_recall, event_add

pytestmark = pytest.mark.django_db

GTIN = "8934567890120"
PATH = f"/01/0{GTIN}/10/CM-2026-11"
PHONE = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36"
# A phone's browser names HTML in its Accept header: it gets the page, not a redirect.
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
BOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')


@pytest.fixture(autouse=True)
def buffered(settings):
    """Buffer scans as production does."""
    settings.ANALYTICS_FLUSH_SECONDS = 30


@pytest.fixture
def batch(cooperative):
    return trace_batch(cooperative=cooperative, upc=GTIN, kinds=["harvest", "packing"],
                       photos_per_event=1)  # fmt: skip


@pytest.fixture
def grower(batch):
    return batch.product.cooperative.partner.users.first()


@pytest.fixture
def phone():
    return Client(HTTP_USER_AGENT=PHONE)


def get(client, path=PATH, **headers):
    headers.setdefault("HTTP_ACCEPT", BROWSER_ACCEPT)
    response = client.get(path, **headers)
    assert response.status_code == 200
    return response


def page(client, path=PATH):
    return get(client, path).content.decode()


def warm(client, path=PATH):
    """A lot's first scan learns its route, the second caches its page."""
    page(client, path)
    page(client, path)


def _queries(client, path=PATH):
    with CaptureQueriesContext(connection) as queries:
        response = get(client, path)
    return len(queries), response.content.decode()


def test_a_cached_scan_costs_no_query_and_serves_the_same_page(phone, batch):
    page(phone)
    built_queries, built = _queries(phone)

    cached_queries, cached = _queries(phone)

    assert built_queries > 0
    assert cached_queries == 0
    assert TOKEN.sub("", cached) == TOKEN.sub("", built)
    assert "Chè búp Cam My" in cached and "Đóng gói" in cached


def test_the_cached_page_carries_each_visitors_token_and_path(batch):
    warm(Client(HTTP_USER_AGENT=PHONE))
    visitor = Client(HTTP_USER_AGENT=PHONE, enforce_csrf_checks=True)

    html = page(visitor, f"/t/{batch.short_code.lower()}")

    assert f'name="next" value="/t/{batch.short_code.lower()}"' in html
    token = TOKEN.search(html).group(1)
    assert "<!--" not in token
    response = visitor.post(
        "/i18n/setlang/", {"csrfmiddlewaretoken": token, "language": "en", "next": "/"}
    )
    assert response.status_code == 302  # the token the cached page carried was accepted


def test_each_language_has_its_own_cached_page(phone, batch):
    warm(phone)
    english = Client(HTTP_USER_AGENT=PHONE)
    english.cookies["django_language"] = "en"
    warm(english)

    assert "Batch" in page(english) or "Lot" in page(english)
    assert 'lang="en"' in page(english)
    assert 'lang="vi"' in page(phone)


def test_a_recall_shows_on_the_next_scan(phone, batch, grower, django_capture_on_commit_callbacks):
    warm(phone)
    assert "Lô hàng này đã bị thu hồi" not in page(phone)

    with django_capture_on_commit_callbacks(execute=True):
        batch_recall(batch=batch, reason="Dư lượng vượt ngưỡng", by=grower)
    html = page(phone)

    assert 'id="thu-hoi" class="recall"' in html and "Dư lượng vượt ngưỡng" in html
    assert "Mua sản phẩm này" not in html


def test_a_new_event_shows_on_the_next_scan(phone, batch, grower):
    warm(phone)

    event_add(batch=batch, kind="shipping", occurred_at=timezone.now(), by=grower,
              place="Kho Việt Trì", note="Xe lạnh")  # fmt: skip

    html = page(phone)
    assert "Vận chuyển" in html and "Kho Việt Trì" in html


def test_publishing_a_newer_lot_moves_the_gtin_link_to_it(phone, batch, grower):
    warm(phone, f"/01/0{GTIN}")
    assert "CM-2026-11" in page(phone, f"/01/0{GTIN}")
    newer = batch_create(product=batch.product, lot_code="CM-2027-01", quantity=100, by=grower,
                         produced_on=timezone.localdate())  # fmt: skip
    event_add(batch=newer, kind="harvest", occurred_at=timezone.now(), by=grower)

    batch_publish(batch=newer, by=grower)

    assert "<b>CM-2027-01</b>" in page(phone, f"/01/0{GTIN}")


def test_a_certificate_and_a_cooperative_change_show_on_the_next_scan(
    phone, batch, grower, staff_user
):
    warm(phone)
    assert "chung-nhan" not in page(phone)

    certificate_create(product=batch.product, kind="ocop", stars=5, authority="UBND tỉnh",
                       decision_number="99/QĐ", issued_on=timezone.localdate(),
                       verified_by=staff_user)  # fmt: skip
    assert "OCOP 5 sao" in page(phone)

    cooperative_profile_update(cooperative=batch.product.cooperative, by=grower,
                               phone="0912345678")  # fmt: skip
    assert f'href="tel:{normalise_vietnamese_phone("0912345678")}"' in page(phone)


def test_scans_are_buffered_then_flushed_and_the_page_refreshed(phone, batch):
    warm(phone)  # two scans
    page(phone)  # a third, from the cache
    get(Client(HTTP_USER_AGENT=BOT))  # a crawler: never a scan

    assert ScanLog.objects.count() == 0  # nothing written on the request path
    assert "Đã quét 0 lần" in page(phone)  # the count lags until the flush: a fourth scan

    assert scans.scans_flush() == 4

    assert set(ScanLog.objects.values_list("batch", "client")) == {(batch.pk, "Chrome")}
    assert "Đã quét 4 lần" in page(phone)  # the flush invalidated the cached page
    assert scans.scans_flush() == 1  # that last scan
    assert scans.scans_flush() == 0


def test_a_bot_is_never_counted(batch):
    for user_agent in (BOT, "", "curl/8.5", "facebookexternalhit/1.1"):
        client = Client(HTTP_USER_AGENT=user_agent)
        warm(client)
        page(client)

    assert scans.get_buffer().drain() == []
    assert scans.scans_flush() == 0 and ScanLog.objects.count() == 0


def test_a_burst_of_phones_flushed_shows_the_caution(phone, batch):
    warm(phone)
    for n in range(31):  # 31 different phones on 4 networks
        page(Client(HTTP_USER_AGENT=PHONE, REMOTE_ADDR=f"10.{n % 4}.0.{n + 1}"))
    assert 'id="canh-bao-quet"' not in page(phone)

    scans.scans_flush()

    assert "Mã vừa được quét trên rất nhiều điện thoại khác nhau trong vài phút." in page(phone)


def test_one_phone_scanning_again_and_again_shows_no_caution_after_the_flush(phone, batch):
    warm(phone)
    for _ in range(60):
        page(phone)

    scans.scans_flush()

    text = page(phone)
    assert "Đã quét 62 lần" in text and 'id="canh-bao-quet"' not in text


def test_other_representations_are_not_the_cached_page(phone, batch):
    warm(phone)

    linkset = get(phone, HTTP_ACCEPT=LINKSET_CONTENT_TYPE)
    html = get(phone, HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")
    epcis = get(phone, HTTP_ACCEPT="application/ld+json")

    assert linkset["Content-Type"] == LINKSET_CONTENT_TYPE and linkset.json()["linkset"]
    assert html["Content-Type"].startswith("text/html") and "<html" in html.content.decode()
    assert epcis.json()["@context"]
    for response in (linkset, html):
        assert "Accept" in response["Vary"]


def test_a_lot_that_is_no_longer_public_is_not_served_from_the_cache(phone, batch):
    warm(phone)
    batch.product.upc = "8934567890137"  # as Oscar's dashboard would: the old GTIN is gone
    batch.product.save()

    assert phone.get(PATH).status_code == 404
    assert "CM-2026-11" in page(phone, "/01/08934567890137/10/CM-2026-11")


def test_a_product_saved_anywhere_shows_its_new_title_on_the_next_scan(phone, batch):
    warm(phone)
    product = batch.product
    product.title = "Chè búp Tân Cương đổi tên"

    product.save()  # as the admin or a shell would: no service, no hand invalidation

    assert "Chè búp Tân Cương đổi tên" in page(phone)


def test_a_cooperative_renamed_anywhere_shows_its_new_name_on_the_next_scan(phone, batch):
    warm(phone)
    partner = batch.product.cooperative.partner
    partner.name = "Hợp tác xã Chè Tân Cương Mới"

    partner.save()

    assert "Hợp tác xã Chè Tân Cương Mới" in page(phone)


def test_a_certificate_corrected_anywhere_shows_on_the_next_scan(phone, batch, staff_user):
    certificate = certificate_create(
        product=batch.product, kind="ocop", stars=5, authority="UBND tỉnh",
        decision_number="99/QĐ", issued_on=timezone.localdate(), verified_by=staff_user,
    )  # fmt: skip
    warm(phone)
    assert "OCOP 5 sao" in page(phone)

    certificate.stars = 4
    certificate.save()

    html = page(phone)
    assert "OCOP 4 sao" in html and "OCOP 5 sao" not in html


def test_a_scan_recorded_with_a_date_keeps_it(batch):
    when = timezone.now() - datetime.timedelta(minutes=3)
    scans.get_buffer().add(batch.pk, "Zalo", when)

    scans.scans_flush()

    (log,) = ScanLog.objects.all()
    assert (log.client, log.scanned_at) == ("Zalo", when)


def _as_posted(form):
    """The data a browser posts for an unbound form as it was rendered."""
    data = {}
    for bound in form:
        value = bound.value()
        if value is None or value is False:
            continue
        if value is True:
            value = "on"
        data[bound.html_name] = [str(v) for v in value] if isinstance(value, list) else value
    return data


def test_a_product_edited_in_the_dashboard_shows_on_the_next_scan(
    phone, batch, grower, tea_category
):
    warm(phone)
    dashboard = Client()
    dashboard.force_login(grower)
    url = f"/shop/dashboard/catalogue/products/{batch.product.pk}/"
    context = dashboard.get(url).context
    data = _as_posted(context["form"])
    for name in ("category_formset", "image_formset", "recommended_formset",
                 "stockrecord_formset"):  # fmt: skip
        formset = context[name]
        data.update(_as_posted(formset.management_form))
        data[f"{formset.prefix}-TOTAL_FORMS"] = formset.initial_form_count()  # no blank forms
        for form in formset.initial_forms:
            data.update(_as_posted(form))
    prefix = context["category_formset"].prefix
    data.update({f"{prefix}-TOTAL_FORMS": 1, f"{prefix}-0-category": tea_category.pk})
    data["title_vi"] = "Chè búp Cam My thượng hạng"

    response = dashboard.post(url, data)

    assert response.status_code == 302
    assert "Chè búp Cam My thượng hạng" in page(phone)


def test_the_periodic_refresh_warms_the_pages_of_lots_scanned_lately(phone, batch, settings):
    from traceability.tasks import trace_cache_refresh

    ScanLog.objects.create(batch=batch, client="Zalo")
    english = Client(HTTP_USER_AGENT=PHONE)
    english.cookies["django_language"] = "en"

    asked = trace_cache_refresh()

    assert asked == 4  # route, then page; in Vietnamese and in English
    assert ScanLog.objects.filter(batch=batch).count() == 1  # the warmer is no scan
    vietnamese_queries, vietnamese = _queries(phone)
    english_queries, english_page = _queries(english)
    assert vietnamese_queries == english_queries == 0  # both served from the cache
    assert "Đóng gói" in vietnamese and "Packing" in english_page
