"""The API's OpenAPI 3 schema: valid, complete, and honest about who may call what."""

import json

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(tmp_path):
    """Return the schema as ``manage.py spectacular`` writes it, validated, no warnings."""
    path = tmp_path / "schema.json"
    # --validate checks it against the OpenAPI 3 specification's JSON schema;
    # --fail-on-warn turns any view drf-spectacular could not describe into a failure.
    call_command("spectacular", "--validate", "--fail-on-warn", "--format", "openapi-json",
                 "--file", str(path))  # fmt: skip
    return json.loads(path.read_text())


def _operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def test_schema_is_valid_openapi_and_lists_only_the_versioned_api(schema):
    assert schema["openapi"].startswith("3.")
    assert schema["paths"], "the schema lists no endpoint"
    assert all(path.startswith("/api/v1/") for path in schema["paths"])


def test_cooperative_operations_require_a_token_and_public_ones_none(schema):
    for path, method, operation in _operations(schema):
        schemes = {name for requirement in operation.get("security", []) for name in requirement}
        if path.startswith("/api/v1/cooperative/"):
            assert "accessToken" in schemes, (method, path)
            assert "401" in operation["responses"], (method, path)
            assert "403" in operation["responses"], (method, path)
        else:
            assert schemes <= {""} and method == "get", (method, path)


def test_every_operation_documents_its_errors_and_limits(schema):
    for path, method, operation in _operations(schema):
        responses = operation["responses"]
        assert "429" in responses, (method, path)
        if "{" in path:
            assert "404" in responses, (method, path)
        if method in ("post", "patch", "put"):
            assert "400" in responses, (method, path)
