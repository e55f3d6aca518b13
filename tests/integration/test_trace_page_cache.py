"""The trace page cache's stamps and the scan buffer, below the views."""

import datetime
import os

import pytest
import redis
from django.core.management import call_command
from django.utils import timezone

from tests.factories import trace_batch
from traceability import page_cache
from traceability.models import ScanLog
from traceability.scans import RedisScanBuffer, scans_flush

pytestmark = pytest.mark.django_db

REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def batch(cooperative):
    return trace_batch(cooperative=cooperative, upc="8934567890120", kinds=["harvest"],
                       photos_per_event=0)  # fmt: skip


@pytest.fixture
def route(batch):
    route = page_cache.lot_route(gtin="08934567890120", lot=batch.lot_code)
    page_cache.store(route, page_cache.lookup(route), batch, "route learnt")
    return route


def test_a_page_is_stored_once_its_route_is_known(batch, route):
    assert page_cache.lookup(route).html is None  # the first miss stored only the route

    page_cache.store(route, page_cache.lookup(route), batch, "<p>page</p>")

    assert page_cache.lookup(route).html == "<p>page</p>"


def test_a_page_read_before_a_change_is_never_stored_as_current(batch, route):
    before = page_cache.lookup(route)  # a miss reads the stamps, then the database…
    page_cache.batches_changed([batch.pk])  # …while a change is committed

    page_cache.store(route, before, batch, "<p>stale</p>")

    assert page_cache.lookup(route).html is None


def test_a_change_invalidates_again_once_committed(
    batch, route, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as committed:
        page_cache.batches_changed([batch.pk])  # inside the change's transaction
        during = page_cache.lookup(route)  # a request reads the new stamps, the old rows…
        page_cache.store(route, during, batch, "<p>read before the commit</p>")
    assert page_cache.lookup(route).html == "<p>read before the commit</p>"

    for callback in committed:  # the commit
        callback()

    assert page_cache.lookup(route).html is None


@pytest.mark.parametrize(
    "change",
    [
        lambda batch: page_cache.batches_changed([batch.pk]),
        lambda batch: page_cache.product_changed(batch.product_id),
        lambda batch: page_cache.cooperative_changed(batch.product.cooperative_id),
    ],
    ids=["batch", "product", "cooperative"],
)
def test_a_change_of_the_batch_its_product_or_cooperative_invalidates(batch, route, change):
    page_cache.store(route, page_cache.lookup(route), batch, "<p>page</p>")

    change(batch)

    assert page_cache.lookup(route).html is None


def test_invalid_input_has_no_route_and_no_cache_key():
    assert page_cache.lot_route(gtin="08934567890121", lot="A") is None  # check digit
    assert page_cache.lot_route(gtin="08934567890120", lot="A B") is None
    assert page_cache.short_route(code="0OIL1234") is None
    assert page_cache.latest_route(gtin="abc") is None


def test_no_cache_when_trace_cache_seconds_is_0(settings):
    settings.TRACE_CACHE_SECONDS = 0

    assert page_cache.lot_route(gtin="08934567890120", lot="A") is None


def test_the_flush_command_writes_buffered_scans(batch, settings):
    settings.ANALYTICS_FLUSH_SECONDS = 30
    from traceability.scans import get_buffer

    get_buffer().add(batch.pk, "Zalo", timezone.now())

    call_command("flush_scans", stdout=open(os.devnull, "w"))

    assert ScanLog.objects.filter(batch=batch, client="Zalo").count() == 1


@pytest.fixture
def redis_buffer():
    client = redis.Redis.from_url(REDIS_TEST_URL)
    try:
        client.ping()
    except redis.ConnectionError:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is not reachable at {REDIS_TEST_URL}")
        pytest.skip(f"Redis is not reachable at {REDIS_TEST_URL}")
    client.delete("trace:scans")
    yield RedisScanBuffer(REDIS_TEST_URL)
    client.delete("trace:scans")


def test_the_redis_scan_buffer_is_shared_and_drained_once(redis_buffer, batch, monkeypatch):
    when = timezone.now() - datetime.timedelta(minutes=2)
    other_process = RedisScanBuffer(REDIS_TEST_URL)
    redis_buffer.add(batch.pk, "Cốc Cốc", when)
    other_process.add(batch.pk, "Zalo", when)
    monkeypatch.setattr("traceability.scans._buffer", redis_buffer)

    assert scans_flush() == 2

    assert sorted(ScanLog.objects.values_list("client", "scanned_at")) == [
        ("Cốc Cốc", when),
        ("Zalo", when),
    ]
    assert other_process.drain() == []


def test_buffered_scans_keep_their_client_and_place_keys(redis_buffer, batch, monkeypatch):
    when = timezone.now() - datetime.timedelta(minutes=1)
    redis_buffer.add(batch.pk, "Zalo", when, "a" * 16, "b" * 16)
    # A scan buffered by the previous release (no keys) is still written.
    redis.Redis.from_url(REDIS_TEST_URL).rpush(
        "trace:scans", f"{batch.pk}\t{when.timestamp()}\tChrome"
    )
    monkeypatch.setattr("traceability.scans._buffer", redis_buffer)

    assert scans_flush() == 2

    assert sorted(ScanLog.objects.values_list("client", "client_key", "place_key")) == [
        ("Chrome", "", ""),
        ("Zalo", "a" * 16, "b" * 16),
    ]
