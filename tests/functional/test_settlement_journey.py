"""An order from two cooperatives, one a household business, from the card payment to
delivery to payout, with a refund before the payout and one after it: every amount exact
to the đồng, and Stripe's refund events changing nothing the second time.

Tea (cooperative "Chè Cẩm Mỹ", a cooperative: not withheld, the tea category's 10 %
commission): 2 × 64.995 ₫ = 129.990 ₫. Honey ("Mật ong Bạc Hà", a household business:
1 % VAT + 0,5 % PIT withheld, its own 5 % commission): 150.010 ₫. Each parcel Phú Thọ →
Hà Nội, up to 1 kg: 30.000 ₫ shipping, passed on to the cooperative that sends it.
"""

import datetime

import pytest
from django.db import connection
from django.db.models import Sum
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.order.services import shipment_advance
from marketplace.payments import refunds, services, transfers
from marketplace.payments.models import Payment, Refund, WebhookEvent
from marketplace.settlement import ledger
from marketplace.settlement import services as settlement
from marketplace.settlement.models import Account, CategoryCommission, LedgerEntry, Posting
from tests import checkout_steps as steps
from tests import stripe_stub
from tests.factories import (
    MST_HOUSEHOLD_ID,
    category,
    ocop_order,
    ocop_product,
    seller_profile,
)

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
Shipment = get_model("order", "Shipment")
WEBHOOK = "/shop/payments/stripe/webhook/"
INTENT = "pi_test_split"


def post_event(client, event_type, obj, event_id):
    payload = stripe_stub.event(event_type, obj, event_id=event_id)
    return client.post(
        WEBHOOK, payload, content_type="application/json",
        HTTP_STRIPE_SIGNATURE=stripe_stub.signature(payload),
    )  # fmt: skip


def deliver(shipment, user):
    for step in ("packed", "shipped", "delivered"):
        extra = {}
        if step == "shipped":
            extra = {"carrier": "ghn", "tracking_code": f"GHN{shipment.pk}"}
        shipment_advance(shipment=shipment, to_status=step, by=user, **extra)


def balance(cooperative, *, payable_on=None):
    return ledger.cooperative_balance(cooperative, payable_on=payable_on)


def account_totals(cooperative):
    rows = (
        LedgerEntry.objects.filter(posting__cooperative=cooperative)
        .values("account")
        .annotate(total=Sum("amount"))
    )
    return {row["account"]: row["total"] for row in rows if row["total"]}


def check_every_posting_balances():
    """At commit PostgreSQL checks each posting; a test never commits: check them now."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    for posting in Posting.objects.all():
        assert sum(posting.entries.values_list("amount", flat=True)) == 0, posting.key


@pytest.fixture
def split_order(client, stripe_server, tea_cooperative, honey_cooperative):
    """The card order of tea and honey, paid through Stripe's signed webhook."""
    seller_profile(tea_cooperative, kind="cooperative")
    seller_profile(honey_cooperative, kind="household", tax_code=MST_HOUSEHOLD_ID,
                   bank_account="0451000999888", commission_bps=500)  # fmt: skip
    tea_category = category("Chè")
    CategoryCommission.objects.create(category=tea_category, rate_bps=1000)
    tea = ocop_product(cooperative=tea_cooperative, title="Chè Shan tuyết", price=64995,
                       category=tea_category)  # fmt: skip
    honey = ocop_product(cooperative=honey_cooperative, title="Mật ong bạc hà", price=150010)
    steps.place_order(client, steps.checkout(client, [(tea, 2), (honey, 1)], method="stripe"))
    order = Order.objects.get()
    session = stripe_server.pay(f"cs_test_{order.number}", payment_intent=INTENT)
    assert post_event(client, "checkout.session.completed", session, "evt_paid").status_code == 200
    order.refresh_from_db()
    assert order.status == "paid"
    return order


