"""What every API view shares: the language of the answer, JSON errors, the limits."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import exceptions, permissions
from rest_framework.authentication import SessionAuthentication

from marketplace import access
from marketplace.api.authentication import AccessTokenAuthentication
from marketplace.api.permissions import ActsForCooperative
from marketplace.api.throttles import (
    AuthFailureThrottle,
    PublicThrottle,
    TokenThrottle,
    TokenWritesThrottle,
)

LANGUAGE_PARAMETER = OpenApiParameter(
    "lang",
    OpenApiTypes.STR,
    enum=[code for code, _name in settings.LANGUAGES],
    description="Language of texts and messages: vi (default) or en.",
)


class LanguageMixin:
    """Answer in ``?lang=`` (vi or en; default Vietnamese), as the shop's addresses do."""

    def initial(self, request, *args, **kwargs):
        language = request.query_params.get("lang", settings.LANGUAGE_CODE)
        known = language in dict(settings.LANGUAGES)
        translation.activate(language if known else settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()
        if not known:
            raise exceptions.ValidationError({"lang": [_("Ngôn ngữ là vi hoặc en.")]})
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Language"] = translation.get_language()
        return response


class PublicAPIMixin(LanguageMixin):
    """Read-only, open to anyone, limited per client address."""

    authentication_classes = ()
    permission_classes = (permissions.AllowAny,)
    throttle_classes = (PublicThrottle,)


class CooperativeAPIMixin(LanguageMixin):
    """A cooperative's own data: a token (or a signed-in login) acting for it.

    Subclasses name their ``scope_family`` ("catalogue", "orders", "trace") and read
    ``self.cooperative``; querysets come from ``marketplace.access``.
    """

    # The browsable API in a signed-in cooperative login's browser too (CSRF-checked).
    authentication_classes = (AccessTokenAuthentication, SessionAuthentication)
    permission_classes = (ActsForCooperative,)
    throttle_classes = (TokenThrottle, TokenWritesThrottle)
    scope_family = ""

    def perform_authentication(self, request):
        # Refused tokens count per address: guessing is slowed down, not just hopeless.
        try:
            super().perform_authentication(request)
        except exceptions.AuthenticationFailed:
            throttle = AuthFailureThrottle()
            if not throttle.allow_request(request, self):
                raise exceptions.Throttled(throttle.wait()) from None
            raise

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.cooperative = access.acting_cooperative(request.user)
