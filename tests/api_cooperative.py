"""Calling the cooperative API as a cooperative's program does: with a personal token."""

from django.urls import reverse
from rest_framework.test import APIClient

from marketplace.api.models import SCOPES
from marketplace.api.services import token_create

ALL_SCOPES = sorted(SCOPES)


def token_secret(user, scopes=ALL_SCOPES, name="Đồng bộ Shopee"):
    """Return the secret of a new token of ``user`` with ``scopes``."""
    _token, secret = token_create(user=user, name=name, scopes=scopes)
    return secret


def api_client(secret=None, **extra):
    """Return a client that sends ``Authorization: Bearer <secret>`` (none without one)."""
    client = APIClient(**extra)
    if secret is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


def url(name, **kwargs):
    return reverse(f"api:cooperative-{name}", kwargs=kwargs)


def results(response):
    """Return a list page's items, after checking the answer is a 200."""
    assert response.status_code == 200, response.content[:500]
    return response.json()["results"]
