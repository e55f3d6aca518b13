"""A cooperative's overview: its own sales chart, best sellers, low stock, certificates."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from oscar.test.factories import OrderFactory, OrderLineFactory

from tests.factories import CooperativeFactory, cooperative_user, ocop_certificate, ocop_product

pytestmark = pytest.mark.django_db


def _sell(product, *, quantity, price):
    stockrecord = product.stockrecords.get()
    return OrderLineFactory(
        order=OrderFactory(),
        product=product,
        title=product.title,
        partner=stockrecord.partner,
        partner_sku=stockrecord.partner_sku,
        stockrecord=stockrecord,
        quantity=quantity,
        line_price_incl_tax=Decimal(price) * quantity,
        line_price_excl_tax=Decimal(price) * quantity,
    )


@pytest.fixture
def overview(client, cooperative):
    client.force_login(cooperative_user(cooperative))

    def get():
        response = client.get(reverse("cooperative-overview"))
        assert response.status_code == 200
        return response

    return get


def test_the_overview_shows_only_the_cooperatives_own_sales(overview, cooperative):
    tea = ocop_product(cooperative=cooperative, title="Chè Cam My", price=85000)
    honey = ocop_product(cooperative=CooperativeFactory(), title="Mật ong của họ", price=300000)
    _sell(tea, quantity=2, price=85000)
    _sell(honey, quantity=5, price=300000)

    response = overview()

    page = response.content.decode().replace("\u00a0", " ")
    assert response.context["total_revenue"] == Decimal(170000)
    assert "Chè Cam My" in page
    assert "Mật ong của họ" not in page
    assert response.context["months"][-1].revenue == Decimal(170000)
    assert response.context["bars"][-1].height == 170  # the best month is the tallest bar


def test_a_cooperative_with_no_orders_sees_an_empty_state(overview):
    response = overview()

    assert response.context["total_revenue"] == 0
    assert "Chưa có đơn hàng nào" in response.content.decode()


def test_low_stock_products_are_listed(overview, cooperative):
    ocop_product(cooperative=cooperative, title="Chè sắp hết", price=1000, num_in_stock=2)
    ocop_product(cooperative=cooperative, title="Chè còn nhiều", price=1000, num_in_stock=80)

    page = overview().content.decode()

    assert "Chè sắp hết" in page
    assert "Chè còn nhiều" not in page


def test_expired_and_expiring_certificates_are_warned_about(overview, cooperative):
    today = timezone.localdate()
    old = ocop_product(cooperative=cooperative, title="Chè hết hạn", price=1000)
    soon = ocop_product(cooperative=cooperative, title="Chè sắp hết hạn", price=1000)
    fine = ocop_product(cooperative=cooperative, title="Chè còn hạn", price=1000)
    ocop_certificate(product=old, issued_on=today - datetime.timedelta(days=1200))
    ocop_certificate(
        product=soon, issued_on=today - datetime.timedelta(days=1000),
        expires_on=today + datetime.timedelta(days=20),
    )  # fmt: skip
    ocop_certificate(product=fine, issued_on=today - datetime.timedelta(days=10))

    response = overview()

    assert [c.product for c in response.context["expired_certificates"]] == [old]
    assert [c.product for c in response.context["expiring_certificates"]] == [soon]
    assert "Chè còn hạn" not in response.content.decode()


@pytest.mark.parametrize("who", ["anonymous", "customer", "staff", "applicant"])
def test_only_cooperative_users_have_an_overview(client, customer, staff_user, who):
    if who == "customer":
        client.force_login(customer)
    elif who == "staff":
        client.force_login(staff_user)
    elif who == "applicant":
        client.force_login(cooperative_user(CooperativeFactory(status="applied")))

    assert client.get(reverse("cooperative-overview")).status_code in (302, 403)


def test_the_cooperative_menu_links_to_the_overview(client, cooperative):
    client.force_login(cooperative_user(cooperative))

    page = client.get(reverse("dashboard:index"), follow=True).content.decode()

    assert reverse("cooperative-overview") in page
    assert reverse("cooperative-product-import") in page
