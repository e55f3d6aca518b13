"""A deployment rebuilds the search index only when the code that shapes it changed
(``manage.py search_index --if-outdated``, run by ``make serve``)."""

from io import StringIO

import pytest
from django.core.management import call_command

from search import connection
from search.documents import alias_name, index_body, schema_digest
from search.indexing import index_outdated
from search.queries import product_search
from tests import factories, search_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def honey(search_server):
    cooperative = factories.CooperativeFactory(partner__name="HTX Ong Mật")
    return search_data.product(cooperative, "Mật ong hoa nhãn", 180_000)


def _live_indexes():
    return connection.call(lambda es: sorted(es.indices.get_alias(name=alias_name("products"))))


def _if_outdated():
    out, err = StringIO(), StringIO()
    call_command("search_index", "--if-outdated", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_server_without_the_index_gets_it_built(honey):
    assert index_outdated() == ["products", "cooperatives", "stories"]

    out, _ = _if_outdated()

    assert "products, cooperatives, stories" in out
    assert "Đã lập chỉ mục 1 sản phẩm" in out
    assert product_search(query="mat ong").ids == [honey.pk]
    assert index_outdated() == []


def test_an_index_built_by_the_current_code_is_left_alone(honey, search_server):
    search_server.rebuild()
    before = _live_indexes()

    out, _ = _if_outdated()

    assert "không cần lập lại" in out
    assert _live_indexes() == before


def test_an_index_built_by_other_code_is_rebuilt_and_searches_find_again(honey, search_server):
    # The index of an earlier release: no relevance words, another schema digest.
    old_index = f"{alias_name('products')}-old"
    body = index_body("products")
    properties = body["mappings"]["properties"]
    body["mappings"] = {
        "_meta": {"schema": "earlier"},
        "properties": {name: f for name, f in properties.items() if not name.endswith("_keys")},
    }
    connection.call(lambda es: es.indices.create(index=old_index, **body))
    connection.call(
        lambda es: es.index(index=old_index, id=honey.pk, document={"title": "Mật ong"},
                            refresh=True)
    )  # fmt: skip
    connection.call(lambda es: es.indices.put_alias(index=old_index, name=alias_name("products")))
    assert product_search(query="mat ong").ids == []  # what a shopper would see
    assert "products" in index_outdated()

    out, _ = _if_outdated()

    assert "products" in out
    assert _live_indexes() != [old_index]
    assert product_search(query="mat ong").ids == [honey.pk]
    schema = connection.call(lambda es: es.indices.get_mapping(index=alias_name("products")))
    assert [m["mappings"]["_meta"]["schema"] for m in schema.values()] == [
        schema_digest("products")
    ]


def test_no_search_server_is_reported_without_stopping_the_deployment(settings):
    settings.ES_URL = ""
    out, _ = _if_outdated()
    assert "ES_URL is not set" in out

    settings.ES_URL = "http://127.0.0.1:9"
    connection.breaker_reset()
    out, err = _if_outdated()
    assert "did not answer" in err and "--if-outdated" in err
    assert out == ""
