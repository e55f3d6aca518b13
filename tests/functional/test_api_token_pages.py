"""A cooperative's API tokens in the dashboard: made with the secret shown once, listed
without it, revoked; another cooperative's tokens out of reach; bad input refused beside
its fields; creation rate-limited per account."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from marketplace.api.models import AccessToken
from marketplace.api.services import token_create, token_find
from marketplace.throttling import LIMITS
from tests.factories import CooperativeFactory, cooperative_user

pytestmark = pytest.mark.django_db

SECRET = re.compile(r"ocop_[0-9a-f]{8}_[A-Za-z0-9_-]{43}")
LIST = "/shop/dashboard/cooperative/api-tokens/"


def text(response):
    return response.content.decode()


def _create(client, **data):
    form = {"name": "Đồng bộ Shopee", "scopes": ["catalogue:write", "orders:read"], "days": "30"}
    return client.post(reverse("cooperative-api-tokens"), {**form, **data})


@pytest.fixture
def worker(client, cooperative):
    client.force_login(cooperative_user(cooperative))
    return client


def test_the_list_lives_under_the_dashboard_in_both_languages(worker):
    assert reverse("cooperative-api-tokens") == LIST
    assert reverse("cooperative-api-token-revoke", kwargs={"pk": 7}) == f"{LIST}7/revoke/"
    assert worker.get(LIST).status_code == 200
    assert worker.get("/en" + LIST).status_code == 200


def test_the_empty_list_says_what_a_token_is_for_and_links_to_the_docs(worker):
    page = text(worker.get(LIST))

    assert 'data-testid="api-tokens-empty"' in page
    assert "phần mềm kho tự cập nhật số hàng còn" in page
    assert f'href="{reverse("api:docs")}"' in page


def test_the_form_starts_with_reading_the_catalogue_and_orders_for_90_days(worker):
    response = worker.get(LIST)
    page = text(response)

    form = response.context["form"]
    assert form["scopes"].value() == ["catalogue:read", "orders:read"]
    assert form["days"].value() == 90
    checked = re.findall(
        r'<input type="checkbox" name="scopes" value="([a-z:]+)"[^>]*checked', page
    )
    assert checked == ["catalogue:read", "orders:read"]
    assert '<option value="90" selected>' in page
    assert "Sửa giá và tồn kho" in page  # each scope by its label


def test_creating_a_token_shows_the_secret_once_and_the_list_never(worker, cooperative, settings):
    before = timezone.now()

    response = _create(worker)

    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "api/dashboard/token_created.html"
    assert "no-store" in response["Cache-Control"]
    secrets = set(SECRET.findall(text(response)))
    assert len(secrets) == 1
    secret = secrets.pop()
    token = AccessToken.objects.get()
    assert token_find(secret) == token
    assert token.cooperative == cooperative
    assert token.name == "Đồng bộ Shopee"
    assert token.scopes == ["catalogue:write", "orders:read"]
    expected = before + datetime.timedelta(days=30)
    assert abs(token.expires_at - expected) < datetime.timedelta(minutes=1)
    # The curl example, on the site's public address, with the secret in the header.
    curl = f'curl -H "Authorization: Bearer {secret}" "{settings.SITE_URL}/api/v1/cooperative/'
    assert curl + 'stock-records/"' in text(response).replace("&quot;", '"')
    assert 'data-copy-target="token-secret"' in text(response)
    assert "js/copy-text.js" in text(response)
    # Kept nowhere else: not in the session, not in a message for the next page.
    assert secret not in str(dict(worker.session.items()))
    listing = worker.get(LIST)
    page = text(listing)
    assert secret not in page and secret[13:] not in page
    assert token.key_hash not in page
    assert f"{token.prefix}_…" in page and "Đồng bộ Shopee" in page
    assert "Đang dùng được" in page
    assert list(listing.context["messages"]) == []


def test_a_token_for_orders_only_gets_a_shipments_example(worker, settings):
    page = text(_create(worker, scopes=["orders:write"])).replace("&quot;", '"')

    assert f'"{settings.SITE_URL}/api/v1/cooperative/shipments/?status=packed"' in page.replace(
        "&amp;", "&"
    )


def test_the_list_shows_scopes_dates_and_states(worker, cooperative):
    user = cooperative.partner.users.get()
    active, _ = token_create(user=user, name="Kho", scopes=["catalogue:read"], days=365)
    expired, _ = token_create(user=user, name="Cũ", scopes=["trace:write"], days=30)
    revoked, _ = token_create(user=user, name="Bỏ", scopes=["orders:read"], days=90)
    AccessToken.objects.filter(pk=expired.pk).update(expires_at=timezone.now())
    AccessToken.objects.filter(pk=active.pk).update(last_used_at=timezone.now())

    response = worker.post(reverse("cooperative-api-token-revoke", kwargs={"pk": revoked.pk}))

    assert response.status_code == 302 and response["Location"] == LIST
    page = text(worker.get(LIST))
    section = page.split('data-testid="api-tokens"')[1].split("</section>")[0]
    blocks = {
        t.pk: section.split(f'id="token-{t.pk}"')[1].split('class="list-group-item')[0]
        for t in (active, expired, revoked)
    }
    assert "Đang dùng được" in blocks[active.pk]
    assert "Xem sản phẩm, giá và tồn kho" in blocks[active.pk]
    assert "Chưa dùng" not in blocks[active.pk]
    assert "Đã hết hạn" in blocks[expired.pk] and "Tạo lô hàng, ghi sự kiện" in blocks[expired.pk]
    assert "Đã thu hồi" in blocks[revoked.pk] and "Ngày thu hồi" in blocks[revoked.pk]
    assert "Chưa dùng" in blocks[revoked.pk]
    # Only a token still in use can be revoked.
    assert f'action="{LIST}{active.pk}/revoke/"' in page
    assert f'action="{LIST}{expired.pk}/revoke/"' not in page


def test_a_revoked_token_no_longer_opens_the_api(worker, cooperative):
    secret = SECRET.search(text(_create(worker))).group()
    token = token_find(secret)
    revoke = reverse("cooperative-api-token-revoke", kwargs={"pk": token.pk})

    assert worker.get(revoke).status_code == 405  # a link cannot revoke
    assert token_find(secret) == token
    response = worker.post(revoke, follow=True)

    assert token_find(secret) is None
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert token.revoked_by == cooperative.partner.users.get()
    assert "Đã thu hồi mã “Đồng bộ Shopee”" in text(response)


def test_another_cooperative_can_neither_see_nor_revoke_the_token(client, cooperative):
    user = cooperative_user(cooperative)
    token, secret = token_create(user=user, name="Mã riêng của HTX A", scopes=["orders:write"])
    other = cooperative_user(CooperativeFactory())
    mine, _ = token_create(user=other, name="Mã của HTX B", scopes=["catalogue:read"])
    client.force_login(other)

    page = text(client.get(LIST))
    response = client.post(reverse("cooperative-api-token-revoke", kwargs={"pk": token.pk}))

    assert "Mã riêng của HTX A" not in page and token.prefix not in page
    assert "Mã của HTX B" in page
    assert response.status_code == 404
    assert token_find(secret) == token


def test_a_second_login_of_the_same_cooperative_sees_and_revokes_its_tokens(client, cooperative):
    token, secret = token_create(
        user=cooperative_user(cooperative), name="Bảng tính kho", scopes=["catalogue:write"]
    )
    client.force_login(cooperative_user(cooperative, email="ke-toan@ocop.example"))

    assert "Bảng tính kho" in text(client.get(LIST))
    client.post(reverse("cooperative-api-token-revoke", kwargs={"pk": token.pk}))

    assert token_find(secret) is None


@pytest.mark.parametrize("who", ["staff", "shopper"])
def test_staff_and_shoppers_are_refused(client, cooperative, staff_user, customer, who):
    token, secret = token_create(
        user=cooperative_user(cooperative), name="Kho", scopes=["catalogue:read"]
    )
    client.force_login(staff_user if who == "staff" else customer)

    assert client.get(LIST).status_code == 403
    assert _create(client).status_code == 403
    revoke = reverse("cooperative-api-token-revoke", kwargs={"pk": token.pk})
    assert client.post(revoke).status_code == 403
    assert AccessToken.objects.count() == 1
    assert token_find(secret) == token


def test_signed_out_visitors_are_sent_to_log_in(client, cooperative):
    token, _ = token_create(user=cooperative_user(cooperative), name="Kho", scopes=["trace:read"])

    for response in (
        client.get(LIST),
        _create(client),
        client.post(reverse("cooperative-api-token-revoke", kwargs={"pk": token.pk})),
    ):
        assert response.status_code == 302
        assert "/login/" in response["Location"]
    assert AccessToken.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"name": "   "}, "name", "Hãy đặt tên cho mã"),
        ({"name": "x" * 81}, "name", "Tên dài tối đa 80 ký tự"),
        ({"scopes": []}, "scopes", "Hãy chọn ít nhất một quyền."),
        ({"scopes": ["orders:read", "orders:x"]}, "scopes", "Quyền không tồn tại: orders:x"),
        ({"days": "7"}, "days", "Thời hạn phải là 30, 90 hoặc 365 ngày."),
        ({"days": "nhiều"}, "days", "Thời hạn phải là 30, 90 hoặc 365 ngày."),
    ],
)
def test_bad_input_is_refused_beside_its_field_and_makes_nothing(worker, data, field, message):
    response = _create(worker, **data)

    page = text(response)
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "api/dashboard/token_list.html"
    assert AccessToken.objects.count() == 0
    assert "Chưa tạo mã: hãy sửa những ô có lỗi bên dưới." in page
    error = page.split(f'id="id_{field}_error"')[1].split("</div>")[0]
    assert message in error
    assert SECRET.search(page) is None
    if field != "scopes":  # a group of checkboxes is described by its fieldset
        widget = re.search(rf'<(?:input|select)[^>]* id="id_{field}"[^>]*>', page).group()
        assert 'aria-invalid="true"' in widget and f"id_{field}_error" in widget


def test_script_in_a_tokens_name_is_shown_as_text(worker):
    name = '<script>alert("mã")</script><img src=x onerror=alert(1)>'

    created = text(_create(worker, name=name))
    listing = text(worker.get(LIST))

    for page in (created, listing):
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "&lt;script&gt;alert(&quot;mã&quot;)&lt;/script&gt;" in page
    assert AccessToken.objects.get().name == name


def test_the_overview_leads_to_the_tokens(worker):
    page = text(worker.get(reverse("cooperative-overview")))

    assert f'id="tile-api-tokens" href="{LIST}"' in page


@pytest.mark.usefixtures("real_rate_limits")
def test_making_tokens_is_rate_limited_per_account(worker):
    allowed = int(LIMITS["api-token-create"].rate.split("/")[0])
    for _attempt in range(allowed - 1):
        assert _create(worker, name="").status_code == 200  # refused input counts too
    assert SECRET.search(text(_create(worker))) is not None

    response = _create(worker)

    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    assert AccessToken.objects.count() == 1
    assert worker.get(LIST).status_code == 200  # reading the list is not limited
    other = Client()
    other.force_login(cooperative_user(CooperativeFactory()))
    assert SECRET.search(text(_create(other))) is not None
