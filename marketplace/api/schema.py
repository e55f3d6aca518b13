"""The OpenAPI schema's view of the API: only /api/v1/, and how tokens are sent."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


def only_api_v1(endpoints, **kwargs):
    """Leave out every other DRF view of the site (Wagtail's admin API)."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


# The error bodies every view may answer with (marketplace.api.exceptions): DRF's
# ``{"detail": "…"}``, and for refused input each field's messages.
ERROR_COMPONENTS = {
    "Error": {
        "type": "object",
        "properties": {"detail": {"type": "string"}},
        "required": ["detail"],
    },
    "ValidationError": {
        "type": "object",
        "description": "Each refused field's messages, or ``detail`` for the whole request.",
        "additionalProperties": {},
    },
}
_WRITES = ("post", "put", "patch", "delete")


def _error(description, component="Error"):
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{component}"}}},
    }


def standard_errors(result, generator, request, public):
    """Document the errors every operation can answer, where a view did not say more.

    400 for changes (and for lists' query parameters), 401 and 403 for the cooperative
    endpoints, 404 where the path names an object, 429 everywhere (the limits).
    """
    result.setdefault("components", {}).setdefault("schemas", {}).update(ERROR_COMPONENTS)
    for path, item in result.get("paths", {}).items():
        for method, operation in item.items():
            responses = operation.setdefault("responses", {})
            errors = {"429": _error("Too many requests: wait for the Retry-After seconds.")}
            if method in _WRITES or operation.get("parameters"):
                errors["400"] = _error("The request was refused.", "ValidationError")
            if path.startswith("/api/v1/cooperative/"):
                errors["401"] = _error("No token, or one unknown, expired or revoked.")
                errors["403"] = _error("The token lacks the scope, or acts for no cooperative.")
            if "{" in path:
                errors["404"] = _error("No such object among those the caller may see.")
            for status, response in errors.items():
                responses.setdefault(status, response)
    return result


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
