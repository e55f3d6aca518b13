"""Site-wide views: health check, CSP violation reports and friendly error pages."""

import json
import logging
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import TooManyFieldsSent
from django.db import connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from marketplace import health as health_checks
from marketplace.api.exceptions import json_error
from marketplace.request_guard import bad_request_page

csp_logger = logging.getLogger("marketplace.csp")

# A report is a few hundred bytes; anything much larger is not a browser's report.
CSP_REPORT_MAX_BYTES = 8 * 1024


@never_cache
def health(request):
    """Answer 200 when the database answers: liveness, and the bench's minimal view."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@never_cache
def readiness(request):
    """Report the database, Redis and the search server: 503 when a part the site cannot
    run without fails, 200 ("degraded") when only the search server is down."""
    status, parts = health_checks.readiness()
    return JsonResponse({"status": status, **parts}, status=503 if status == "failed" else 200)


def page_not_found(request, exception=None):
    """Render the bilingual 404 page (the 400 page for a query Django cannot parse)."""
    try:
        request.GET.get("")  # the context processors read it: past the field limit it raises
    except TooManyFieldsSent:
        return bad_request_page()
    return render(request, "404.html", status=404)


def bad_request(request, exception=None):
    """Render the bilingual 400 page without context processors: the request is broken.

    Django's default renders it with the request, and Oscar's search-form context processor
    then reads request.GET again: a query with too many fields would answer 500. Under
    /api/ (a body over DATA_UPLOAD_MAX_MEMORY_SIZE, say) the answer is the API's JSON.
    """
    if _is_api(request):
        return json_error(400, _("Yêu cầu không đọc được: quá lớn hoặc sai định dạng."))
    return bad_request_page()


def server_error(request):
    """Render the bilingual 500 page without touching the database or context processors."""
    if _is_api(request):
        return json_error(500, _("Máy chủ gặp lỗi; hãy thử lại sau ít phút."))
    return HttpResponseServerError(loader.get_template("500.html").render())


def _is_api(request):
    # The handlers may be called without a request (a failure before one was made).
    return getattr(request, "path_info", "").startswith("/api/")


def _printable(value, length):
    """Return ``value`` as one short log-safe line: no newlines to forge log entries with."""
    return "".join(c if c.isprintable() else "?" for c in str(value)[:length])


def _csp_report_allowed():
    """Count this report against the minute's cap; return whether it may be logged.

    The endpoint is public and browsers send no credentials, so the cap is site-wide:
    a flood fills at most CSP_REPORTS_PER_MINUTE log lines a minute.
    """
    key = f"csp-reports:{int(time.time() // 60)}"
    cache.add(key, 0, timeout=120)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        count = 1
    return count <= settings.CSP_REPORTS_PER_MINUTE


@csrf_exempt  # browsers post reports without the site's CSRF token
@require_POST
def csp_report(request):
    """Log a Content-Security-Policy violation report from a browser (``report-uri``).

    Answer 204 whatever the body: a malformed or oversized report is dropped unread and
    unlogged (an error status would itself be logged by Django, so junk could flood the
    log past the cap), and at most CSP_REPORTS_PER_MINUTE reports are logged a minute.
    """
    no_content = HttpResponse(status=204)
    try:
        length = int(request.headers.get("content-length") or 0)
    except ValueError:
        return no_content
    if length > CSP_REPORT_MAX_BYTES:
        return no_content
    body = request.read(CSP_REPORT_MAX_BYTES + 1)
    if len(body) > CSP_REPORT_MAX_BYTES:
        return no_content
    try:
        report = json.loads(body)
    except (ValueError, RecursionError):  # not UTF-8 or JSON ([[[[…]]]] nested too deep)
        return no_content
    if isinstance(report, dict):
        report = report.get("csp-report", report)
    if not isinstance(report, dict):
        return no_content
    if _csp_report_allowed():
        csp_logger.warning(
            "CSP violation: %s blocked %s on %s",
            _printable(report.get("violated-directive") or report.get("effective-directive"), 100),
            _printable(report.get("blocked-uri"), 300),
            _printable(report.get("document-uri"), 300),
            extra={
                "csp_report": {
                    _printable(key, 50): _printable(value, 300)
                    for key, value in list(report.items())[:20]
                }
            },
        )
    return no_content


def too_many_requests(request, *, retry_after, login=False):
    """Render the bilingual 429 page: too many sign-in failures, or requests, for now.

    ``retry_after`` is in seconds; it goes in the Retry-After header and, in minutes,
    on the page.
    """
    response = HttpResponse(
        loader.get_template("429.html").render(
            {"login": login, "minutes": max(math.ceil(retry_after / 60), 1)}
        ),
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response
