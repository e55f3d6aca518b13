"""Site-wide views: health check and friendly error pages."""

from django.db import connection
from django.http import HttpResponseServerError, JsonResponse
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
