"""Suggestions while typing: JSON of products, categories and cooperatives."""

import pytest
from django.urls import reverse

from tests import search_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def products(search_server):
    catalogue = search_data.catalogue()
    search_server.rebuild()
    return catalogue


def _suggest(client, query):
    response = client.get(reverse("search:suggest"), {"q": query})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_two_letters_suggest_products_categories_and_cooperatives(client, products):
    assert _suggest(client, "ga")["products"][0]["title"] == "Gạo ST25 đặc sản"
    # With diacritics typed, a word written the same way comes first ("mật", not "mắm"),
    # also before its tone is typed ("mâ").
    for typed in ("mậ", "mâ"):
        assert _suggest(client, typed)["products"][0]["title"] == "Mật ong hoa nhãn"
    assert _suggest(client, "mă")["products"][0]["title"] == "Nước mắm cốt"
    data = _suggest(client, "mậ")
    assert data["products"][0]["url"] == products["honey"].get_absolute_url()
    assert data["products"][0]["price"] == "180.000\u00a0₫"
    assert data["categories"] == [{"name": "Mật ong", "url": products["honey"].categories.get()
                                   .get_absolute_url()}]  # fmt: skip


def test_suggestions_need_no_diacritics_and_match_word_starts(client, products):
    data = _suggest(client, "che thai ng")
    assert data["products"][0]["title"] == "Chè Thái Nguyên Tân Cương"
    cooperatives = _suggest(client, "htx ong")["cooperatives"]
    assert cooperatives == [{"name": "HTX Ong Mật Hưng Yên", "url": "/shop/cooperatives/htx-ong/",
                             "province": "Phú Thọ"}]  # fmt: skip


def test_one_letter_suggests_nothing(client, products):
    assert _suggest(client, "m") == {"query": "m", "products": [], "categories": [],
                                     "cooperatives": [], "stories": []}  # fmt: skip


@pytest.mark.parametrize("junk", ['"}]{[', "x" * 5000, "%%%", "<script>alert(1)</script>", "  "])
def test_junk_gets_an_answer_never_an_error(client, products, junk):
    data = _suggest(client, junk)
    assert set(data) == {"query", "products", "categories", "cooperatives", "stories"}
    assert len(data["query"]) <= 100
