"""The API's docs work in a browser under the site's strict Content-Security-Policy.

A developer opens /api/v1/docs/: Swagger UI, served from the site's own static files,
lists the public and the cooperative operations, runs "Try it out" on the product list
and shows the answer; a signed-in cooperative login opens its own data in the browsable
API. No CSP violation may be reported on the way.
"""

import json

import pytest
from playwright.sync_api import expect

from tests.browser.test_csp_journey import watch_csp
from tests.browser.test_split_order_journey import log_in
from tests.factories import CooperativeFactory, cooperative_user, ocop_product

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_swagger_ui_lists_and_runs_the_api_under_the_strict_policy(page, live_server):
    cooperative = CooperativeFactory(slug="htx-docs")
    ocop_product(cooperative=cooperative, title="Mật ong bạc hà Đồng Văn", price=250000)
    violations = watch_csp(page)

    page.goto(f"{live_server.url}/api/v1/docs/")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("OCOP marketplace API")
    list_operation = page.locator("#operations-catalogue-products_list")
    expect(list_operation).to_be_visible()
    cooperative_paths = page.locator(".opblock-summary-path", has_text="/api/v1/cooperative/")
    expect(cooperative_paths.first).to_be_visible()

    list_operation.locator(".opblock-summary").click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    body = page.locator(".responses-wrapper .live-responses-table .microlight").first
    expect(body).to_contain_text("Mật ong bạc hà Đồng Văn")
    assert violations == []


def test_a_signed_in_cooperative_login_browses_its_own_data(page, live_server):
    cooperative = CooperativeFactory(slug="htx-browse")
    user = cooperative_user(cooperative, email="kho@htx-browse.example")
    user.set_password("kho-hang-htx")
    user.save()
    ocop_product(cooperative=cooperative, title="Chè Shan tuyết cổ thụ", price=180000)
    violations = watch_csp(page)

    log_in(page, live_server.url, "kho@htx-browse.example", "kho-hang-htx")
    page.goto(f"{live_server.url}/api/v1/cooperative/products/")
    expect(page.locator(".response-info")).to_contain_text("Chè Shan tuyết cổ thụ")
    answer = page.request.get(
        f"{live_server.url}/api/v1/cooperative/products/", headers={"Accept": "application/json"}
    )
    titles = [product["title"] for product in json.loads(answer.text())["results"]]
    assert titles == ["Chè Shan tuyết cổ thụ"]
    assert violations == []
