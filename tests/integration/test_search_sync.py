"""The index follows the database after each commit; a rebuild swaps an alias."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from search import connection
from search.documents import alias_name
from search.indexing import RETRY_KEY, index_rebuild, sync_pending
from search.queries import product_search
from search.tasks import index_reconcile
from tests import factories, search_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def cooperative(search_server):
    cooperative = factories.CooperativeFactory(partner__name="HTX Chè Phú Thọ")
    search_data.product(cooperative, "Chè xanh Phú Thọ", 90_000, stars=4)
    search_server.rebuild()
    return cooperative


def _ids(query=""):
    return product_search(query=query).ids


def test_a_new_product_is_found_after_its_transaction_commits(
    cooperative, search_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        honey = search_data.product(cooperative, "Mật ong hoa nhãn", 180_000)
    search_server.refresh()
    assert _ids("mat ong") == [honey.pk]


def test_nothing_reaches_the_index_before_the_commit(
    cooperative, search_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        search_data.product(cooperative, "Mật ong hoa nhãn", 180_000)
    search_server.refresh()
    assert callbacks
    assert _ids("mat ong") == []


def test_price_and_stock_changes_reach_the_index(
    cooperative, search_server, django_capture_on_commit_callbacks
):
    product = cooperative.products.get()
    record = product.stockrecords.get()
    with django_capture_on_commit_callbacks(execute=True):
        record.price = 600_000
        record.num_in_stock = 0
        record.save()
    search_server.refresh()
    result = product_search(query="", filters=None)
    assert result.facets["price"] == {"500000-": 1}
    assert result.facets["in_stock"] == {}


def test_a_deleted_product_disappears(cooperative, search_server,
                                      django_capture_on_commit_callbacks):  # fmt: skip
    product = cooperative.products.get()
    with django_capture_on_commit_callbacks(execute=True):
        product.stockrecords.all().delete()
        product.certificates.all().delete()
        product.delete()
    search_server.refresh()
    assert _ids() == []


def test_a_suspended_cooperatives_products_disappear(
    cooperative, search_server, staff_user, django_capture_on_commit_callbacks
):
    from marketplace.partner.services import cooperative_suspend

    with django_capture_on_commit_callbacks(execute=True):
        cooperative_suspend(cooperative=cooperative, by=staff_user, reason="Hàng giả")
    search_server.refresh()
    assert _ids() == []


def test_a_sync_while_the_server_is_away_is_sent_by_the_reconcile(
    cooperative, search_server, settings, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    real_url = settings.ES_URL
    settings.ES_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    with django_capture_on_commit_callbacks(execute=True):
        honey = search_data.product(cooperative, "Mật ong hoa nhãn", 180_000)
    assert honey.pk in sync_pending()["products"]
    settings.ES_URL = real_url
    connection.breaker_reset()
    assert index_reconcile() >= 1
    search_server.refresh()
    assert _ids("mat ong") == [honey.pk]
    assert cache.get(RETRY_KEY) is None


def test_a_rebuild_swaps_the_alias_to_a_new_index_and_drops_the_old(cooperative):
    def indexes():
        return connection.call(lambda es: sorted(es.indices.get_alias(name=alias_name("products"))))

    before = indexes()
    assert len(before) == 1
    index_rebuild()
    after = indexes()
    assert len(after) == 1 and after != before
    assert not connection.call(lambda es: es.indices.exists(index=before[0]))


def test_searches_keep_the_old_index_until_the_swap(cooperative, search_server):
    search_data.product(cooperative, "Mật ong hoa nhãn", 180_000)  # not synced: no commit
    seen_during_rebuild = []

    def progress(kind, count):
        if kind == "products":
            seen_during_rebuild.append(len(_ids()))

    index_rebuild(progress=progress)
    assert seen_during_rebuild == [1]
    assert len(_ids()) == 2


def test_the_rebuild_command_shows_progress(cooperative):
    out = StringIO()
    call_command("search_index", "--rebuild", stdout=out)
    output = out.getvalue()
    assert "products" in output and "1/1" in output
    assert "Đã lập chỉ mục 1 sản phẩm, 1 hợp tác xã và 0 câu chuyện." in output


def test_the_rebuild_command_counts_stories_too(cooperative, home_page):
    from tests import cms_pages

    cms_pages.story(cms_pages.story_index(home_page), cooperative=cooperative)
    out = StringIO()
    call_command("search_index", "--rebuild", stdout=out)
    assert "stories" in out.getvalue() and "1/1" in out.getvalue()
    assert "và 1 câu chuyện." in out.getvalue()


def test_the_rebuild_command_explains_a_missing_or_dead_server(settings):
    settings.ES_URL = ""
    with pytest.raises(CommandError, match="ES_URL is not set"):
        call_command("search_index", "--rebuild")
    settings.ES_URL = "http://127.0.0.1:9"
    with pytest.raises(CommandError, match="did not answer"):
        call_command("search_index", "--rebuild", stdout=StringIO())
    with pytest.raises(CommandError, match="--rebuild"):
        call_command("search_index")
