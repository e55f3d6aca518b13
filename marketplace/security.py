"""Security headers: Content-Security-Policy and Permissions-Policy.

The strict policy is ``settings.CONTENT_SECURITY_POLICY`` (django-csp); the admin sites'
looser one is ``settings.CSP_ADMIN_DIRECTIVES``, for paths under
``settings.CSP_ADMIN_URL_PREFIXES``. Violation reports are logged by
``marketplace.views.csp_report``.
"""

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.utils.deprecation import MiddlewareMixin


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """Send the strict policy, or the admin sites' looser one under their prefixes."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(tuple(settings.CSP_ADMIN_URL_PREFIXES))
        ):
            parts.config = default_config(settings.CSP_ADMIN_DIRECTIVES)
        return parts


def permissions_policy_header(policy):
    """Return the Permissions-Policy value for ``{feature: [allowed origins]}``.

    An empty list turns the feature off (``camera=()``); ``"self"`` and ``"*"`` are
    keywords, anything else is an origin and is quoted.
    """
    items = []
    for feature, origins in policy.items():
        allowed = " ".join(
            origin if origin in ("self", "*") else f'"{origin}"' for origin in origins
        )
        items.append(f"{feature}=({allowed})")
    return ", ".join(items)


class PermissionsPolicyMiddleware(MiddlewareMixin):
    """Add ``settings.PERMISSIONS_POLICY`` as a Permissions-Policy header to every response."""

    def process_response(self, request, response):
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault(
                "Permissions-Policy", permissions_policy_header(settings.PERMISSIONS_POLICY)
            )
        return response
