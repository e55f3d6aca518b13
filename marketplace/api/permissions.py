"""Who may call a cooperative endpoint: a login acting for a cooperative, within its scopes."""

from django.utils.translation import gettext_lazy as _
from rest_framework import permissions

from marketplace import access
from marketplace.api.models import AccessToken


class ActsForCooperative(permissions.BasePermission):
    """The caller acts for an approved cooperative (``marketplace.access``).

    Signed in with a token, the token must also hold the view's scope: ``<family>:read``
    to read (or ``<family>:write``), ``<family>:write`` to change. A signed-in browser
    session (the browsable API) has every scope of its login.
    """

    message = _("Mã API này không dùng được cho dữ liệu của hợp tác xã.")

    def has_permission(self, request, view):
        cooperative = access.acting_cooperative(request.user)
        if cooperative is None:
            return False
        token = request.auth
        if isinstance(token, AccessToken):
            if token.cooperative_id != cooperative.pk:
                return False
            action = "read" if request.method in permissions.SAFE_METHODS else "write"
            scope = f"{view.scope_family}:{action}"
            if not token.allows(scope):
                self.message = _("Mã API này thiếu quyền “%(scope)s”.") % {"scope": scope}
                return False
        return True
