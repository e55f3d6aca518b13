"""Site-wide views: health check and friendly error pages."""

from django.core.exceptions import TooManyFieldsSent
from django.db import connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache

from marketplace.request_guard import bad_request_page


@never_cache
def health(request):
    """Answer 200 when the database answers, for load balancers and `make run`."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


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
    then reads request.GET again: a query with too many fields would answer 500.
    """
    return bad_request_page()


def server_error(request):
    """Render the bilingual 500 page without touching the database or context processors."""
    return HttpResponseServerError(loader.get_template("500.html").render())
