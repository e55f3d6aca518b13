"""Traceability's background work: recall notices, page pictures, warm QR pages, the
published chain roots."""

import logging
from datetime import timedelta
from urllib.parse import urlsplit

from celery import shared_task
from django.conf import settings
from django.utils import timezone

logger = logging.getLogger(__name__)

# Buyers e-mailed by one task: a recall of a big lot is many small tasks, each retried
# on its own, none near the time limit.
RECALL_CHUNK = 50
# At most this many lots' pages are warmed by one refresh.
WARM_LIMIT = 100
# Requests that warm the cache say they are a bot, so they count as no scan.
WARM_USER_AGENT = "OCOP-cache-warmer (bot)"
# ...and ask for HTML as a phone's browser does: the page, not the default link's redirect.
WARM_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8"


@shared_task(ignore_result=True)
def recall_fan_out(*, batch_pk):
    """Split a recalled batch's buyers and subscribers into chunks, each sent by its own task.

    A buyer's orders stay in one chunk (one e-mail per buyer). Safe to run again: people
    already told are not listed, and each chunk claims what it sends.
    """
    from traceability.recalls import recall_buyer_groups, recall_subscribers

    groups = recall_buyer_groups(batch_pk=batch_pk)
    for start in range(0, len(groups), RECALL_CHUNK):
        order_ids = [pk for group in groups[start : start + RECALL_CHUNK] for pk in group]
        recall_notify_orders.apply_async(kwargs={"batch_pk": batch_pk, "order_ids": order_ids})
    subscribers = recall_subscribers(batch_pk=batch_pk)
    for start in range(0, len(subscribers), RECALL_CHUNK):
        recall_notify_subscribers.apply_async(
            kwargs={
                "batch_pk": batch_pk,
                "subscription_ids": subscribers[start : start + RECALL_CHUNK],
            }
        )
    return len(groups) + len(subscribers)


@shared_task(ignore_result=True)
def recall_notify_orders(*, batch_pk, order_ids):
    """E-mail the buyers of ``order_ids`` about the recall, each once, in their language."""
    from traceability.models import Batch
    from traceability.recalls import recall_notify_buyers

    batch = Batch.objects.select_related("product").get(pk=batch_pk)
    return recall_notify_buyers(batch=batch, order_ids=order_ids)


@shared_task(ignore_result=True)
def recall_notify_subscribers(*, batch_pk, subscription_ids):
    """Tell the subscribers ``subscription_ids`` about the recall, each once."""
    from traceability.models import Batch
    from traceability.recalls import recall_notify_subscription

    batch = Batch.objects.select_related("product").get(pk=batch_pk)
    return sum(
        recall_notify_subscription(batch=batch, subscription_id=pk) for pk in subscription_ids
    )


@shared_task(ignore_result=True, autoretry_for=())
def thumbnails_warm(*, batch_pk):
    """Make a batch page's pictures before its first scan (a missing file is skipped)."""
    from traceability.thumbnails import thumbnails_warm as warm

    warm(batch_pk=batch_pk)


@shared_task(ignore_result=True, autoretry_for=())
def trace_cache_refresh():
    """Render again, into the trace cache, the pages of the lots scanned in the last day
    whose cached page has gone (a change, a new day, an expired entry), in both languages:
    the next shopper to scan one gets the cached page. Return how many pages were asked for.
    """
    from django.test import Client

    from traceability import page_cache
    from traceability.links import batch_path
    from traceability.models import Batch

    if not page_cache.enabled():
        return 0
    since = timezone.now() - timedelta(days=1)
    batches = (
        Batch.objects.filter(status=Batch.Status.PUBLISHED, scans__scanned_at__gte=since)
        .select_related("product")
        .distinct()
        .order_by("-pk")[:WARM_LIMIT]
    )
    site = urlsplit(settings.SITE_URL)
    client = Client(
        HTTP_HOST=site.netloc,
        HTTP_USER_AGENT=WARM_USER_AGENT,
        HTTP_ACCEPT=WARM_ACCEPT,
        secure=site.scheme == "https",
    )
    asked = 0
    for batch in batches:
        path = batch_path(batch)
        for language, _name in settings.LANGUAGES:
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
            # A miss stores the route, the next request the page (page_cache).
            for _ in range(2):
                response = client.get(path)
                if response.status_code != 200:
                    break
                asked += 1
    return asked


@shared_task(ignore_result=True)
def chain_roots_publish(*, day=None):
    """Publish every cooperative's signed chain root of ``day`` (ISO date; default
    yesterday). Safe to run again: a day already published is kept as it was."""
    import datetime as dt

    from traceability.anchoring import chain_roots_publish as publish

    return publish(day=dt.date.fromisoformat(day) if day else None)
