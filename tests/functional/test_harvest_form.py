"""Recording a harvest from a phone: the new-batch form starts with what the cooperative
used last, records the first event in the same step, and says what is wrong beside the
field, in the page's language."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import CooperativeFactory, cooperative_user, ocop_product, trace_batch
from traceability.models import NOTE_MAX_CHARS, Batch

pytestmark = pytest.mark.django_db


@pytest.fixture
def seller(client, cooperative):
    client.force_login(cooperative_user(cooperative))
    return client


@pytest.fixture
def tea(cooperative):
    return ocop_product(cooperative=cooperative, title="Chè búp Cam My", price=85000)


def _post(seller, product, *, language="vi", **extra):
    data = {"product": product.pk, "lot_code": "CM-2612", "quantity": "300",
            "produced_on": "2026-11-02", "event_kind": "harvest",
            "event_occurred_at": "2026-11-02T07:30", "event_place": "Đồi Khu 3",
            "event_note": ""}  # fmt: skip
    data.update(extra)
    with translation.override(language):  # the address says the language
        url = reverse("batch-create")
    return seller.post(url, data)


def _field(page, name):
    """Return the form group of field ``name``: its label, widget, errors and help text."""
    at = page.index(f'id="id_{name}"')
    start = page.rindex('class="form-group', 0, at)
    end = page.find('class="form-group', at)
    return page[start : end if end != -1 else None]


def test_a_cooperative_logging_in_lands_on_its_overview(client, cooperative):
    user = cooperative_user(cooperative)
    user.set_password("bup-che-2026")
    user.save()

    response = client.post(
        reverse("customer:login"),
        {"login-username": user.email, "login-password": "bup-che-2026", "login_submit": "1"},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("cooperative-overview")


def test_a_shopper_logging_in_still_lands_on_the_account_page(client, customer):
    response = client.post(
        reverse("customer:login"),
        {"login-username": customer.email, "login-password": "skelebrain", "login_submit": "1"},
    )

    assert response["Location"] == "/shop/accounts/"


def test_the_overview_leads_to_products_orders_batches_labels_and_payouts(seller):
    page = seller.get(reverse("cooperative-overview")).content.decode()

    for tile, url in [
        ("tile-harvest", reverse("batch-create")),
        ("tile-products", reverse("dashboard:catalogue-product-list")),
        ("tile-orders", reverse("dashboard:order-list")),
        ("tile-batches", reverse("batch-list")),
        ("tile-labels", reverse("batch-list") + "#labels-help"),
        ("tile-payouts", reverse("cooperative-money")),
    ]:
        assert f'id="{tile}" href="{url}"' in page
    assert "Chợ OCOP" in page and "logo_oscar" not in page
    assert page.count('class="navbar-toggler"') == 1  # one menu button


def test_the_new_batch_form_remembers_the_last_product_and_place(seller, cooperative):
    ocop_product(cooperative=cooperative, title="Mật ong hoa nhãn", price=150000)
    last = trace_batch(cooperative=cooperative, lot_code="CM-2611")
    before = timezone.localtime()

    page = seller.get(reverse("batch-create")).content.decode()

    today = timezone.localdate()
    product = _field(page, "product")
    assert f'<option value="{last.product.pk}" selected>' in product
    assert f'value="{today:%y%m%d}-1"' in _field(page, "lot_code")
    assert f'value="{today:%Y-%m-%d}"' in _field(page, "produced_on")
    assert '<option value="harvest" selected>' in _field(page, "event_kind")
    shown = _field(page, "event_occurred_at").split('value="')[1].split('"')[0]
    assert abs(datetime.datetime.fromisoformat(shown) - before.replace(tzinfo=None)) < (
        datetime.timedelta(minutes=2)
    )
    assert f'value="{last.events.last().place}"' in _field(page, "event_place")
    assert "Tối đa 2.000 ký tự" in _field(page, "event_note")
    assert f'maxlength="{NOTE_MAX_CHARS}"' in _field(page, "event_note")


def test_a_new_lot_code_is_suggested_past_the_days_taken_ones(seller, cooperative, tea):
    today = timezone.localdate()
    trace_batch(cooperative=cooperative, lot_code=f"{today:%y%m%d}-1", publish=False)

    page = seller.get(reverse("batch-create")).content.decode()

    assert f'value="{today:%y%m%d}-2"' in _field(page, "lot_code")


def test_a_batch_and_its_harvest_are_recorded_in_one_step(seller, tea):
    response = _post(seller, tea, event_note="Hái một tôm hai lá")

    batch = Batch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("batch-detail", args=[batch.pk])
    event = batch.events.get()
    assert (event.kind, event.place, event.note) == ("harvest", "Đồi Khu 3", "Hái một tôm hai lá")
    assert event.occurred_at == datetime.datetime(
        2026, 11, 2, 7, 30, tzinfo=timezone.get_current_timezone()
    )


def test_a_batch_without_a_first_event_is_still_a_draft_to_add_to(seller, tea):
    _post(seller, tea, event_kind="", event_occurred_at="")

    assert not Batch.objects.get().events.exists()


def test_a_best_before_date_before_production_is_said_beside_its_field(seller, tea):
    response = _post(seller, tea, best_before="2026-10-01")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Hạn sử dụng phải từ ngày thu hoạch / sản xuất trở đi." in _field(page, "best_before")
    assert "Constraint" not in page and "violated" not in page
    assert '<details class="mb-3" open>' in page  # the folded field is shown
    assert not Batch.objects.exists()


def test_an_english_page_says_it_in_english(seller, tea):
    page = _post(seller, tea, language="en", best_before="2026-10-01").content.decode()

    assert "The best-before date must be on or after the harvest" in _field(page, "best_before")


def test_a_lot_code_the_product_already_has_is_said_beside_it(seller, cooperative, tea):
    _post(seller, tea)

    page = _post(seller, tea).content.decode()

    assert "Sản phẩm này đã có lô mã CM-2612" in _field(page, "lot_code")
    assert Batch.objects.count() == 1


def test_a_200000_character_note_is_refused_with_its_limit(seller, tea):
    page = _post(seller, tea, event_note="chè." * 50_000).content.decode()

    note = _field(page, "event_note")
    assert "Ghi chú dài tối đa 2000 ký tự (đang có 200000)." in note
    assert not Batch.objects.exists()


def test_a_first_event_in_the_future_is_said_beside_its_time(seller, tea):
    later = timezone.localtime() + datetime.timedelta(days=2)

    page = _post(seller, tea, event_occurred_at=f"{later:%Y-%m-%dT%H:%M}").content.decode()

    assert "Thời điểm không được ở tương lai." in _field(page, "event_occurred_at")
    assert not Batch.objects.exists()


def test_another_cooperatives_last_batch_is_not_suggested(seller, tea):
    theirs = trace_batch(cooperative=CooperativeFactory(), lot_code="HO-1")

    page = seller.get(reverse("batch-create")).content.decode()

    assert f'value="{theirs.product.pk}"' not in page
    assert theirs.events.last().place not in page