def test_an_order_of_two_cooperatives_goes_from_payment_to_payout_exact_to_the_dong(
    client, stripe_server, split_order, staff_user, tea_user, honey_user,
    tea_cooperative, honey_cooperative,
):  # fmt: skip
    order = split_order
    assert order.total_incl_tax == 129_990 + 150_010 + 60_000
    tea_parcel = order.shipments.get(cooperative=tea_cooperative)
    honey_parcel = order.shipments.get(cooperative=honey_cooperative)
    assert (tea_parcel.shipping_charge, honey_parcel.shipping_charge) == (30_000, 30_000)
    assert not Posting.objects.exists()  # paid, not delivered: nothing is owed yet

    deliver(tea_parcel, tea_user)
    deliver(honey_parcel, honey_user)

    today = timezone.localdate()
    payable_day = today + datetime.timedelta(days=7)
    # Tea: 129.990 less 10 % (12.999) = 116.991, plus its shipping.
    assert account_totals(tea_cooperative) == {
        Account.BUYER_FUNDS: -159_990, Account.COMMISSION: 12_999,
        Account.COOPERATIVE: 116_991 + 30_000,
    }  # fmt: skip
    # Honey: 150.010 less 5 % (7.500,5 → 7.501), VAT 1 % (1.500,1 → 1.500) and PIT 0,5 %
    # (750,05 → 750) = 140.259, plus its shipping.
    assert account_totals(honey_cooperative) == {
        Account.BUYER_FUNDS: -180_010, Account.COMMISSION: 7_501,
        Account.VAT_WITHHELD: 1_500, Account.PIT_WITHHELD: 750,
        Account.COOPERATIVE: 140_259 + 30_000,
    }  # fmt: skip
    sale = Posting.objects.get(kind=Posting.Kind.SALE, cooperative=honey_cooperative)
    assert (sale.seller_kind, sale.commission_bps, sale.vat_bps, sale.pit_bps) == (
        "household", 500, 100, 50,
    )  # fmt: skip
    # Payable once the 7-day return window is over, not before.
    assert balance(tea_cooperative, payable_on=today) == 0
    assert balance(tea_cooperative, payable_on=payable_day) == 146_991

    # A partial refund of the honey line before the payout, through Stripe.
    honey_line = order.lines.get(partner=honey_cooperative.partner)
    refunds.refund_create(
        payment=order.payment, items={f"line:{honey_line.pk}": 10_000},
        reason="Hũ bị móp", by=staff_user,
    )  # fmt: skip
    assert stripe_server.refunds[-1]["amount"] == 10_000
    # 140.010: commission 7.000,5 → 7.001, VAT 1.400,1 → 1.400, PIT 700,05 → 700.
    assert account_totals(honey_cooperative) == {
        Account.BUYER_FUNDS: -170_010, Account.COMMISSION: 7_001,
        Account.VAT_WITHHELD: 1_400, Account.PIT_WITHHELD: 700,
        Account.COOPERATIVE: 130_909 + 30_000,
    }  # fmt: skip
    assert balance(tea_cooperative) == 146_991  # the other cooperative is untouched

    # The weekly batch, once the window is over: staff approve, transfer, confirm.
    batch = settlement.payout_batch_prepare(payable_on=payable_day, by=staff_user)
    payouts = {p.cooperative_id: p for p in batch.payouts.all()}
    assert {k: p.amount for k, p in payouts.items()} == {
        tea_cooperative.pk: 146_991, honey_cooperative.pk: 160_909,
    }  # fmt: skip
    assert balance(tea_cooperative) == balance(honey_cooperative) == 0
    settlement.payout_batch_approve(batch=batch, by=staff_user)
    for number, payout in enumerate(payouts.values()):
        settlement.payout_mark_paid(payout=payout, bank_reference=f"FT-CHI-{number}", by=staff_user)
    batch.refresh_from_db()
    assert batch.status == "paid"

    # A refund of the tea line after the payout: the cooperative now owes the marketplace.
    tea_line = order.lines.get(partner=tea_cooperative.partner)
    refunds.refund_create(
        payment=order.payment, items={f"line:{tea_line.pk}": 50_000}, reason="Trả hàng",
        by=staff_user,
    )  # fmt: skip
    # 79.990 less 10 % (7.999) = 71.991: 45.000 less than the 116.991 already paid.
    assert balance(tea_cooperative) == -45_000
    assert balance(tea_cooperative, payable_on=payable_day) == -45_000
    assert settlement.payout_batch_prepare(payable_on=payable_day, by=staff_user) is None

    # The negative balance is carried: the next sale pays it back first.
    later = ocop_order(items=[(ocop_product(cooperative=tea_cooperative, title="Chè búp",
                                            price=100_000), 1)])  # fmt: skip
    services.payment_create(order=later, method=Payment.Method.VIETQR)
    transfers.vietqr_confirm(order=later, by=staff_user)
    deliver(later.shipments.get(), tea_user)
    # 100.000 in the "Chè" category? No: this product has none, so the default 8 %.
    assert balance(tea_cooperative) == -45_000 + 92_000
    next_batch = settlement.payout_batch_prepare(
        payable_on=payable_day + datetime.timedelta(days=1), by=staff_user
    )
    assert [p.amount for p in next_batch.payouts.all()] == [47_000]

    payment = Payment.objects.get(order=order)
    assert payment.amount_refunded == 60_000
    check_every_posting_balances()


