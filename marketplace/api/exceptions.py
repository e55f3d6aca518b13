"""Errors as JSON: what DRF knows, and the services' ``ValidationError`` as a 400."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    """DRF's handler, plus the services' Django ``ValidationError`` (a 400, not a 500).

    Field errors keep their fields (``{"tracking_code": ["…"]}``); other errors come
    under ``detail``, as DRF words its own.
    """
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            exc = exceptions.ValidationError(exc.message_dict)
        else:
            exc = exceptions.ValidationError({"detail": exc.messages})
    return drf_exception_handler(exc, context)


def json_error(status, detail):
    """Return the API's error body, ``{"detail": …}``, for an answer made outside REST
    framework's views (the request guard, the error handlers, unknown addresses)."""
    return JsonResponse(
        {"detail": detail}, status=status, json_dumps_params={"ensure_ascii": False}
    )


@csrf_exempt  # it changes nothing: a POST gets the same JSON 404, not the CSRF page
def not_found(request, *args, **kwargs):
    """An address under /api/ that does not exist: JSON, like the rest of the API."""
    return json_error(404, _("Không tìm thấy địa chỉ API này."))
