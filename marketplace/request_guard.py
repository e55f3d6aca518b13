"""Turn away requests no page can answer before any view, parser or query sees them.

A NUL byte or another control character in a path or query string is never part of a
real address: passed on, it reaches PostgreSQL ("text fields cannot contain NUL bytes": a
500) or a parser. Checking here, once, covers every view (the project's, Oscar's,
Wagtail's) instead of trusting each one to validate its arguments. Such a path does not
exist: a 404, with the resolver's own page under /01/ and /t/ (what a damaged QR code
shows); such a query is a 400. Over-long addresses get a 414 before they are parsed, and
a query with more parameters than DATA_UPLOAD_MAX_NUMBER_FIELDS a 400. Every page is the
bilingual one, rendered without the request; under /api/ the answer is JSON, as the
API's own errors are.
"""

from urllib.parse import unquote_to_bytes

from django.core.exceptions import TooManyFieldsSent
from django.http import HttpResponse
from django.template import loader
from django.utils.translation import gettext as _

from marketplace.api.exceptions import json_error

# Far longer than any link the site makes (a search with every facet ticked is under
# 2 KB); nginx's default limit for a whole request line is 8 KB.
MAX_PATH_LENGTH = 8192
MAX_QUERY_STRING_LENGTH = 8192
# C0 controls and DEL; a query value may hold a tab or a line break (a pasted text).
_PATH_CONTROLS = frozenset(range(0x20)) | {0x7F}
_QUERY_CONTROLS = _PATH_CONTROLS - {0x09, 0x0A, 0x0D}
# The GS1 Digital Link resolver's addresses have their own "lot not found" page.
_NOT_FOUND_PAGES = (("/01/", "traceability/not_found.html"), ("/t/", "traceability/not_found.html"))


def bad_request_page(status=400):
    """Return the bilingual 400 page, rendered without the request or context processors.

    The context processors read the request (Oscar's search form reads request.GET), and
    the request is what is wrong: rendering with them would fail again, as a 500.
    """
    return HttpResponse(loader.get_template("400.html").render(), status=status)


def not_found_page(path):
    """Return the bilingual 404 page for ``path``, rendered without the request."""
    name = next((page for prefix, page in _NOT_FOUND_PAGES if path.startswith(prefix)), "404.html")
    return HttpResponse(loader.get_template(name).render(), status=404)


def _api_error(status):
    """Return the JSON error of the API (``{"detail": …}``) for a request it cannot read."""
    detail = {
        404: _("Không tìm thấy địa chỉ API này."),
        414: _("Địa chỉ quá dài."),
    }.get(status, _("Yêu cầu có ký tự không hợp lệ hoặc quá nhiều tham số."))
    return json_error(status, detail)


def _has_control(raw, controls):
    return not controls.isdisjoint(unquote_to_bytes(raw.replace("+", " ")))


class MalformedRequestMiddleware:
    """Answer 404, 400 or 414 to control characters, over-long addresses, too many fields."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        status = self._refusal(request)
        if status is None:
            return self.get_response(request)
        if request.path_info.startswith("/api/"):
            return _api_error(status)
        if status == 404:
            return not_found_page(request.path_info)
        return bad_request_page(status=status)

    def _refusal(self, request):
        """Return the status to turn the request away with, or None to serve it."""
        path = request.path_info  # decoded already: "%00" arrives as "\x00"
        query = request.META.get("QUERY_STRING", "")
        if len(request.path) > MAX_PATH_LENGTH or len(query) > MAX_QUERY_STRING_LENGTH:
            return 414
        if not _PATH_CONTROLS.isdisjoint(path.encode("utf-8", "surrogateescape")):
            return 404
        if _has_control(query, _QUERY_CONTROLS):
            return 400
        try:
            request.GET.get("")  # parsed once, here: past the limit it raises TooManyFieldsSent
        except TooManyFieldsSent:
            return 400
        return None
