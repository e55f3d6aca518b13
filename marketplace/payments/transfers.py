"""VietQR bank transfers: the one rule that matches an incoming transfer to an order and
pays it, and staff's confirmation by hand.

The rule serves the bank statement import (``statement_import``) and the bank's signed
notifications (``bank_notifications``): a transfer pays an order when its description
holds the order's number and its amount is exactly the order's; its bank reference is
kept on the payment, so the same transfer never pays twice, whichever way it came.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model

from marketplace.payments import statements
from marketplace.payments.models import Payment
from marketplace.payments.services import payment_mark_paid

Order = get_model("order", "Order")


class StatementOutcome(models.TextChoices):
    """What importing one line of a bank statement did."""

    PAID = "paid", gettext_lazy("Đã ghi nhận thanh toán")
    ALREADY_IMPORTED = "already_imported", gettext_lazy("Đã nhập trước đó")
    CONFIRMED_BY_HAND = "confirmed_by_hand", gettext_lazy("Đã được xác nhận tay trước đó")
    DUPLICATE = "duplicate", gettext_lazy("Trùng mã giao dịch trong tệp")
    UNMATCHED = "unmatched", gettext_lazy("Không tìm thấy số đơn hàng trong nội dung")
    AMBIGUOUS = "ambiguous", gettext_lazy("Nội dung có nhiều số đơn hàng")
    MISMATCHED = "mismatched", gettext_lazy("Số tiền không khớp")
    NOT_TRANSFER = "not_transfer", gettext_lazy("Đơn không thanh toán bằng chuyển khoản")
    ALREADY_PAID = (
        "already_paid",
        gettext_lazy("Đơn đã thanh toán trước đó: kiểm tra, có thể phải trả lại"),
    )
    NOT_PENDING = (
        "not_pending",
        gettext_lazy("Đơn không còn chờ thanh toán: kiểm tra, có thể phải trả lại"),
    )


@dataclass(frozen=True)
class StatementLineResult:
    line: statements.StatementLine
    outcome: str
    order_number: str = ""
    expected_amount: Decimal | None = None

    @property
    def label(self):
        return StatementOutcome(self.outcome).label

    @property
    def needs_attention(self):
        return self.outcome not in (
            StatementOutcome.PAID,
            StatementOutcome.ALREADY_IMPORTED,
            StatementOutcome.CONFIRMED_BY_HAND,
            StatementOutcome.DUPLICATE,
        )


def statement_result_as_json(result):
    """Return a ``StatementLineResult`` as JSON-ready values (``statement_result_from_json``)."""
    line = result.line
    return {
        "row": line.row,
        "booked_on": line.booked_on.isoformat(),
        "amount": str(line.amount),
        "description": line.description,
        "reference": line.reference,
        "outcome": str(result.outcome),
        "order_number": result.order_number,
        "expected_amount": (
            str(result.expected_amount) if result.expected_amount is not None else None
        ),
    }


def statement_result_from_json(values):
    """Return the ``StatementLineResult`` that ``statement_result_as_json`` made ``values`` of."""
    line = statements.StatementLine(
        row=values["row"], booked_on=datetime.date.fromisoformat(values["booked_on"]),
        amount=Decimal(values["amount"]), description=values["description"],
        reference=values["reference"],
    )  # fmt: skip
    expected = values.get("expected_amount")
    return StatementLineResult(
        line, values["outcome"], values.get("order_number", ""),
        expected_amount=Decimal(expected) if expected is not None else None,
    )  # fmt: skip


def transfer_apply(*, line, by, references):
    """Apply one incoming transfer (a ``statements.StatementLine``); return its
    ``StatementLineResult``. ``references`` holds the bank references seen so far in the
    same run (a repeat is a duplicate) and gets this one."""

    if line.reference in references:
        return StatementLineResult(line, StatementOutcome.DUPLICATE)
    references.add(line.reference)
    earlier = Payment.objects.filter(bank_reference=line.reference).select_related("order").first()
    if earlier is not None:
        return StatementLineResult(line, StatementOutcome.ALREADY_IMPORTED, earlier.order.number)
    orders = list(
        Order.objects.filter(number__in=statements.order_numbers_in(line.description))
        .select_related("payment")
        .order_by("number")[:2]
    )
    if not orders:
        return StatementLineResult(line, StatementOutcome.UNMATCHED)
    if len(orders) > 1:
        return StatementLineResult(line, StatementOutcome.AMBIGUOUS)
    [order] = orders
    payment = getattr(order, "payment", None)
    if payment is None or payment.method != Payment.Method.VIETQR:
        return StatementLineResult(line, StatementOutcome.NOT_TRANSFER, order.number)
    if payment.amount != line.amount:
        return StatementLineResult(
            line, StatementOutcome.MISMATCHED, order.number, expected_amount=payment.amount
        )
    if payment.status == Payment.Status.PAID and not payment.bank_reference:
        # Staff confirmed it by hand from this very transfer: keep its reference, so that
        # a second transfer for the order is flagged rather than taken for this one.
        Payment.objects.filter(pk=payment.pk, bank_reference="").update(
            bank_reference=line.reference
        )
        return StatementLineResult(line, StatementOutcome.CONFIRMED_BY_HAND, order.number)
    if payment.status == Payment.Status.PAID:
        return StatementLineResult(line, StatementOutcome.ALREADY_PAID, order.number)
    if payment.status != Payment.Status.PENDING:
        return StatementLineResult(line, StatementOutcome.NOT_PENDING, order.number)
    _payment, changed = payment_mark_paid(payment=payment, by=by, bank_reference=line.reference)
    outcome = StatementOutcome.PAID if changed else StatementOutcome.ALREADY_PAID
    return StatementLineResult(line, outcome, order.number)


def vietqr_confirm(*, order, by):
    """Staff saw the transfer for ``order`` on the bank statement: mark it paid."""
    if not (by.is_active and by.is_staff):
        raise PermissionDenied(_("Chỉ ban quản trị chợ mới xác nhận được tiền chuyển khoản."))
    payment = order.payment
    if payment.method != Payment.Method.VIETQR:
        raise ValidationError(_("Đơn này không thanh toán bằng chuyển khoản."))
    return payment_mark_paid(payment=payment, by=by)
