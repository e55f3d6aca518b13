"""Site-wide views: health check and friendly error pages."""

from django.db import connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache

from marketplace import health as health_checks


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
    """Render the bilingual 404 page."""
    return render(request, "404.html", status=404)


def server_error(request):
    """Render the bilingual 500 page without touching the database or context processors."""
    return HttpResponseServerError(loader.get_template("500.html").render())