def test_stripe_refund_events_record_a_dashboard_refund_once_and_replays_change_nothing(
    client, stripe_server, split_order, staff_user, tea_user, honey_user,
    tea_cooperative, honey_cooperative,
):  # fmt: skip
    order = split_order
    for parcel, user in (
        (order.shipments.get(cooperative=tea_cooperative), tea_user),
        (order.shipments.get(cooperative=honey_cooperative), honey_user),
    ):
        deliver(parcel, user)  # fmt: skip
    refunds.refund_create(payment=order.payment, amount=40_000, reason="Giao chậm", by=staff_user)
    before = (Refund.objects.count(), LedgerEntry.objects.count(),
              balance(tea_cooperative), balance(honey_cooperative))  # fmt: skip

    # Stripe tells us about our own refund, several times and under several event ids.
    ours = stripe_stub.charge(INTENT, amount=340_000, amount_refunded=40_000,
                              refund_ids=["re_test_1"])  # fmt: skip
    for event_id in ("evt_r1", "evt_r1", "evt_r2"):
        assert post_event(client, "charge.refunded", ours, event_id).status_code == 200
    assert (Refund.objects.count(), LedgerEntry.objects.count(),
            balance(tea_cooperative), balance(honey_cooperative)) == before  # fmt: skip

    # A refund made in Stripe's dashboard: 34.000 ₫ more, recorded once, shared out over
    # the lines and the shipping in proportion to what is left on each.
    dashboard = stripe_stub.charge(INTENT, amount=340_000, amount_refunded=74_000,
                                   refund_ids=["re_dashboard", "re_test_1"])  # fmt: skip
    for event_id in ("evt_r3", "evt_r3", "evt_r4"):
        assert post_event(client, "charge.refunded", dashboard, event_id).status_code == 200

    recorded = Refund.objects.get(stripe_refund_id="re_dashboard")
    assert recorded.amount == 34_000
    assert sum(recorded.lines.values_list("amount", flat=True)) == 34_000
    assert Payment.objects.get(order=order).amount_refunded == 74_000
    assert WebhookEvent.objects.filter(type="charge.refunded").count() == 4
    # Nothing was asked of Stripe's API: the money had gone back already.
    assert len(stripe_server.refunds) == 1
    # Each cooperative gave back its part: the remaining revenue's components, no more.
    for cooperative in (tea_cooperative, honey_cooperative):
        totals = account_totals(cooperative)
        revenue = -totals[Account.BUYER_FUNDS]
        assert (
            totals[Account.COOPERATIVE]
            + totals[Account.COMMISSION]
            + totals.get(Account.VAT_WITHHELD, 0)
            + totals.get(Account.PIT_WITHHELD, 0)
            == revenue
        )
    assert -sum(account_totals(c)[Account.BUYER_FUNDS]
                for c in (tea_cooperative, honey_cooperative)) == 340_000 - 74_000  # fmt: skip
    check_every_posting_balances()


