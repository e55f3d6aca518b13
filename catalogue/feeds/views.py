"""Serve the stored feeds; one not built yet is queued for the worker, never built here."""

from django.core.cache import cache
from django.http import FileResponse, Http404, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from catalogue import tasks
from catalogue.feeds.storage import FEEDS, FORMATS, feed_open
from marketplace.jobs.services import enqueue
from marketplace.throttling import rate_limited

# Beat rebuilds the feeds every 30 minutes: a channel or a cache may keep one 10 minutes.
MAX_AGE = 10 * 60
# Asked for before the first build: come back then (a build takes seconds to a minute).
RETRY_AFTER = 120
# While a build asked for by a request is queued, requests queue no other.
QUEUED_KEY, QUEUED_SECONDS = "feeds:build-queued", 5 * 60


@rate_limited("feeds")
@require_safe
def feed(request, name):
    """Stream the stored feed ``name`` with its validators (304 when unchanged)."""
    if name not in FEEDS:
        raise Http404
    stored = feed_open(name)
    if stored is None:
        return _not_built_yet()
    _language, kind = FEEDS[name]
    response = FileResponse(stored.file, content_type=FORMATS[kind])
    response["Content-Length"] = str(stored.size)
    response["ETag"] = stored.etag
    response["Last-Modified"] = http_date(stored.modified.timestamp())
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    answer = get_conditional_response(
        request, etag=stored.etag, last_modified=int(stored.modified.timestamp()),
        response=response,
    )  # fmt: skip
    if answer is not response:  # 304 or 412: the file is not sent
        response.close()
    return answer


def _not_built_yet():
    if cache.add(QUEUED_KEY, 1, timeout=QUEUED_SECONDS):
        enqueue(tasks.feeds_build)
    response = HttpResponse(
        _("Nguồn sản phẩm đang được tạo. Vui lòng thử lại sau ít phút."),
        status=503, content_type="text/plain; charset=utf-8",
    )  # fmt: skip
    response["Retry-After"] = str(RETRY_AFTER)
    patch_cache_control(response, no_store=True)
    return response
