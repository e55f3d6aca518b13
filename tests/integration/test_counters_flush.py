"""The beat task that writes the buffered product views and QR scans."""

import multiprocessing

import pytest
from django.db import DataError, OperationalError, connection
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.analytics import buffer
from marketplace.analytics.tasks import counters_flush
from marketplace.celery import app
from marketplace.jobs.base import MarketplaceTask
from tests.factories import ocop_product, trace_batch
from traceability import scans
from traceability.models import ScanLog

pytestmark = pytest.mark.django_db

ProductRecord = get_model("analytics", "ProductRecord")
UserProductView = get_model("analytics", "UserProductView")


def test_the_beat_schedule_runs_the_registered_task(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["flush-counters"]

    assert entry["task"] == "marketplace.analytics.tasks.counters_flush"
    task = app.tasks[entry["task"]]
    assert task.name == counters_flush.name
    assert isinstance(task, MarketplaceTask)  # acks late, retried, time-limited
    assert task.ignore_result


def test_the_task_flushes_both_buffers(cooperative, customer, settings):
    settings.ANALYTICS_FLUSH_SECONDS = 30  # scans buffered, as in production
    product = ocop_product(cooperative=cooperative, title="Mật ong hoa nhãn", price=180000)
    batch = trace_batch(cooperative=cooperative, upc="8934567890120")
    buffer.record_product_view(product_id=product.pk)
    buffer.record_product_view(product_id=product.pk, user_id=customer.pk)
    assert scans.scan_record(batch_pk=batch.pk, user_agent="Zalo/24.1 Chrome/126") == "buffered"

    result = counters_flush.delay().get()

    assert result == {"product_views": 2, "scans": 1}
    assert ProductRecord.objects.get(product=product).num_views == 2
    assert UserProductView.objects.filter(product=product, user=customer).count() == 1
    assert list(ScanLog.objects.values_list("batch", "client")) == [(batch.pk, "Zalo")]
    assert counters_flush() == {"product_views": 0, "scans": 0}


def _web_process(product_pk, batch_pk):
    buffer.FileBuffer().add(product_pk, None)
    scans.FileScanBuffer().add(batch_pk, "Safari", timezone.now())


def test_the_task_writes_what_another_process_buffered(cooperative):
    """Without Redis, the worker drains what the web server's processes spooled."""
    product = ocop_product(cooperative=cooperative, title="Chè Tân Cương", price=125000)
    batch = trace_batch(cooperative=cooperative, upc="8934567890120")
    web = multiprocessing.get_context("fork").Process(
        target=_web_process, args=(product.pk, batch.pk)
    )
    web.start()
    web.join(timeout=60)
    assert web.exitcode == 0

    assert counters_flush() == {"product_views": 1, "scans": 1}
    assert ScanLog.objects.get(batch=batch).client == "Safari"


class _TableLock:
    """Another connection's lock on a table, under which the test's writes to it time out:
    as far as a flush can tell, the database is away."""

    def __init__(self):
        import psycopg

        config = connection.settings_dict
        self._other = psycopg.connect(
            dbname=config["NAME"], user=config["USER"], password=config["PASSWORD"] or None,
            host=config["HOST"] or None, port=config["PORT"] or None,
        )  # fmt: skip

    def lock(self, model):
        self._other.execute(f'LOCK TABLE "{model._meta.db_table}" IN ACCESS EXCLUSIVE MODE')
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL lock_timeout = '200ms'")

    def release(self):
        self._other.rollback()
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL lock_timeout = 0")

    def close(self):
        self.release()
        self._other.close()


@pytest.fixture
def table_lock():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's lock_timeout")
    lock = _TableLock()
    yield lock
    lock.close()


def test_views_a_failed_flush_drained_are_written_by_the_next(cooperative, customer, table_lock):
    product = ocop_product(cooperative=cooperative, title="Gạo ST25", price=190000)
    buffer.record_product_view(product_id=product.pk)
    buffer.record_product_view(product_id=product.pk, user_id=customer.pk)
    table_lock.lock(ProductRecord)

    with pytest.raises(OperationalError):
        counters_flush()
    table_lock.release()

    assert counters_flush() == {"product_views": 2, "scans": 0}
    assert ProductRecord.objects.get(product=product).num_views == 2
    assert UserProductView.objects.filter(product=product, user=customer).count() == 1


def test_scans_a_failed_flush_drained_are_written_by_the_next(cooperative, table_lock):
    batch = trace_batch(cooperative=cooperative, upc="8934567890120")
    when = timezone.now()
    scans.get_buffer().add(batch.pk, "Zalo", when, "a" * 16, "b" * 16)
    table_lock.lock(ScanLog)

    with pytest.raises(OperationalError):
        scans.scans_flush()
    table_lock.release()

    assert scans.scans_flush() == 1
    log = ScanLog.objects.get(batch=batch)
    assert (log.client, log.scanned_at, log.client_key, log.place_key) == (
        "Zalo", when, "a" * 16, "b" * 16,
    )  # fmt: skip


def test_a_scan_that_can_never_be_written_is_not_buffered_again(cooperative):
    batch = trace_batch(cooperative=cooperative, upc="8934567890120")
    scans.get_buffer().add(batch.pk, "x" * 1000, timezone.now())  # longer than the column

    with pytest.raises(DataError):
        scans.scans_flush()

    assert scans.get_buffer().drain() == []  # it would block every later flush
