"""The search server's answers are cached per query under the catalogue stamp.

A search page asks the server once (hits, facets and stories in one ``msearch``); the
same page again asks it nothing until something a shopper would see changes. The
suggestions' JSON is cached whole. The per-user parts of a page are never shared.
"""

import pytest
from django.urls import reverse
from oscar.test.factories import UserFactory

from search import connection, queries
from tests import search_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def products(search_server):
    catalogue = search_data.catalogue()
    search_server.rebuild()
    return catalogue


@pytest.fixture
def server_calls(monkeypatch):
    """Count the calls that reach the search server from the search and suggestions."""
    calls = []

    def counting(operation, **kwargs):
        calls.append(operation)
        return connection.call(operation, **kwargs)

    monkeypatch.setattr(queries, "call", counting)
    return calls


def _titles(response):
    return [product.title for product in response.context["products"]]


def test_a_search_page_costs_one_search_server_call(client, products, server_calls):
    response = client.get(reverse("search:search"), {"q": "che", "stars": "5"})

    assert response.context["from_search_server"] is True
    assert len(server_calls) == 1


def test_the_same_search_again_costs_no_search_server_call(client, products, server_calls):
    params = {"q": "che  thai", "province": ["19", "25"], "sort_by": "price-asc"}
    first = client.get(reverse("search:search"), params)
    calls = len(server_calls)
    # The same query written otherwise (spaces, the facet values' order) is the same search.
    again = client.get(reverse("search:search"), {**params, "q": "che thai",
                                                  "province": ["25", "19"]})  # fmt: skip

    assert calls == 1
    assert len(server_calls) == calls
    assert again.context["from_search_server"] is True
    assert _titles(again) == _titles(first) == ["Chè Thái Nguyên Tân Cương"]
    assert [f.name for f in again.context["facets"]] == [f.name for f in first.context["facets"]]


def test_another_page_sort_or_filter_is_its_own_search(client, products, server_calls):
    client.get(reverse("search:search"), {"q": "che"})
    client.get(reverse("search:search"), {"q": "che", "sort_by": "price-desc"})
    client.get(reverse("search:search"), {"q": "che", "stars": "4"})

    assert len(server_calls) == 3


def test_a_new_or_renamed_product_shows_at_once(
    client, products, search_server, server_calls, django_capture_on_commit_callbacks
):
    before = _titles(client.get(reverse("search:search"), {"q": "mat ong"}))
    assert "Mật ong hoa nhãn" in before

    honey = products["honey"]
    with django_capture_on_commit_callbacks(execute=True):
        honey.title = "Mật ong rừng U Minh"
        honey.save()
    with django_capture_on_commit_callbacks(execute=True):
        added = search_data.product(honey.cooperative, "Mật ong bạc hà", 200_000)
    search_server.refresh()
    calls = len(server_calls)
    response = client.get(reverse("search:search"), {"q": "mat ong"})

    assert len(server_calls) > calls
    after = _titles(response)
    assert "Mật ong hoa nhãn" not in after
    assert {"Mật ong rừng U Minh", added.title} <= set(after)


def test_suggestions_are_served_from_the_cache(client, products, server_calls):
    url = reverse("search:suggest")
    first = client.get(url, {"q": "mậ"})
    calls = len(server_calls)
    again = client.get(url, {"q": " mậ "})

    assert calls == 1  # products, cooperatives and stories in one msearch
    assert len(server_calls) == calls
    assert again.content == first.content
    assert again["Content-Type"] == "application/json"
    assert again.json()["products"][0]["title"] == "Mật ong hoa nhãn"


def test_suggestions_follow_a_rename(
    client, products, search_server, django_capture_on_commit_callbacks
):
    url = reverse("search:suggest")
    assert client.get(url, {"q": "mậ"}).json()["products"][0]["title"] == "Mật ong hoa nhãn"
    honey = products["honey"]
    with django_capture_on_commit_callbacks(execute=True):
        honey.title = "Mật ong rừng U Minh"
        honey.save()
    search_server.refresh()

    assert client.get(url, {"q": "mậ"}).json()["products"][0]["title"] == "Mật ong rừng U Minh"


def test_the_per_user_parts_of_a_cached_page_are_never_shared(client, products, server_calls):
    params = {"q": "che"}
    first_user = UserFactory(email="an@ocop.example")
    second_user = UserFactory(email="binh@ocop.example")
    client.force_login(first_user)
    client.post(reverse("basket:add", kwargs={"pk": products["phu_tho_tea"].pk}), {"quantity": 2})
    first = client.get(reverse("search:search"), params)
    client.logout()
    client.force_login(second_user)
    second = client.get(reverse("search:search"), params)

    assert len(server_calls) == 1  # the second user's page came from the cache
    assert first.context["request"].user == first_user
    assert second.context["request"].user == second_user
    assert first.context["request"].basket.num_items == 2
    assert second.context["request"].basket.num_items == 0
    # The first user's basket total (2 × 90.000 ₫) is on no product card of this page.
    assert "180.000" in first.content.decode()
    assert "180.000" not in second.content.decode()


def test_with_the_server_away_the_database_answers_and_is_not_cached(
    client, products, settings, server_calls
):
    real_url = settings.ES_URL
    settings.ES_URL = "http://127.0.0.1:9"  # nothing listens there
    settings.ES_RETRY_SECONDS = 0
    away = client.get(reverse("search:search"), {"q": "hoa nhan"})
    suggest_away = client.get(reverse("search:suggest"), {"q": "mat o"})

    assert away.context["from_search_server"] is False
    assert _titles(away) == ["Mật ong hoa nhãn"]
    assert suggest_away.json()["products"][0]["title"] == "Mật ong hoa nhãn"

    settings.ES_URL = real_url
    connection.breaker_reset()
    back = client.get(reverse("search:search"), {"q": "hoa nhan"})
    suggest_back = client.get(reverse("search:suggest"), {"q": "mat o"})

    assert back.context["from_search_server"] is True
    # The server's answer, not the database's: it has facet counts and prices.
    assert any(option.count for facet in back.context["facets"] for option in facet.options)
    assert suggest_back.json()["products"][0]["price"] == "180.000\u00a0₫"
