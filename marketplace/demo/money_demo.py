"""Demo money: the cooperatives' tax profiles and payout accounts, payments of the demo
orders, a partial refund, and a payout batch for staff to review.

Everything goes through the services (payments, refunds, ledger, payouts), so balances,
statements and the batch are what the real flows would make. Run after the demo orders
(``activity.load_orders``), which deliver two of them three weeks ago.
"""

from django.contrib.auth import get_user_model
from oscar.core.loading import get_model

from marketplace.payments import services as payments
from marketplace.payments.models import Payment, Refund
from marketplace.payments.refunds import refund_create
from marketplace.settlement import services as settlement
from marketplace.settlement.banks import banks
from marketplace.settlement.models import PayoutBatch
from marketplace.settlement.taxcodes import mst_check_digit

Cooperative = get_model("partner", "Cooperative")
Order = get_model("order", "Order")
User = get_user_model()

# Most demo sellers are cooperatives; these are household businesses (withheld 1 % VAT
# and 0,5 % PIT) and one is a company. The last cooperative has no tax profile yet: staff
# see why it cannot be paid.
HOUSEHOLD_EVERY, COMPANY_AT = 4, 5
# How the demo orders are paid: a transfer confirmed by staff, or cash on delivery.
ORDER_PAYMENTS = {
    "OCOP-DEMO-1001": ("vietqr", "FT26DEMO1001"),
    "OCOP-DEMO-1002": ("cod", ""),
    "OCOP-DEMO-1003": ("vietqr", "FT26DEMO1003"),
    "OCOP-DEMO-1004": ("cod", ""),
    "OCOP-DEMO-1005": ("vietqr", "FT26DEMO1005"),
    "OCOP-DEMO-1006": ("vietqr", ""),  # the transfer has not come yet
}
REFUNDED_ORDER, REFUND_AMOUNT = "OCOP-DEMO-1005", 20_000


def demo_mst(number):
    """Return a valid 10-digit MST for the demo (province 25, sequence ``number``)."""
    while True:
        first_nine = f"25{number:07d}"
        digit = mst_check_digit(first_nine)
        if digit is not None:
            return first_nine + digit
        number += 1


def load_tax_profiles(*, report):
    bins = sorted(banks())
    cooperatives = list(
        Cooperative.objects.filter(status=Cooperative.Status.APPROVED)
        .select_related("partner")
        .order_by("pk")
    )
    for index, cooperative in enumerate(cooperatives[:-1]):
        if cooperative.tax_code:
            continue
        if index % HOUSEHOLD_EVERY == HOUSEHOLD_EVERY - 1:
            # The owner's 12-digit personal ID (born in province 025, in 1985–1994).
            kind = Cooperative.SellerKind.HOUSEHOLD
            tax_code = f"025{85 + index % 10:03d}{index:06d}"
        elif index == COMPANY_AT:
            kind, tax_code = Cooperative.SellerKind.COMPANY, demo_mst(5_000 + index)
        else:
            kind, tax_code = Cooperative.SellerKind.COOPERATIVE, demo_mst(1_000 + index * 7)
        cooperative.seller_kind, cooperative.tax_code = kind, tax_code
        cooperative.legal_name = cooperative.name
        cooperative.bank_bin = bins[index % len(bins)]
        cooperative.bank_account_number = f"10{index:02d}{cooperative.pk:06d}88"
        cooperative.bank_account_name = _ascii_upper(cooperative.name)
        cooperative.full_clean()
        cooperative.save()
        report.add("hồ sơ thuế và tài khoản nhận tiền", 1)


def _ascii_upper(text):
    """Return ``text`` as banks print account holders: capitals without tone marks."""
    import unicodedata

    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).upper()[:128]


def pay_order(*, order, admin):
    """Record how a demo order is paid (when it is created, before its parcels move)."""
    method, reference = ORDER_PAYMENTS.get(order.number, ("cod", ""))
    payment = payments.payment_create(order=order, method=method)
    if method == Payment.Method.VIETQR and reference:
        payments.payment_mark_paid(payment=payment, by=admin, bank_reference=reference)
    return payment


def load_refund_and_payouts(*, report, admin):
    order = Order.objects.filter(number=REFUNDED_ORDER).select_related("payment").first()
    payment = getattr(order, "payment", None) if order else None
    if (
        payment is not None
        and payment.is_paid
        and not Refund.objects.filter(payment=payment).exists()
    ):
        line = order.lines.order_by("pk").first()
        refund_create(
            payment=payment, items={f"line:{line.pk}": REFUND_AMOUNT},
            reason="Một hộp bị móp khi giao", by=admin,
        )  # fmt: skip
        report.add("lần hoàn tiền", 1)
    if not PayoutBatch.objects.exists():
        batch = settlement.payout_batch_prepare(by=admin)
        if batch is not None:
            report.add("đợt chi trả chờ duyệt", 1)
