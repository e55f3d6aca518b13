"""Copied QR codes: the public page cautions buyers, the cooperative sees scans and flags.

The rules count different phones (a keyed hash of address and user agent) and networks
(the address's /24 or /48), never requests: one phone, or one address sending any number of
user agents, cannot make a cooperative's lot look copied.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import CooperativeFactory, cooperative_user, trace_batch
from traceability.counterfeit import BURST_CLIENTS, PLAUSIBLE_CLIENTS_PER_ITEM
from traceability.models import ScanLog
from traceability.scans import scan_keys

pytestmark = pytest.mark.django_db

PHONE = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36"
CAUTION = 'id="canh-bao-quet"'


@pytest.fixture
def batch(cooperative):
    return trace_batch(cooperative=cooperative, kinds=["harvest"], photos_per_event=0)


def _address(n, *, networks):
    """Return the n-th phone's address, spread over ``networks`` different /24s."""
    return f"10.{n % networks}.0.{n // networks % 250 + 1}"


def _log(batch, phones, *, ago, spread, networks=250, first=0):
    """Store one scan by each of ``phones`` different phones, spread over ``spread``."""
    end = timezone.now() - ago
    rows = []
    for n in range(first, first + phones):
        client_key, place_key = scan_keys(address=_address(n, networks=networks), user_agent=PHONE)
        rows.append(ScanLog(batch=batch, scanned_at=end - spread * n / max(phones, 1),
                            client="Zalo", client_key=client_key, place_key=place_key))  # fmt: skip
    ScanLog.objects.bulk_create(rows)


def _page(client, batch, *, address="192.0.2.7", user_agent=PHONE):
    response = client.get(f"/t/{batch.short_code}", HTTP_USER_AGENT=user_agent,
                          REMOTE_ADDR=address)  # fmt: skip
    assert response.status_code == 200
    return response.content.decode()


def _dashboard(client, batch, user):
    client.force_login(user)
    return client.get(reverse("batch-detail", args=[batch.pk]))


def test_one_phone_scanning_200_times_in_minutes_raises_no_flag(client, batch, cooperative):
    for _ in range(199):
        _page(client, batch)

    page = _page(client, batch)

    assert CAUTION not in page
    assert "Đã quét 200 lần" in page  # every scan is still counted as a scan
    dashboard = _dashboard(client, batch, cooperative_user(cooperative)).content.decode()
    assert "Chưa thấy dấu hiệu mã QR bị sao chép." in dashboard
    assert "Quét trên 1 điện thoại khác nhau từ 1 mạng." in dashboard


def test_one_address_sending_many_user_agents_raises_no_flag(client, batch, cooperative):
    # A script rotating its user agent makes new "phones", but all from one network.
    for n in range(BURST_CLIENTS * 2):
        page = _page(client, batch, user_agent=f"{PHONE} build/{n}")

    assert CAUTION not in page
    assert ScanLog.objects.values("client_key").distinct().count() == BURST_CLIENTS * 2
    assert ScanLog.objects.values("place_key").distinct().count() == 1
    dashboard = _dashboard(client, batch, cooperative_user(cooperative)).content.decode()
    assert "Chưa thấy dấu hiệu mã QR bị sao chép." in dashboard


def test_a_few_addresses_rotating_user_agents_raise_no_flag(client, batch):
    # Three networks (a phone's data, home Wi-Fi, a VPN): each counts for ten phones at most.
    for n in range(BURST_CLIENTS * 3):
        page = _page(client, batch, address=f"198.51.{n % 3}.9", user_agent=f"{PHONE} b/{n}")

    assert CAUTION not in page


def test_many_different_phones_within_minutes_raise_the_burst_caution(client, batch):
    for n in range(BURST_CLIENTS):
        page = _page(client, batch, address=_address(n, networks=6))
        assert CAUTION not in page

    page = _page(client, batch, address=_address(BURST_CLIENTS, networks=6))  # the 31st

    assert CAUTION in page
    assert "Mã vừa được quét trên rất nhiều điện thoại khác nhau trong vài phút." in page


def test_a_lot_scanned_by_as_many_phones_as_its_size_allows_shows_no_caution(client, batch):
    # With this scan, exactly three phones per item: a seller, a buyer and a gift's receiver.
    _log(batch, PLAUSIBLE_CLIENTS_PER_ITEM * batch.quantity - 1, ago=datetime.timedelta(days=1),
         spread=datetime.timedelta(days=20))  # fmt: skip

    page = _page(client, batch)

    assert CAUTION not in page
    assert "Đã quét 1500 lần" in page


def test_one_phone_more_than_three_per_item_shows_the_caution(client, batch):
    _log(batch, PLAUSIBLE_CLIENTS_PER_ITEM * batch.quantity, ago=datetime.timedelta(days=1),
         spread=datetime.timedelta(days=20))  # fmt: skip

    page = _page(client, batch)

    assert CAUTION in page
    assert "Mã QR này được quét nhiều bất thường" in page
    assert "Lô có 500 sản phẩm nhưng mã đã được quét trên 1501 điện thoại khác nhau." in page
    assert "kiểm tra tem niêm phong" in page
    assert "giả" not in page.split(CAUTION)[1].split("</section>")[0]  # cautions, never accuses
    caution = page.split(CAUTION)[1].split("</section>")[0]
    assert 'lang="en"' not in caution and "unusually" not in page  # one language per page


