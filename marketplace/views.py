"""Site-wide views: health check and friendly error pages."""

import math

from django.db import connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache


@never_cache
def health(request):
    """Answer 200 when the database answers, for load balancers and `make run`."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def page_not_found(request, exception=None):
    """Render the bilingual 404 page."""
    return render(request, "404.html", status=404)


def server_error(request):
    """Render the bilingual 500 page without touching the database or context processors."""
    return HttpResponseServerError(loader.get_template("500.html").render())


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
