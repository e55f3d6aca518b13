"""Personal access tokens: made for a cooperative's login, kept only as a digest, revocable."""

import datetime
import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from oscar.test.factories import UserFactory

from marketplace.api.models import AccessToken
from marketplace.api.services import token_create, token_find, token_revoke, token_used
from tests.factories import CooperativeFactory, cooperative_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    return cooperative_user(CooperativeFactory())


def test_token_is_shown_once_and_stored_only_as_its_digest(member):
    token, secret = token_create(user=member, name="Đồng bộ Shopee", scopes=["catalogue:write"])
    stored = AccessToken.objects.get()
    assert secret.startswith(f"{stored.prefix}_") and len(secret) == 57
    assert stored.key_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in str(AccessToken.objects.values().get())
    assert stored.cooperative == member.partners.get().cooperative
    assert token_find(secret) == token
    assert (stored.expires_at - timezone.now()).days in (89, 90)


def test_a_write_scope_allows_reading_the_same_family_only(member):
    token, _secret = token_create(user=member, name="Kho", scopes=["catalogue:write"])
    assert token.allows("catalogue:read") and token.allows("catalogue:write")
    assert not token.allows("orders:read") and not token.allows("trace:write")


@pytest.mark.parametrize(
    "secret",
    ["", "ocop_", "ocop_zzzzzzzz_" + "a" * 43, "Bearer x", "ocop_1234abcd_" + "a" * 42, "💥" * 57],
)
def test_malformed_secrets_find_nothing(member, secret):
    token_create(user=member, name="Kho", scopes=["catalogue:read"])
    assert token_find(secret) is None


def test_a_secret_with_a_known_prefix_but_wrong_rest_finds_nothing(member):
    _token, secret = token_create(user=member, name="Kho", scopes=["catalogue:read"])
    forged = secret[:-1] + ("A" if secret[-1] != "A" else "B")
    assert token_find(forged) is None


def test_revoked_and_expired_tokens_stop_working(member):
    revoked, revoked_secret = token_create(user=member, name="Cũ", scopes=["orders:read"])
    expired, expired_secret = token_create(user=member, name="Hết hạn", scopes=["orders:read"])
    token_revoke(token=revoked, by=member)
    AccessToken.objects.filter(pk=expired.pk).update(expires_at=timezone.now())
    assert token_find(revoked_secret) is None
    assert token_find(expired_secret) is None
    assert AccessToken.objects.get(pk=revoked.pk).revoked_by == member


def test_another_cooperatives_login_cannot_revoke_a_token(member):
    token, secret = token_create(user=member, name="Kho", scopes=["orders:read"])
    stranger = cooperative_user(CooperativeFactory())
    with pytest.raises(PermissionDenied):
        token_revoke(token=token, by=stranger)
    assert token_find(secret) == token


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": "  ", "scopes": ["orders:read"]}, "name"),
        ({"name": "Kho", "scopes": []}, "scopes"),
        ({"name": "Kho", "scopes": ["orders:delete"]}, "scopes"),
        ({"name": "Kho", "scopes": ["orders:read"], "days": 7}, "days"),
    ],
)
def test_bad_token_requests_are_refused_and_create_nothing(member, fields, field):
    with pytest.raises(ValidationError) as refused:
        token_create(user=member, **fields)
    assert field in refused.value.message_dict
    assert not AccessToken.objects.exists()


def test_only_a_login_acting_for_an_approved_cooperative_gets_a_token():
    shopper = UserFactory()
    staff = UserFactory(is_staff=True)
    applicant = cooperative_user(CooperativeFactory(status="applied"))
    for user in (shopper, staff, applicant):
        with pytest.raises(PermissionDenied):
            token_create(user=user, name="Kho", scopes=["orders:read"])
    assert not AccessToken.objects.exists()


def test_use_is_recorded_by_the_worker_at_most_every_ten_minutes(
    member, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    cache.clear()
    token, _secret = token_create(user=member, name="Kho", scopes=["orders:read"])
    with django_capture_on_commit_callbacks(execute=True):
        token_used(token)
    token.refresh_from_db()
    first = token.last_used_at
    assert first is not None
    AccessToken.objects.filter(pk=token.pk).update(last_used_at=first - datetime.timedelta(hours=1))
    token.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        token_used(token)  # within ten minutes of the last write: nothing queued
    assert callbacks == []
