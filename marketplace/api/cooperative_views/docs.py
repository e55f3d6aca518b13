"""The schema's words for what every cooperative endpoint may answer besides success."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

from marketplace.api.cooperative_serializers.errors import ErrorSerializer, validation_error
from marketplace.api.views import LANGUAGE_PARAMETER

PARAMETERS = [
    LANGUAGE_PARAMETER,
    OpenApiParameter(
        "WWW-Authenticate", OpenApiTypes.STR, location=OpenApiParameter.HEADER, response=[401],
        description='How to sign in: `Bearer realm="api"`.',
    ),
    OpenApiParameter(
        "Retry-After", OpenApiTypes.INT, location=OpenApiParameter.HEADER, response=[429],
        description="Seconds to wait before calling again.",
    ),
]  # fmt: skip

_ERRORS = {
    401: "No token, or one that is malformed, unknown, revoked or expired.",
    403: (
        "The token lacks the scope this call needs, or its login no longer acts for an "
        "approved cooperative (removed from it, or the cooperative suspended)."
    ),
    404: "No such object among the cooperative's own (another cooperative's is not found either).",
    429: (
        "Too many calls with this token (changes have a smaller budget), or too many "
        "refused tokens from this address."
    ),
}


def responses(success, *, invalid=None, missing=True):
    """Return ``extend_schema``'s responses: ``success`` (``{status: body}``) and the errors.

    ``invalid`` is the serializer whose fields a 400 names; ``missing`` says a 404 may come
    (an object not the cooperative's, or a page past the last).
    """
    result = dict(success)
    if invalid is not None:
        result[400] = OpenApiResponse(
            validation_error(invalid),
            description="Invalid input, or refused by the rules: messages by field, or `detail`.",
        )
    for status, description in _ERRORS.items():
        if status != 404 or missing:
            result[status] = OpenApiResponse(ErrorSerializer, description=description)
    return result
