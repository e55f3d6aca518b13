"""Redis away (the shared cache of the rate limits and of "last used"): the API still answers.

The limits cannot be counted then, so calls are let through (logged) rather than failing
every one of them; "last used" is noted on a later call.
"""

import pytest
from django.test import Client

from marketplace.api.models import SCOPES, AccessToken
from marketplace.api.services import token_create
from tests.factories import CooperativeFactory, cooperative_user, ocop_product

pytestmark = pytest.mark.django_db

CLOSED_PORT = "127.0.0.1:9"  # discard: nothing listens there


def redis_away(settings):
    """Point every cache at a port nothing listens on (after the test's data is made)."""
    settings.CACHES = {
        name: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://{CLOSED_PORT}/0",
        }
        for name in settings.CACHES
    }


def test_a_cooperatives_token_still_works_without_redis(settings, caplog):
    cooperative = CooperativeFactory()
    ocop_product(cooperative=cooperative, title="Chè búp", price=85000)
    token, secret = token_create(
        user=cooperative_user(cooperative), name="Kho", scopes=list(SCOPES)
    )
    client = Client(raise_request_exception=False)
    redis_away(settings)

    response = client.get("/api/v1/cooperative/products/", HTTP_AUTHORIZATION=f"Bearer {secret}")

    assert response.status_code == 200
    assert [product["title"] for product in response.json()["results"]] == ["Chè búp"]
    assert AccessToken.objects.get(pk=token.pk).last_used_at is None
    assert "Redis unreachable" in caplog.text


def test_a_refused_token_is_still_a_401_without_redis(settings):
    client = Client(raise_request_exception=False)
    redis_away(settings)

    response = client.get(
        "/api/v1/cooperative/", HTTP_AUTHORIZATION="Bearer ocop_00000000_" + "a" * 43
    )

    assert response.status_code == 401


def test_the_public_catalogue_still_answers_without_redis(settings):
    ocop_product(cooperative=CooperativeFactory(), title="Mật ong bạc hà", price=250000)
    client = Client(raise_request_exception=False)
    redis_away(settings)

    response = client.get("/api/v1/products/")

    assert response.status_code == 200
    assert [product["title"] for product in response.json()["results"]] == ["Mật ong bạc hà"]
