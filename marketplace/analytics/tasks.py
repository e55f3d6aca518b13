"""Periodic work of the analytics app, run by Celery beat (``CELERY_BEAT_SCHEDULE``)."""

from celery import shared_task

from marketplace.analytics.services import product_views_flush
from traceability.scans import scans_flush


@shared_task(name="marketplace.analytics.tasks.counters_flush", ignore_result=True)
def counters_flush():
    """Write the buffered product views and QR scans; return how many of each were written.

    Beat runs it every ANALYTICS_FLUSH_SECONDS. Two runs at once (a slow flush overtaken by
    the next one, a task delivered again) are safe: each drain takes what is buffered in one
    atomic step, so no view or scan is written twice.
    """
    return {"product_views": product_views_flush(), "scans": scans_flush()}
