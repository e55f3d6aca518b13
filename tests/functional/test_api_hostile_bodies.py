"""Bodies no client should send: each a 400 in JSON, in the caller's language; nothing changes.

REST framework's own JSON parser let a body nested a hundred thousand deep through as a
``RecursionError`` (a 500), and a body over DATA_UPLOAD_MAX_MEMORY_SIZE got the HTML 400
page under /api/.
"""

import json

import pytest
from django.test import Client

from marketplace.api.models import SCOPES
from marketplace.api.services import token_create
from tests.factories import CooperativeFactory, cooperative_user, ocop_product

pytestmark = pytest.mark.django_db

NOT_JSON = "Nội dung không phải JSON hợp lệ (UTF-8, không NaN, không lồng quá sâu)."
BODIES = {
    "nested a hundred thousand deep": "[" * 100_000 + "]" * 100_000,
    "not UTF-8": b"\xff\xfe{",
    "NaN and Infinity": '{"num_in_stock": NaN, "price": Infinity}',
    "a 5,000-digit number": '{"num_in_stock": 1' + "0" * 5000 + "}",
    "truncated": '{"num_in_stock": ',
}


@pytest.fixture
def stock_record_url_and_token():
    cooperative = CooperativeFactory()
    product = ocop_product(cooperative=cooperative, title="Chè búp", price=85000)
    _token, secret = token_create(
        user=cooperative_user(cooperative), name="Kho", scopes=list(SCOPES)
    )
    record = product.stockrecords.get()
    return record, f"/api/v1/cooperative/stock-records/{record.pk}/", secret


@pytest.mark.parametrize("body", BODIES.values(), ids=BODIES.keys())
def test_an_unreadable_body_is_a_json_400_and_changes_nothing(stock_record_url_and_token, body):
    record, url, secret = stock_record_url_and_token
    before = (record.num_in_stock, record.price)
    client = Client(raise_request_exception=False)

    response = client.patch(
        url, data=body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {secret}"
    )

    assert response.status_code == 400
    assert response.json() == {"detail": NOT_JSON}
    record.refresh_from_db()
    assert (record.num_in_stock, record.price) == before


def test_a_body_over_the_upload_limit_is_a_json_400(stock_record_url_and_token, settings):
    record, url, secret = stock_record_url_and_token
    body = json.dumps({"num_in_stock": 1, "padding": "a" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE})
    client = Client(raise_request_exception=False)

    response = client.patch(
        url + "?lang=en",
        data=body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"]
    record.refresh_from_db()
    assert record.num_in_stock != 1


def test_a_server_error_under_the_api_is_json_and_the_shops_the_page(rf):
    from marketplace import views

    api = views.server_error(rf.get("/api/v1/products/"))
    shop = views.server_error(rf.get("/shop/"))

    assert api.status_code == shop.status_code == 500
    assert api["Content-Type"] == "application/json"
    assert json.loads(api.content)["detail"]
    assert "Xin lỗi, có lỗi xảy ra" in shop.content.decode()
