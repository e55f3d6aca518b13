"""The OpenAPI schema's view of the API: only /api/v1/, and how tokens are sent."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


def only_api_v1(endpoints, **kwargs):
    """Leave out every other DRF view of the site (Wagtail's admin API)."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


class AccessTokenScheme(OpenApiAuthenticationExtension):
    target_class = "marketplace.api.authentication.AccessTokenAuthentication"
    name = "accessToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": (
                "A cooperative's personal access token (ocop_…), made in the cooperative "
                "dashboard under API tokens, with the scopes the endpoint needs."
            ),
        }
