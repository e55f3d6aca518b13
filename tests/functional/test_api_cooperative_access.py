"""Who may call the cooperative API: a token's scopes, a token's validity, the login behind
it (still one of an approved cooperative's), a browser session, and the rate limits."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from marketplace.api.models import AccessToken
from marketplace.api.services import token_create, token_revoke
from marketplace.partner.services import cooperative_suspend
from tests.api_cooperative import api_client, token_secret, url

pytestmark = pytest.mark.django_db

User = get_user_model()


def _patch_stock(api, tea, **data):
    record = tea.stockrecords.get()
    return api.patch(
        url("stock-record-detail", pk=record.pk), data or {"num_in_stock": 7}, format="json"
    )


def _assert_401(response):
    assert response.status_code == 401, response.content
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


def test_a_read_token_cannot_change_stock_nor_read_other_families(tea_user, tea):
    api = api_client(token_secret(tea_user, ["catalogue:read"]))

    refused = _patch_stock(api, tea)

    assert refused.status_code == 403
    assert "catalogue:write" in refused.json()["detail"]
    assert tea.stockrecords.get().num_in_stock == 20
    assert api.get(url("stock-record-list")).status_code == 200
    assert api.get(url("order-list")).status_code == 403
    assert api.get(url("shipment-list")).status_code == 403
    assert api.get(url("batch-list")).status_code == 403


def test_a_write_token_also_reads_its_family_and_only_its_family(tea_user, tea):
    api = api_client(token_secret(tea_user, ["orders:write"]))

    assert api.get(url("order-list")).status_code == 200
    assert api.get(url("shipment-list")).status_code == 200
    assert api.get(url("product-list")).status_code == 403
    assert api.get(url("profile")).status_code == 403
    assert _patch_stock(api, tea).status_code == 403
    trace = api_client(token_secret(tea_user, ["trace:read"]))
    created = trace.post(url("batch-list"), {"product": tea.pk}, format="json")
    assert created.status_code == 403
    assert trace.get(url("batch-list")).status_code == 200


@pytest.mark.parametrize(
    "authorization",
    [
        "Bearer",  # no secret
        "Bearer ocop_1234abcd_x y",  # three words
        "Bearer not-a-token",  # malformed
        "Bearer ocop_1234abcd_" + "A" * 43,  # well formed, unknown
        "Bearer ocop_ệ",  # not ASCII
    ],
)
def test_a_bad_token_is_a_401_with_the_scheme_to_use(tea_user, authorization):
    api = api_client()
    api.credentials(HTTP_AUTHORIZATION=authorization.encode().decode("latin-1"))

    _assert_401(api.get(url("product-list")))


def test_no_token_is_a_401(db):
    _assert_401(api_client().get(url("order-list")))


def test_a_revoked_or_expired_token_is_a_401(tea_user, tea):
    token, secret = token_create(user=tea_user, name="Kịch bản cũ", scopes=["catalogue:write"])
    api = api_client(secret)
    assert api.get(url("product-list")).status_code == 200

    token_revoke(token=token, by=tea_user)
    _assert_401(api.get(url("product-list")))

    token, secret = token_create(user=tea_user, name="Hết hạn", scopes=["catalogue:write"])
    AccessToken.objects.filter(pk=token.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    _assert_401(api_client(secret).get(url("product-list")))
    _assert_401(_patch_stock(api_client(secret), tea))
    assert tea.stockrecords.get().num_in_stock == 20


def test_a_token_of_a_deactivated_login_is_a_401(tea_user):
    secret = token_secret(tea_user)
    User.objects.filter(pk=tea_user.pk).update(is_active=False)

    _assert_401(api_client(secret).get(url("product-list")))


def test_a_token_whose_login_left_the_cooperative_is_refused(tea_user, tea, tea_cooperative):
    secret = token_secret(tea_user)
    tea_cooperative.partner.users.remove(tea_user)

    for response in (
        api_client(secret).get(url("product-list")),
        _patch_stock(api_client(secret), tea),
    ):
        assert response.status_code == 403
    assert tea.stockrecords.get().num_in_stock == 20


def test_a_token_of_a_suspended_cooperative_is_refused(tea_user, tea, tea_cooperative, staff_user):
    secret = token_secret(tea_user)
    cooperative_suspend(cooperative=tea_cooperative, reason="Kiểm tra chất lượng", by=staff_user)

    assert api_client(secret).get(url("profile")).status_code == 403
    assert _patch_stock(api_client(secret), tea).status_code == 403


def test_staff_make_no_token_and_their_session_acts_for_no_cooperative(staff_user, client):
    with pytest.raises(PermissionDenied):
        token_create(user=staff_user, name="Quản trị", scopes=["orders:read"])
    client.force_login(staff_user)

    assert client.get(url("order-list")).status_code == 403


def test_a_session_needs_its_csrf_token_to_change_anything(tea_user, tea):
    browser = api_client(enforce_csrf_checks=True)
    browser.force_login(tea_user)

    assert browser.get(url("stock-record-list")).status_code == 200
    refused = _patch_stock(browser, tea)
    assert refused.status_code == 403 and "CSRF" in refused.json()["detail"]
    assert tea.stockrecords.get().num_in_stock == 20


def test_a_shopper_signed_in_in_the_browser_reaches_nothing(customer, client):
    client.force_login(customer)

    assert client.get(url("profile")).status_code == 403


def test_changes_past_the_tokens_write_limit_answer_429(real_rate_limits, tea_user, tea):
    api = api_client(token_secret(tea_user, ["catalogue:write"]))
    record = tea.stockrecords.get()
    for stock in range(60):
        response = api.patch(
            url("stock-record-detail", pk=record.pk), {"num_in_stock": stock}, format="json"
        )
        assert response.status_code == 200, (stock, response.content)

    refused = api.patch(
        url("stock-record-detail", pk=record.pk), {"num_in_stock": 99}, format="json"
    )

    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0 and refused.json()["detail"]
    assert tea.stockrecords.get().num_in_stock == 59
    # Reads have their own, larger budget; another token of the cooperative its own.
    assert api.get(url("stock-record-list")).status_code == 200
    other = api_client(token_secret(tea_user, ["catalogue:write"], name="Kịch bản 2"))
    assert (
        other.patch(
            url("stock-record-detail", pk=record.pk), {"num_in_stock": 99}, format="json"
        ).status_code
        == 200
    )


def test_guessing_tokens_from_one_address_is_slowed_down(real_rate_limits, tea_user):
    guesser = api_client()
    for n in range(20):
        guesser.credentials(HTTP_AUTHORIZATION=f"Bearer ocop_{n:08x}_" + "B" * 43)
        _assert_401(guesser.get(url("product-list")))

    refused = guesser.get(url("product-list"))

    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    # A real token still works from there: only refused tokens count.
    assert api_client(token_secret(tea_user)).get(url("product-list")).status_code == 200
