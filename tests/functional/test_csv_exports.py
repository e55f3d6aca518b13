"""No CSV the site hands out lets a spreadsheet run a name as a formula (CSV injection)."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model

from marketplace.spreadsheets import SafeCSVWriter, cell_safe
from tests.factories import ocop_order, ocop_product, shipping_address

pytestmark = pytest.mark.django_db

ProductRecord = get_model("analytics", "ProductRecord")
EVIL = '=HYPERLINK("http://evil","x")'


def _cells(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _assert_defused(cells):
    assert f"'{EVIL}" in cells or any(cell.startswith(f"'{EVIL}") for cell in cells)
    assert not [cell for cell in cells if cell.startswith(("=", "+", "@", "\t", "\r"))]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (EVIL, f"'{EVIL}"),
        ("+84912345678", "'+84912345678"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Chè = ngon", "Chè = ngon"),
        ("", ""),
        ("-5", "-5"),
        ("-125000.50", "-125000.50"),
        (-5, -5),
        (Decimal("-125000.00"), Decimal("-125000.00")),
        (-1.5, -1.5),
        (0, 0),
        (None, None),
        (gettext_lazy("=lazy"), "'=lazy"),
    ],
)
def test_a_cell_that_a_spreadsheet_would_read_as_a_formula_is_written_as_text(value, expected):
    assert cell_safe(value) == expected


def test_a_model_is_written_by_its_name_and_defused():
    class Product:
        def __str__(self):
            return EVIL

    assert cell_safe(Product()) == f"'{EVIL}"


def test_negative_numbers_stay_numbers_in_the_written_csv():
    out = io.StringIO()
    SafeCSVWriter(open_file=out).writerow([Decimal("-125000.00"), -3, EVIL])

    assert out.getvalue() == '-125000.00,-3,"\'=HYPERLINK(""http://evil"",""x"")"\r\n'


def test_the_staff_order_csv_defuses_a_buyers_name(client, staff_user, customer, tea):
    ocop_order(items=[(tea, 1)], user=customer, address=shipping_address(first_name=EVIL))
    client.force_login(staff_user)

    cells = _cells(client.get(reverse("dashboard:order-list"), {"response_format": "csv"}))

    _assert_defused(cells)


def test_a_cooperatives_order_csv_defuses_a_buyers_name(client, tea_user, customer, tea):
    ocop_order(items=[(tea, 1)], user=customer, address=shipping_address(first_name=EVIL))
    client.force_login(tea_user)

    cells = _cells(client.get(reverse("dashboard:order-list"), {"response_format": "csv"}))

    _assert_defused(cells)


def _report(client, report_type, *, dated=True):
    today = timezone.localdate()
    params = {"report_type": report_type, "download": "true"}
    if dated:  # the analytics reports have no date range
        params["date_from"] = (today - datetime.timedelta(days=2)).isoformat()
        params["date_to"] = (today + datetime.timedelta(days=1)).isoformat()
    return client.get(reverse("dashboard:reports-index"), params)


def test_the_order_report_csv_defuses_a_customers_name(client, staff_user, customer, tea):
    customer.first_name = EVIL
    customer.save()
    ocop_order(items=[(tea, 1)], user=customer)
    client.force_login(staff_user)

    _assert_defused(_cells(_report(client, "order_report")))


def test_the_product_report_csv_defuses_a_product_title(client, staff_user, tea_cooperative):
    product = ocop_product(cooperative=tea_cooperative, title=EVIL, price=125000)
    ProductRecord.objects.create(product=product, num_views=-1 + 4)
    client.force_login(staff_user)

    cells = _cells(_report(client, "product_analytics", dated=False))

    _assert_defused(cells)
    assert "3" in cells  # a count stays a number


def test_the_user_report_csv_defuses_a_customers_name(client, staff_user, customer):
    customer.first_name = EVIL
    customer.save()
    get_model("analytics", "UserRecord").objects.create(user=customer, num_product_views=1)
    client.force_login(staff_user)

    _assert_defused(_cells(_report(client, "user_analytics", dated=False)))


def test_the_open_basket_report_csv_defuses_a_customers_name(client, staff_user, customer, tea):
    from oscar.test.factories import BasketFactory

    customer.first_name = EVIL
    customer.save()
    BasketFactory(owner=customer).add_product(tea, 1)
    client.force_login(staff_user)

    _assert_defused(_cells(_report(client, "open_baskets")))
