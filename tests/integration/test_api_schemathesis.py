"""The API fuzzed from its own OpenAPI schema (schemathesis), public and cooperative.

Schemathesis takes the schema /api/v1/schema/ serves and sends the application each
operation requests generated from the schema, valid and invalid, with a cooperative's
token holding every scope. No answer may be a server error or break the schema it
documents (status code, content type, headers, body), and invalid requests must be
refused.

Every check runs but "schema-valid data is accepted": the API refuses, with a 400 that
names the field, what no schema can say: a product id of another cooperative (or of
none), a province code that does not exist, a lot code the product already has, a
best-before date before production, control characters in a search.

The data is a small catalogue: a cooperative with a product, a certificate, a
published lot with events and an order to ship, so that ids point at real rows.
"""

import itertools
import json

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from marketplace.api.models import SCOPES
from marketplace.api.services import token_create
from tests.factories import (
    CooperativeFactory,
    category,
    cooperative_user,
    ocop_certificate,
    ocop_order,
    ocop_product,
    trace_batch,
)

pytestmark = pytest.mark.django_db

# Per operation: enough to reach each parameter's edge cases, few enough for CI.
EXAMPLES = 30


@pytest.fixture
def api_data(db):
    """Return a token of an approved cooperative with some data of its own (every scope),
    and the path parameters that name that data, by path and parameter."""
    cooperative = CooperativeFactory(slug="htx-lazy")
    user = cooperative_user(cooperative)
    product = ocop_product(
        cooperative=cooperative, title="Chè búp Cẩm Khê", price=85000, upc="8934567000123",
        category=category("Chè"),
    )  # fmt: skip
    ocop_certificate(product=product, stars=4)
    batch = trace_batch(cooperative=cooperative, product=product, user=user, lot_code="CK-01")
    order = ocop_order(items=[(product, 2)])
    _token, secret = token_create(user=user, name="Schemathesis", scopes=list(SCOPES), days=30)
    own = "/api/v1/cooperative/"
    real = {
        ("/api/v1/products/", "id"): product.pk,
        ("/api/v1/lots/", "short_code"): batch.short_code,
        ("/api/v1/categories/", "slug"): product.categories.get().slug,
        ("/api/v1/cooperatives/", "slug"): cooperative.slug,
        (f"{own}products/", "id"): product.pk,
        (f"{own}stock-records/", "id"): product.stockrecords.get().pk,
        (f"{own}orders/", "number"): order.number,
        (f"{own}shipments/", "id"): order.shipments.get().pk,
        (f"{own}batches/", "id"): batch.pk,
    }
    return secret, real


def _point_at_real_rows(case, real, turn):
    """On every other example, name the fixture's rows in the path instead of random ids:
    the answers with a body (and the changes) are fuzzed too, not only the 404s."""
    if turn % 2:
        return
    for name in case.path_parameters or {}:
        for (prefix, parameter), value in real.items():
            if parameter == name and case.path.startswith(prefix):
                case.path_parameters[name] = value


@pytest.fixture
def _requests_keep_the_test_connection(db, settings):
    """Like Django's test client, keep the test's database connection (and its
    transaction) open across requests instead of closing it at the end of each."""
    settings.ALLOWED_HOSTS = ["*"]
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _load_schema():
    """Return the schema as /api/v1/schema/ serves it, for the application by WSGI.

    Made when the tests are collected (one test per operation): drf-spectacular reads the
    URL configuration and the views only, no database.
    """
    document = SchemaGenerator().get_schema(request=None, public=True)
    loaded = schemathesis.openapi.from_dict(json.loads(OpenApiJsonRenderer().render(document)))
    loaded.app = get_wsgi_application()
    return loaded


schema = _load_schema()
_turns = itertools.count()


@pytest.mark.usefixtures("_requests_keep_the_test_connection")
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_api_answers_within_its_schema(case, api_data):
    secret, real = api_data
    _point_at_real_rows(case, real, next(_turns))
    case.call_and_validate(
        headers={"Authorization": f"Bearer {secret}"},
        excluded_checks=[positive_data_acceptance],
    )