def test_a_dispute_holds_the_amount_back_and_releases_it_when_won(
    client, stripe_server, split_order, tea_user, honey_user, tea_cooperative, honey_cooperative
):
    order = split_order
    for parcel, user in (
        (order.shipments.get(cooperative=tea_cooperative), tea_user),
        (order.shipments.get(cooperative=honey_cooperative), honey_user),
    ):
        deliver(parcel, user)  # fmt: skip
    before = (balance(tea_cooperative), balance(honey_cooperative))

    opened = stripe_stub.dispute(INTENT, amount=340_000)
    for event_id in ("evt_d1", "evt_d1", "evt_d2"):
        assert post_event(client, "charge.dispute.created", opened, event_id).status_code == 200
    order.refresh_from_db()
    assert order.status == "disputed"
    assert balance(tea_cooperative) == balance(honey_cooperative) == 0

    won = stripe_stub.dispute(INTENT, amount=340_000, status="won")
    for event_id in ("evt_d3", "evt_d4"):
        assert post_event(client, "charge.dispute.closed", won, event_id).status_code == 200
    order.refresh_from_db()
    assert order.status == "paid"
    assert (balance(tea_cooperative), balance(honey_cooperative)) == before
    check_every_posting_balances()


def test_a_lost_dispute_becomes_a_refund_of_the_held_amount(
    client, stripe_server, split_order, tea_user, honey_user, tea_cooperative, honey_cooperative
):
    order = split_order
    for parcel, user in (
        (order.shipments.get(cooperative=tea_cooperative), tea_user),
        (order.shipments.get(cooperative=honey_cooperative), honey_user),
    ):
        deliver(parcel, user)  # fmt: skip
    post_event(client, "charge.dispute.created",
               stripe_stub.dispute(INTENT, amount=180_010), "evt_d1")  # fmt: skip
    held = (balance(tea_cooperative), balance(honey_cooperative))

    lost = stripe_stub.dispute(INTENT, amount=180_010, status="lost")
    for event_id in ("evt_d2", "evt_d3"):
        assert post_event(client, "charge.dispute.closed", lost, event_id).status_code == 200

    assert (balance(tea_cooperative), balance(honey_cooperative)) == held
    payment = Payment.objects.get(order=order)
    assert payment.amount_refunded == 180_010
    assert Refund.objects.get().stripe_refund_id == "dp_test_1"
    # A later charge.refunded (Stripe counts no refund for a dispute) records nothing.
    post_event(client, "charge.refunded",
               stripe_stub.charge(INTENT, amount=340_000, amount_refunded=0), "evt_r1")  # fmt: skip
    assert Refund.objects.count() == 1
    check_every_posting_balances()


def test_a_dispute_lost_after_a_stripe_refund_of_the_same_lines_refunds_only_what_is_left(
    client, stripe_server, split_order, tea_user, honey_user, tea_cooperative, honey_cooperative
):
    order = split_order
    for parcel, user in (
        (order.shipments.get(cooperative=tea_cooperative), tea_user),
        (order.shipments.get(cooperative=honey_cooperative), honey_user),
    ):
        deliver(parcel, user)  # fmt: skip
    post_event(client, "charge.dispute.created",
               stripe_stub.dispute(INTENT, amount=340_000), "evt_d1")  # fmt: skip
    # Meanwhile someone refunds 100.000 ₫ from Stripe's dashboard.
    refunded = stripe_stub.charge(INTENT, amount=340_000, amount_refunded=100_000)
    assert post_event(client, "charge.refunded", refunded, "evt_r1").status_code == 200

    lost = stripe_stub.dispute(INTENT, amount=340_000, status="lost")
    assert post_event(client, "charge.dispute.closed", lost, "evt_d2").status_code == 200

    payment = Payment.objects.get(order=order)
    assert payment.amount_refunded <= 340_000
    check_every_posting_balances()
