"""``stockrecord_update``: the one way a stock level or a price changes outside the
dashboard's forms (the API), with the same rules whoever calls it."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from marketplace.partner.services import MAX_STOCK, stockrecord_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def record(tea):
    return tea.stockrecords.get()


def test_the_cooperative_sets_stock_and_price(record, tea_user):
    saved = stockrecord_update(stockrecord=record, by=tea_user, num_in_stock=7, price=99000)

    record.refresh_from_db()
    assert (
        (record.num_in_stock, record.price)
        == (7, Decimal("99000.00"))
        == (
            saved.num_in_stock,
            saved.price,
        )
    )


def test_one_of_them_alone_leaves_the_other(record, tea_user):
    stockrecord_update(stockrecord=record, by=tea_user, price=Decimal("130000"))

    record.refresh_from_db()
    assert (record.num_in_stock, record.price) == (20, 130000)


def test_another_cooperative_and_a_shopper_may_not(record, honey_user, customer):
    for user in (honey_user, customer):
        with pytest.raises(PermissionDenied):
            stockrecord_update(stockrecord=record, by=user, num_in_stock=0)

    record.refresh_from_db()
    assert record.num_in_stock == 20


def test_staff_may(record, staff_user):
    stockrecord_update(stockrecord=record, by=staff_user, num_in_stock=3)

    record.refresh_from_db()
    assert record.num_in_stock == 3


@pytest.mark.parametrize(
    "values",
    [
        {"num_in_stock": -1},
        {"num_in_stock": MAX_STOCK + 1},
        {"num_in_stock": True},
        {"num_in_stock": 2.0},
        {"num_in_stock": "5"},
        {"price": 0},
        {"price": Decimal("0.5")},
        {"price": Decimal("NaN")},
        {"price": float("inf")},
        {"price": "125000"},
        {"price": False},
        {"price": 10**10},
        {},
    ],
)
def test_values_out_of_the_rules_are_refused(record, tea_user, values):
    with pytest.raises(ValidationError):
        stockrecord_update(stockrecord=record, by=tea_user, **values)

    record.refresh_from_db()
    assert (record.num_in_stock, record.price) == (20, 125000)


def test_stock_never_falls_below_the_units_held_for_orders(record, tea_user):
    type(record).objects.filter(pk=record.pk).update(num_allocated=6)

    with pytest.raises(ValidationError) as refused:
        stockrecord_update(stockrecord=record, by=tea_user, num_in_stock=5)

    assert "num_in_stock" in refused.value.message_dict
    assert stockrecord_update(stockrecord=record, by=tea_user, num_in_stock=6).num_in_stock == 6
