"""The API fuzzed from its own OpenAPI schema (schemathesis), public and cooperative.

Schemathesis reads /api/v1/schema/ from the running application and sends each
operation requests generated from the schema, valid and invalid, with a cooperative's
token holding every scope. No answer may be a server error or break the schema it
documents (status code, content type, headers, body), and invalid requests must be
refused. The data is a small catalogue: a cooperative with a product, a certificate, a
published lot with events and an order to ship, so that ids point at real rows.
"""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings

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
def api_token(db):
    """Return a token of an approved cooperative with some data of its own, every scope."""
    cooperative = CooperativeFactory(slug="htx-lazy")
    user = cooperative_user(cooperative)
    product = ocop_product(
        cooperative=cooperative, title="Chè búp Cẩm Khê", price=85000, upc="8934567000123",
        category=category("Chè"),
    )  # fmt: skip
    ocop_certificate(product=product, stars=4)
    trace_batch(cooperative=cooperative, product=product, user=user, lot_code="CK-2026-01")
    ocop_order(items=[(product, 2)])
    _token, secret = token_create(user=user, name="Schemathesis", scopes=list(SCOPES), days=30)
    return secret


@pytest.fixture
def api_schema(db, settings):
    settings.ALLOWED_HOSTS = ["*"]
    return schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application())


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_api_answers_within_its_schema(case, api_token):
    case.call_and_validate(headers={"Authorization": f"Bearer {api_token}"})
