"""Product views are counted off the request path and written in batches."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from marketplace.analytics import buffer
from marketplace.analytics.services import product_views_flush
from tests.factories import ocop_product

pytestmark = pytest.mark.django_db

ProductRecord = get_model("analytics", "ProductRecord")
UserProductView = get_model("analytics", "UserProductView")


@pytest.fixture(autouse=True)
def _empty_buffer():
    buffer.drain()
    yield
    buffer.drain()


def test_viewing_a_product_writes_nothing_to_the_database(client, cooperative):
    product = ocop_product(cooperative=cooperative, title="Chè Tân Cương", price=125000)
    client.get(product.get_absolute_url())  # the first view makes the thumbnails, once

    with CaptureQueriesContext(connection) as queries:
        response = client.get(product.get_absolute_url())

    assert response.status_code == 200
    sql = [q["sql"].lstrip().upper() for q in queries]
    assert [q for q in sql if q.startswith(("INSERT", "UPDATE", "DELETE"))] == []
    assert buffer.drain()[0] == {product.pk: 2}


def test_flushing_writes_the_buffered_views(client, cooperative, customer):
    product = ocop_product(cooperative=cooperative, title="Mật ong hoa nhãn", price=180000)
    client.get(product.get_absolute_url())
    client.force_login(customer)
    client.get(product.get_absolute_url())

    written = product_views_flush()

    assert written == 2
    assert ProductRecord.objects.get(product=product).num_views == 2
    assert UserProductView.objects.filter(product=product, user=customer).count() == 1
    assert product_views_flush() == 0


def test_views_of_a_deleted_product_are_dropped(cooperative):
    product = ocop_product(cooperative=cooperative, title="Gạo ST25", price=190000)
    buffer.record_product_view(product_id=product.pk)
    product.delete()

    assert product_views_flush() == 0


def test_views_by_a_deleted_user_still_count_for_the_product(cooperative, customer):
    product = ocop_product(cooperative=cooperative, title="Chè Shan tuyết", price=250000)
    buffer.record_product_view(product_id=product.pk, user_id=customer.pk)
    customer.delete()

    assert product_views_flush() == 1
    assert ProductRecord.objects.get(product=product).num_views == 1
    assert not UserProductView.objects.filter(product=product).exists()