def test_the_caution_on_an_english_page_is_all_english(client, batch, settings):
    _log(batch, PLAUSIBLE_CLIENTS_PER_ITEM * batch.quantity, ago=datetime.timedelta(days=1),
         spread=datetime.timedelta(days=20))  # fmt: skip
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    caution = _page(client, batch).split(CAUTION)[1].split("</section>")[0]

    assert "This QR code has been scanned unusually often" in caution
    assert "tem niêm phong" not in caution and "Mã QR" not in caution


def test_the_same_phones_scanning_again_do_not_make_the_lot_look_copied(client, batch):
    for _ in range(3):  # every phone of a plausible lot scans three more times
        _log(batch, PLAUSIBLE_CLIENTS_PER_ITEM * batch.quantity - 1,
             ago=datetime.timedelta(days=1), spread=datetime.timedelta(days=20))  # fmt: skip

    page = _page(client, batch)

    assert CAUTION not in page
    assert "Đã quét 4498 lần" in page


def test_the_same_phones_spread_over_an_hour_are_no_burst(client, batch):
    _log(batch, BURST_CLIENTS + 10, ago=datetime.timedelta(minutes=11),
         spread=datetime.timedelta(hours=1))  # fmt: skip

    assert CAUTION not in _page(client, batch)


def test_the_cooperative_is_told_in_words_why_the_lot_looks_copied(client, batch, cooperative):
    _log(batch, PLAUSIBLE_CLIENTS_PER_ITEM * batch.quantity + 1, ago=datetime.timedelta(days=2),
         spread=datetime.timedelta(days=10))  # fmt: skip
    _log(batch, 40, ago=datetime.timedelta(hours=3), spread=datetime.timedelta(minutes=3),
         networks=8, first=5000)  # fmt: skip
    ScanLog.objects.bulk_create(  # and one phone reloading the page 300 times
        ScanLog(
            batch=batch,
            client="Chrome",
            client_key="0" * 16,
            place_key="1" * 16,
            scanned_at=timezone.now() - datetime.timedelta(hours=3),
        )  # fmt: skip
        for _ in range(300)
    )

    response = _dashboard(client, batch, cooperative_user(cooperative))

    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('class="bar"') == 30  # one bar a day, zero-height ones included
    assert "Tổng cộng 1841 lượt quét" in page
    assert 'class="alert alert-warning"' in page
    assert (
        "Quét quá nhiều: 1542 điện thoại khác nhau từ 251 mạng đã quét mã, mà lô chỉ có "
        "500 sản phẩm (bình thường đến 1500 điện thoại, 3 cho mỗi sản phẩm"
    ) in page
    assert "Quét dồn dập: 40 điện thoại khác nhau từ 8 mạng trong 10 phút." in page
    today = timezone.localdate()
    assert f"<title>{today - datetime.timedelta(days=2):%d/%m}: " in page
    scans = response.context["scans"]
    assert sum(day.scans for day in scans.days) == 1841
    assert max(day.height for day in scans.days) == 130


def test_the_cooperative_sees_no_flag_for_ordinary_scans(client, batch, cooperative):
    _log(batch, 20, ago=datetime.timedelta(days=1), spread=datetime.timedelta(days=5))

    page = _dashboard(client, batch, cooperative_user(cooperative)).content.decode()

    assert "Chưa thấy dấu hiệu mã QR bị sao chép." in page
    assert "alert-warning" not in page
    assert "Tổng cộng 20 lượt quét" in page
    assert "Quét trên 20 điện thoại khác nhau từ 20 mạng." in page


def test_another_cooperative_cannot_see_the_scans(client, batch):
    _log(batch, 20, ago=datetime.timedelta(days=1), spread=datetime.timedelta(days=5))
    stranger = cooperative_user(CooperativeFactory())

    assert _dashboard(client, batch, stranger).status_code == 404


def test_scan_keys_are_keyed_hashes_of_the_client_and_its_network(settings):
    phone = scan_keys(address="203.0.113.5", user_agent=PHONE)
    neighbour = scan_keys(address="203.0.113.77", user_agent=PHONE)
    other_browser = scan_keys(address="203.0.113.5", user_agent=PHONE + " Zalo")
    far = scan_keys(address="198.51.100.5", user_agent=PHONE)
    v6 = scan_keys(address="2001:db8:1:2::5", user_agent=PHONE)
    v6_neighbour = scan_keys(address="2001:db8:1:ffff::9", user_agent=PHONE)

    assert phone == scan_keys(address="203.0.113.5", user_agent=PHONE)
    assert neighbour[0] != phone[0] and neighbour[1] == phone[1]  # one /24
    assert other_browser[0] != phone[0] and other_browser[1] == phone[1]
    assert far[1] != phone[1]
    assert v6[1] == v6_neighbour[1] and v6[0] != v6_neighbour[0]  # one /48
    assert scan_keys(address="::ffff:203.0.113.5", user_agent=PHONE) == phone
    settings.SECRET_KEY = "another-secret-key-for-this-test-only-0123456789"
    assert scan_keys(address="203.0.113.5", user_agent=PHONE) != phone  # keyed, not bare hashes


def test_the_client_address_behind_a_trusted_proxy_is_the_one_it_saw(client, batch, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(BURST_CLIENTS + 1):
        # A forged X-Forwarded-For entry on the left is ignored: the proxy appended the rest.
        client.get(f"/t/{batch.short_code}", HTTP_USER_AGENT=PHONE, REMOTE_ADDR="127.0.0.1",
                   HTTP_X_FORWARDED_FOR=f"6.6.6.6, {_address(n, networks=6)}")  # fmt: skip

    assert ScanLog.objects.values("client_key").distinct().count() == BURST_CLIENTS + 1
    assert ScanLog.objects.values("place_key").distinct().count() == 6
    assert CAUTION in _page(client, batch, address="127.0.0.1")
