"""``Authorization: Bearer ocop_…``: a personal access token signs the request in."""

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from marketplace.api.services import token_find, token_used


class AccessTokenAuthentication(authentication.BaseAuthentication):
    """Sign in as the login that made the token; ``request.auth`` is the token.

    A request without the header is anonymous (public endpoints answer it); a header with
    an unknown, revoked or expired token, or one of a login no longer active, is a 401.
    """

    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Tiêu đề Authorization phải là “Bearer <mã>”."))
        try:
            secret = header[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("Mã API không hợp lệ.")) from None
        token = token_find(secret)
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(
                _("Mã API không hợp lệ, đã hết hạn hoặc đã bị thu hồi.")
            )
        token_used(token)
        return token.user, token

    def authenticate_header(self, request):
        return f'{self.keyword} realm="api"'
