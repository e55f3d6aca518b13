"""The OpenAPI schema describes every cooperative endpoint as it answers: its bodies, its
errors (400 by field, 401, 403, 404, 429 with their headers) and its token."""

import pytest
from django.core.management import call_command
from drf_spectacular.generators import SchemaGenerator

from tests.isolation import url_routes

pytestmark = pytest.mark.django_db

PREFIX = "/api/v1/cooperative/"
WRITES = {"post", "put", "patch", "delete"}


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def _operations(schema):
    for path, item in schema["paths"].items():
        if path.startswith(PREFIX):
            for method, operation in item.items():
                if method in {"get", *WRITES}:
                    yield path, method, operation


def _ref(response):
    return response["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]


def test_every_cooperative_endpoint_is_in_the_schema(schema):
    routes = [r for r in url_routes() if r.route.startswith("api/v1/cooperative/")]
    paths = [path for path in schema["paths"] if path.startswith(PREFIX)]

    assert len(paths) == len(routes) > 0


def test_every_operation_says_its_token_and_its_errors(schema):
    operations = list(_operations(schema))
    assert len(operations) >= 16

    for path, method, operation in operations:
        label = f"{method.upper()} {path}"
        responses = operation["responses"]
        assert {"accessToken": []} in operation["security"], label
        for status in ("401", "403", "429"):
            assert _ref(responses[status]) == "Error", label
        assert "WWW-Authenticate" in responses["401"]["headers"], label
        assert "Retry-After" in responses["429"]["headers"], label
        assert "lang" in [p["name"] for p in operation["parameters"]], label
        if "{" in path:
            assert _ref(responses["404"]) == "Error", label
        success = [status for status in responses if status.startswith("2")]
        assert len(success) == 1 and "content" in responses[success[0]], label
        if method in WRITES:
            assert _ref(responses["400"]).endswith("ValidationError"), label


def test_a_400_names_the_fields_of_the_request_body(schema):
    components = schema["components"]["schemas"]
    operation = schema["paths"][PREFIX + "stock-records/{id}/"]["patch"]

    request = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    fields = set(components[request.rsplit("/", 1)[-1]]["properties"])
    errors = set(components[_ref(operation["responses"]["400"])]["properties"])

    assert fields == {"num_in_stock", "price"}
    assert errors == fields | {"non_field_errors", "detail"}
    price = components[request.rsplit("/", 1)[-1]]["properties"]["price"]
    assert (price["type"], price["minimum"], price["maximum"]) == ("integer", 1, 1_000_000_000)


def test_the_schema_is_valid_openapi_without_warnings(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", tmp_path / "api.yaml")
