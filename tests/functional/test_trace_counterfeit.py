"""Copied QR codes: the public page cautions buyers, the cooperative sees scans and flags."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import CooperativeFactory, cooperative_user, trace_batch
from traceability.counterfeit import BURST_SCANS, PLAUSIBLE_SCANS_PER_ITEM
from traceability.models import ScanLog

pytestmark = pytest.mark.django_db

PHONE = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36"
CAUTION = 'id="canh-bao-quet"'


@pytest.fixture
def batch(cooperative):
    return trace_batch(cooperative=cooperative, kinds=["harvest"], photos_per_event=0)


def _log(batch, count, *, ago, spread):
    """Store ``count`` scans of ``batch`` spread over ``spread`` ending ``ago``."""
    end = timezone.now() - ago
    ScanLog.objects.bulk_create(
        ScanLog(batch=batch, scanned_at=end - spread * n / max(count, 1), client="Zalo")
        for n in range(count)
    )


def _page(client, batch):
    response = client.get(f"/t/{batch.short_code}", HTTP_USER_AGENT=PHONE)
    assert response.status_code == 200
    return response.content.decode()


def _dashboard(client, batch, user):
    client.force_login(user)
    return client.get(reverse("batch-detail", args=[batch.pk]))


def test_a_lot_scanned_as_often_as_its_size_allows_shows_no_caution(client, batch):
    # With this scan, exactly three per item: a seller, a buyer and a gift's receiver each.
    _log(batch, PLAUSIBLE_SCANS_PER_ITEM * batch.quantity - 1, ago=datetime.timedelta(days=1),
         spread=datetime.timedelta(days=20))  # fmt: skip

    page = _page(client, batch)

    assert CAUTION not in page
    assert "Đã quét 1500 lần" in page


def test_one_scan_more_than_three_per_item_shows_the_caution(client, batch):
    _log(batch, PLAUSIBLE_SCANS_PER_ITEM * batch.quantity, ago=datetime.timedelta(days=1),
         spread=datetime.timedelta(days=20))  # fmt: skip

    page = _page(client, batch)

    assert CAUTION in page
    assert "Mã QR này được quét nhiều bất thường" in page
    assert "Lô có 500 sản phẩm nhưng mã đã được quét 1501 lần." in page
    assert "kiểm tra tem niêm phong" in page and "scanned unusually often" in page
    assert "giả" not in page.split(CAUTION)[1].split("</section>")[0]  # cautions, never accuses


def test_a_burst_of_scans_in_the_last_minutes_shows_the_caution(client, batch):
    _log(
        batch, BURST_SCANS, ago=datetime.timedelta(minutes=1), spread=datetime.timedelta(minutes=5)
    )

    page = _page(client, batch)  # the thirty-first scan within ten minutes

    assert CAUTION in page
    assert "Mã vừa được quét rất nhiều lần trong vài phút." in page


def test_the_same_scans_spread_over_an_hour_are_no_burst(client, batch):
    _log(batch, BURST_SCANS + 10, ago=datetime.timedelta(minutes=11),
         spread=datetime.timedelta(hours=1))  # fmt: skip

    assert CAUTION not in _page(client, batch)


def test_the_cooperative_sees_scans_per_day_and_the_flags(client, batch, cooperative):
    _log(batch, PLAUSIBLE_SCANS_PER_ITEM * batch.quantity + 1, ago=datetime.timedelta(days=2),
         spread=datetime.timedelta(days=10))  # fmt: skip
    _log(batch, 40, ago=datetime.timedelta(hours=3), spread=datetime.timedelta(minutes=3))

    response = _dashboard(client, batch, cooperative_user(cooperative))

    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('class="bar"') == 30  # one bar a day, zero-height ones included
    assert "Tổng cộng 1541 lượt quét" in page
    assert 'class="alert alert-warning"' in page
    assert "Quét quá nhiều: 1541 lượt, hơn 1500 lượt" in page
    assert "Quét dồn dập: 40 lượt trong 10 phút." in page
    today = timezone.localdate()
    assert f"<title>{today - datetime.timedelta(days=2):%d/%m}: " in page
    scans = response.context["scans"]
    assert sum(day.scans for day in scans.days) == 1541
    assert max(day.height for day in scans.days) == 130


def test_the_cooperative_sees_no_flag_for_ordinary_scans(client, batch, cooperative):
    _log(batch, 20, ago=datetime.timedelta(days=1), spread=datetime.timedelta(days=5))

    page = _dashboard(client, batch, cooperative_user(cooperative)).content.decode()

    assert "Chưa thấy dấu hiệu mã QR bị sao chép." in page
    assert "alert-warning" not in page
    assert "Tổng cộng 20 lượt quét" in page


def test_another_cooperative_cannot_see_the_scans(client, batch):
    _log(batch, 20, ago=datetime.timedelta(days=1), spread=datetime.timedelta(days=5))
    stranger = cooperative_user(CooperativeFactory())

    assert _dashboard(client, batch, stranger).status_code == 404
