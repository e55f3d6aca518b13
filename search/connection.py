"""The search server connection, and the breaker that keeps pages up when it fails.

Every call to Elasticsearch goes through ``call``: it waits at most ``ES_TIMEOUT``
seconds, and when the server is down, slow or answers with an error it logs a warning and
opens the breaker. While the breaker is open (``ES_RETRY_SECONDS``) callers skip the
server at once and serve from the database, so a dead server costs no page a timeout;
the next call after that tries the server again, and the site recovers by itself.
"""

import logging
import threading
import time

from django.conf import settings
from elasticsearch import ApiError, Elasticsearch, TransportError

logger = logging.getLogger(__name__)


class SearchUnavailable(Exception):
    """The search server is not configured, down, slow or failing: use the database."""


_lock = threading.Lock()
_clients = {}
_open_until = 0.0


def is_configured():
    """Return True when ``ES_URL`` names a search server."""
    return bool(settings.ES_URL)


def get_client():
    """Return the Elasticsearch client for the configured server (one per process)."""
    if not is_configured():
        raise SearchUnavailable("ES_URL is not set")
    key = (settings.ES_URL, settings.ES_API_KEY, settings.ES_TIMEOUT)
    with _lock:
        client = _clients.get(key)
        if client is None:
            client = Elasticsearch(
                settings.ES_URL,
                api_key=settings.ES_API_KEY or None,
                request_timeout=settings.ES_TIMEOUT,
                # One try: a shopper is waiting; the database answers instead.
                max_retries=0,
                retry_on_timeout=False,
            )
            _clients[key] = client
    return client


def is_available():
    """Return True when the server is configured and the breaker is closed."""
    return is_configured() and time.monotonic() >= _open_until


def breaker_reset():
    """Close the breaker: the next call tries the server again."""
    global _open_until
    _open_until = 0.0


def call(operation, *, timeout=None):
    """Run ``operation(client)`` against the search server and return its result.

    Raise ``SearchUnavailable`` (after logging a warning) when the server is not
    configured, the breaker is open, or the call fails; the caller falls back.
    ``timeout`` overrides ``ES_TIMEOUT`` for long jobs such as bulk indexing.
    """
    global _open_until
    if not is_available():
        raise SearchUnavailable("search server unavailable")
    client = get_client()
    if timeout is not None:
        client = client.options(request_timeout=timeout)
    try:
        return operation(client)
    except (TransportError, ApiError) as error:
        status = getattr(error, "status_code", None) or getattr(error, "status", None)
        if isinstance(error, ApiError) and status is not None and status < 500:
            # A request the server refused (a bug of ours, or a missing index): do not
            # blame the server; the caller still falls back for this request.
            logger.warning("Search request refused (%s): %s", status, error)
            raise SearchUnavailable(str(error)) from error
        _open_until = time.monotonic() + settings.ES_RETRY_SECONDS
        logger.warning(
            "Search server failed (%s); serving from the database for %ss.",
            error.__class__.__name__,
            settings.ES_RETRY_SECONDS,
        )
        raise SearchUnavailable(str(error)) from error
