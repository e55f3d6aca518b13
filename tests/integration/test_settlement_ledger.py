"""The ledger is append-only and balanced, in the models and (PostgreSQL) in the
database; cash on delivery and transfers paid after delivery reach it at the right time."""

import datetime

import pytest
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from marketplace.order.services import shipment_advance
from marketplace.payments import cod, services, transfers
from marketplace.payments.models import Payment
from marketplace.settlement import ledger
from marketplace.settlement import services as settlement
from marketplace.settlement.models import Account, LedgerEntry, Posting
from tests.factories import cooperative_user, ocop_order, ocop_product, seller_profile

pytestmark = pytest.mark.django_db


def deliver(shipment, user):
    shipment_advance(shipment=shipment, to_status="packed", by=user)
    shipment_advance(shipment=shipment, to_status="shipped", carrier="ghn",
                     tracking_code=f"GHN{shipment.pk}", by=user)  # fmt: skip
    return shipment_advance(shipment=shipment, to_status="delivered", by=user)


@pytest.fixture
def sold(cooperative):
    """A delivered cash-on-delivery order of 200.000 ₫ from a cooperative (8 %), its cash
    not yet ticked off."""
    seller_profile(cooperative, kind="cooperative")
    user = cooperative_user(cooperative)
    order = ocop_order(
        items=[(ocop_product(cooperative=cooperative, title="Gạo", price=100_000), 2)]
    )
    services.payment_create(order=order, method=Payment.Method.COD)
    shipment = deliver(order.shipments.get(), user)
    return order, shipment, user


def test_a_posted_entry_cannot_be_changed_or_deleted_through_the_models(sold):
    entry = LedgerEntry.objects.first()
    entry.amount += 1
    with pytest.raises(ValueError, match="append-only"):
        entry.save()
    with pytest.raises(ValueError, match="append-only"):
        entry.delete()
    with pytest.raises(ValueError, match="append-only"):
        LedgerEntry.objects.filter(pk=entry.pk).update(amount=1)
    with pytest.raises(ValueError, match="append-only"):
        Posting.objects.all().delete()
    assert LedgerEntry.objects.get(pk=entry.pk).amount == entry.amount - 1


@pytest.mark.postgres_only
@pytest.mark.parametrize(
    "sql",
    ["UPDATE settlement_ledgerentry SET amount = amount + 1",
     "DELETE FROM settlement_ledgerentry", "UPDATE settlement_posting SET memo = 'x'",
     "DELETE FROM settlement_posting"],
)  # fmt: skip
def test_postgresql_refuses_to_change_or_delete_the_ledger_even_in_raw_sql(sold, sql):
    with pytest.raises(DatabaseError, match="append-only"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)


@pytest.mark.postgres_only
def test_postgresql_refuses_a_posting_that_does_not_add_up_to_zero(sold):
    order, shipment, _user = sold

    def post_unbalanced():
        with transaction.atomic():
            posting = Posting.objects.create(
                cooperative=shipment.cooperative, kind=Posting.Kind.SALE, key="bad",
                available_on=timezone.localdate(),
            )  # fmt: skip
            LedgerEntry.objects.create(posting=posting, account=Account.COOPERATIVE, amount=5)
            LedgerEntry.objects.create(posting=posting, account=Account.BUYER_FUNDS, amount=-4)
            with connection.cursor() as cursor:  # what COMMIT does
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")

    with pytest.raises(DatabaseError, match="does not balance"):
        post_unbalanced()


def test_the_service_refuses_an_unbalanced_posting_before_the_database_does(sold):
    _order, shipment, _user = sold
    with pytest.raises(ValueError, match="does not balance"):
        ledger._post(
            cooperative=shipment.cooperative, kind=Posting.Kind.SALE, key="bad",
            entries={Account.COOPERATIVE: 5}, available=timezone.localdate(),
        )  # fmt: skip


def test_only_the_demo_purge_may_delete_the_ledger(sold):
    settlement.ledger_purge()
    assert not Posting.objects.exists() and not LedgerEntry.objects.exists()


def test_cod_cash_kept_by_the_cooperative_is_owed_back_against_its_sales(sold, staff_user):
    order, shipment, user = sold
    cooperative = shipment.cooperative
    # Delivered cash on delivery: it took 200.000 in cash and was owed 184.000 (200.000
    # less 8 %): it owes the 16.000 commission.
    assert ledger.cooperative_balance(cooperative) == -16_000

    cod.cod_collect(shipment=shipment, by=user)
    cod.cod_collect(shipment=shipment, by=user)  # a second click: nothing more

    assert ledger.cooperative_balance(cooperative) == -16_000
    assert Posting.objects.filter(kind=Posting.Kind.COD_CASH).count() == 1
    assert Payment.objects.get(order=order).status == Payment.Status.PAID


def test_a_transfer_delivered_before_it_is_paid_enters_the_ledger_when_the_money_comes(
    cooperative, staff_user
):
    seller_profile(cooperative, kind="individual", tax_code="001085012345")
    user = cooperative_user(cooperative)
    order = ocop_order(
        items=[(ocop_product(cooperative=cooperative, title="Mận", price=50_000), 1)]
    )
    services.payment_create(order=order, method=Payment.Method.VIETQR)
    deliver(order.shipments.get(), user)
    assert not Posting.objects.exists()  # delivered, but the money is not in

    transfers.vietqr_confirm(order=order, by=staff_user)

    sale = Posting.objects.get(kind=Posting.Kind.SALE)
    delivered_on = timezone.localdate(order.shipments.get().delivered_at)
    assert sale.available_on == delivered_on + datetime.timedelta(days=7)
    # 50.000 less 8 % (4.000), 1 % VAT (500) and 0,5 % PIT (250).
    assert ledger.cooperative_balance(cooperative) == 45_250


def test_settling_a_delivered_parcel_again_posts_nothing(sold):
    _order, shipment, _user = sold
    count = Posting.objects.count()
    assert ledger.shipment_settle(shipment=shipment) == []
    assert Posting.objects.count() == count
