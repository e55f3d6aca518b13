"""Suggestions the database answered (the search server away) are kept until the server is
tried again: shoppers typing the same letters meanwhile cost the database nothing more."""

import pytest
from django.urls import reverse

from search import connection
from tests import search_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def server_away(settings, search_server):
    search_data.catalogue()
    settings.ES_URL = "http://127.0.0.1:9"  # nothing listens there
    settings.ES_RETRY_SECONDS = 30
    connection.breaker_reset()
    yield settings
    connection.breaker_reset()


def test_the_databases_suggestions_are_kept_while_the_server_is_away(
    client, server_away, django_assert_num_queries
):
    first = client.get(reverse("search:suggest"), {"q": "mat ong"})
    assert "Mật ong hoa nhãn" in [p["title"] for p in first.json()["products"]]

    with django_assert_num_queries(0):
        again = client.get(reverse("search:suggest"), {"q": "mat ong"})
    assert again.content == first.content


def test_nothing_is_kept_when_the_server_is_tried_again_at_once(
    client, server_away, django_assert_num_queries
):
    server_away.ES_RETRY_SECONDS = 0
    client.get(reverse("search:suggest"), {"q": "mat ong"})

    with django_assert_num_queries(1):  # the folded titles, asked again
        again = client.get(reverse("search:suggest"), {"q": "mat ong"})
    assert "Mật ong hoa nhãn" in [p["title"] for p in again.json()["products"]]
