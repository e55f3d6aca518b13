"""Search index sync as background work: pages never wait on the search server."""

import logging

from celery import shared_task

from marketplace import cache_stamps
from search import connection, indexing
from search.connection import SearchUnavailable

logger = logging.getLogger(__name__)

# Seconds before the n-th retry while the search server is away: 2, 4, 8 … 300.
RETRY_BASE, RETRY_MAX = 2, 300


@shared_task(bind=True, ignore_result=True, autoretry_for=(), max_retries=10)
def index_sync(self, *, products=(), cooperatives=(), stories=()):
    """Send these products, cooperatives and stories (by id) to the index.

    While the search server is away the ids are kept (``indexing.sync_postpone``) and the
    task is retried with exponential backoff; after the last retry the periodic
    ``index_reconcile`` sends them once the server is back. Idempotent: a document is
    written from the database as it is when the task runs.
    """
    if not connection.is_configured():
        return
    try:
        indexing.sync(products=products, cooperatives=cooperatives, stories=stories)
        # Results cached meanwhile were read from the index before this sync.
        cache_stamps.bump("catalogue", *(["cms"] if stories else []))
    except SearchUnavailable as error:
        if self.request.is_eager or self.request.retries >= self.max_retries:
            logger.warning("Search server away: %s left for the reconcile.", self.name)
            return
        raise self.retry(
            exc=error, countdown=min(RETRY_MAX, RETRY_BASE * 2**self.request.retries)
        ) from error


@shared_task(ignore_result=True, autoretry_for=())
def index_reconcile():
    """Send what was postponed while the search server was away (run by beat)."""
    if not connection.is_configured():
        return 0
    pending = indexing.sync_pending()
    if not any(pending.values()):
        return 0
    try:
        indexing.sync()
    except SearchUnavailable:
        logger.warning("Search server still away; the reconcile tries again later.")
        return 0
    return sum(len(ids) for ids in pending.values())
