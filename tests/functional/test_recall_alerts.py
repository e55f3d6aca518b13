"""A person who scanned a lot's QR code leaves an e-mail address or a phone number and is
told, once, if that lot is recalled: confirmed first, stoppable, throttled."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from marketplace import sms
from tests.factories import ocop_order, ship_order, trace_batch
from traceability.models import RecallSubscription
from traceability.services import batch_recall

pytestmark = pytest.mark.django_db

BROWSER = {"HTTP_ACCEPT": "text/html,application/xhtml+xml,*/*;q=0.8"}
REASON = "Phát hiện nấm mốc"


@pytest.fixture
def lot(tea_cooperative, tea_user, tea):
    return trace_batch(cooperative=tea_cooperative, product=tea, user=tea_user,
                       kinds=["harvest"], photos_per_event=0)  # fmt: skip


@pytest.fixture
def phones(settings):
    settings.SMS_BACKEND = "marketplace.sms.MemoryBackend"
    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()


def _ask(client, lot, contact, **extra):
    return client.post(reverse("traceability:alert-request", args=[lot.short_code]),
                       {"contact": contact, **extra})  # fmt: skip


def _link(text, kind):
    return re.search(rf"https?://[^\s]+/t/alerts/[^/\s]+/{kind}/", text).group(0)


def _path(url):
    return url.split("://", 1)[1].split("/", 1)[1].join(["/", ""])


def _recall(lot, user, capture):
    with capture(execute=True):
        batch_recall(batch=lot, reason=REASON, by=user)


def test_the_qr_page_offers_the_form_and_its_csrf_token_works_from_the_cache(lot, mailoutbox):
    phone = Client(enforce_csrf_checks=True, **BROWSER)
    for _ in range(2):  # the second page comes from the page cache
        page = phone.get(f"/t/{lot.short_code}").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    assert page.count(f'value="{token}"') == 2  # the language switcher and the alert form

    response = phone.post(reverse("traceability:alert-request", args=[lot.short_code]),
                          {"contact": "lan@example.com", "csrfmiddlewaretoken": token})  # fmt: skip

    assert response.status_code == 200
    assert "Hãy xem hộp thư để xác nhận" in response.content.decode()
    (message,) = mailoutbox
    assert message.to == ["lan@example.com"] and lot.lot_code in message.subject


def test_only_confirmed_subscribers_are_told_once_in_their_language(
    client, lot, tea_user, mailoutbox, django_capture_on_commit_callbacks
):
    english = Client()
    english.cookies["django_language"] = "en"
    _ask(english, lot, "Mai@Example.com")
    _ask(client, lot, "never-confirmed@example.com")
    confirm = _link(mailoutbox[0].body, "confirm")
    assert english.get(_path(confirm)).status_code == 200  # a page with a button: no change
    assert not RecallSubscription.objects.filter(confirmed_at__isnull=False).exists()
    english.post(_path(confirm))
    mailoutbox.clear()

    _recall(lot, tea_user, django_capture_on_commit_callbacks)

    (notice,) = mailoutbox
    assert notice.to == ["mai@example.com"]
    assert notice.subject.startswith("Product recall") and REASON in notice.body
    assert "/t/alerts/" in notice.body  # the stop link


def test_a_buyer_who_also_subscribed_is_told_once(
    client, lot, tea, tea_user, customer, mailoutbox, django_capture_on_commit_callbacks
):
    order = ocop_order(items=[(tea, 1)], user=customer)
    ship_order(order, tea_user)
    _ask(client, lot, customer.email)
    client.post(_path(_link(mailoutbox[-1].body, "confirm")))
    mailoutbox.clear()

    _recall(lot, tea_user, django_capture_on_commit_callbacks)

    assert [m.to for m in mailoutbox] == [[customer.email]]


def test_a_phone_number_gets_text_messages_when_sms_can_be_sent(
    client, lot, tea_user, phones, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _ask(client, lot, "0912 345 678")
    (confirmation,) = phones
    assert confirmation["to"] == "+84912345678"
    client.post(_path(_link(confirmation["text"], "confirm")))
    phones.clear()

    _recall(lot, tea_user, django_capture_on_commit_callbacks)

    (notice,) = phones
    assert notice["to"] == "+84912345678" and "THU HỒI" in notice["text"]


def test_without_sms_only_an_email_address_is_accepted(client, lot, settings, mailoutbox):
    settings.SMS_BACKEND = ""

    response = _ask(client, lot, "0912 345 678")

    assert response.status_code == 400
    assert "thư điện tử" in response.content.decode()
    assert not RecallSubscription.objects.exists() and not mailoutbox


@pytest.mark.parametrize("contact", ["", "khong-phai-email@", "123", "<script>@x"])
def test_a_bad_address_is_a_message_and_changes_nothing(client, lot, phones, contact):
    response = _ask(client, lot, contact)

    assert response.status_code == 400
    assert not RecallSubscription.objects.exists() and not phones


def test_stopping_means_no_notice(
    client, lot, tea_user, mailoutbox, django_capture_on_commit_callbacks
):
    _ask(client, lot, "tam@example.com")
    body = mailoutbox[0].body
    client.post(_path(_link(body, "confirm")))
    client.post(_path(_link(body, "stop")))
    mailoutbox.clear()

    _recall(lot, tea_user, django_capture_on_commit_callbacks)

    assert mailoutbox == []


def test_a_robot_filling_the_hidden_field_gets_the_same_answer_and_sends_nothing(
    client, lot, mailoutbox
):
    response = _ask(client, lot, "victim@example.com", website="http://spam.example")

    assert "Hãy xem hộp thư để xác nhận" in response.content.decode()
    assert not mailoutbox and not RecallSubscription.objects.exists()


def test_no_one_can_flood_an_inbox(client, lot, mailoutbox, real_rate_limits):
    for n in range(3):
        asker = Client(REMOTE_ADDR=f"10.0.0.{n + 1}")
        assert _ask(asker, lot, "nan-nhan@example.com").status_code == 200

    refused = _ask(Client(REMOTE_ADDR="10.0.0.9"), lot, "NAN-NHAN@example.com")

    assert refused.status_code == 429
    assert len(mailoutbox) == 3
    for n in range(10):  # one address asking for many others is limited too
        _ask(client, lot, f"nguoi-{n}@example.com")
    assert _ask(client, lot, "nguoi-cuoi@example.com").status_code == 429


def test_a_recalled_lot_takes_no_more_requests(client, lot, tea_user, mailoutbox):
    batch_recall(batch=lot, reason=REASON, by=tea_user)
    page = client.get(f"/t/{lot.short_code}", **BROWSER).content.decode()
    mailoutbox.clear()

    assert 'id="nhan-tin"' not in page
    assert _ask(client, lot, "muon@example.com").status_code == 404
    assert not mailoutbox


def test_an_unknown_link_is_not_found(client):
    assert client.get("/t/alerts/khong-co-ma-nay-trong-co-so-du-lieu/confirm/").status_code == 404
    assert client.post("/t/alerts/x/stop/").status_code == 404
