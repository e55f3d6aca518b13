"""Writes for payments: placing, confirming, collecting, refunding and expiring.

Every change of a payment locks its row first (``select_for_update``): the buyer's redirect,
Stripe's webhook and a staff member's click may arrive together, and exactly one of them
may move the payment on.
"""

import copy
import datetime
import logging
from contextlib import nullcontext
from dataclasses import dataclass
from decimal import Decimal
from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace import access
from marketplace.jobs.services import job_start
from marketplace.mail import buyer_language, message_render
from marketplace.order.services import shipment_advance, shipments_notify_cooperatives
from marketplace.payments import gateway, statements
from marketplace.payments.models import CashCollection, Payment, Refund, WebhookEvent

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
Shipment = get_model("order", "Shipment")


class OrderStatus(models.TextChoices):
    """The values of Oscar's ``Order.status`` this marketplace writes, with staff's labels.

    Oscar keeps the status as a bare string; templates show the label with the
    ``order_status_label`` filter (``payment_tags``).
    """

    AWAITING_PAYMENT = "awaiting-payment", gettext_lazy("Chờ thanh toán")
    AWAITING_COD = "awaiting-cod", gettext_lazy("Chờ giao, thu tiền khi nhận (COD)")
    PAID = "paid", gettext_lazy("Đã thanh toán")
    CANCELLED = "cancelled", gettext_lazy("Đã huỷ")
    REFUNDED = "refunded", gettext_lazy("Đã hoàn tiền")


def initial_order_status(method):
    """Return the status of a new order paid by ``method``."""
    if method == Payment.Method.COD:
        return OrderStatus.AWAITING_COD
    return OrderStatus.AWAITING_PAYMENT


def payment_create(*, order, method):
    """Record how ``order`` will be paid; call it in the order's own transaction."""
    payment = Payment(order=order, method=method, amount=order.total_incl_tax)
    payment.full_clean()
    payment.save()
    return payment


def _locked(payment):
    return Payment.objects.select_for_update().select_related("order").get(pk=payment.pk)


def payment_mark_paid(*, payment, by=None, stripe_payment_intent="", bank_reference=""):
    """Mark ``payment`` paid and its order with it; return ``(payment, changed)``.

    Paying a paid payment changes nothing (``changed`` is False): a webhook replayed, a
    redirect after the webhook, a second click. An expired or refunded payment cannot be
    paid (ValidationError); Stripe money arriving for one is logged for staff to return.
    """
    with transaction.atomic():
        payment = _locked(payment)
        if payment.status == Payment.Status.PAID:
            return payment, False
        if payment.status != Payment.Status.PENDING:
            raise ValidationError(
                _("Đơn %(number)s không còn chờ thanh toán (%(status)s).")
                % {"number": payment.order.number, "status": payment.get_status_display()}
            )
        payment.status = Payment.Status.PAID
        payment.paid_at = timezone.now()
        payment.confirmed_by = by
        if stripe_payment_intent:
            payment.stripe_payment_intent = stripe_payment_intent
        if bank_reference:
            payment.bank_reference = bank_reference
        payment.full_clean()
        payment.save()
        order = payment.order
        order.status = OrderStatus.PAID
        order.save(update_fields=["status"])
        if payment.method == Payment.Method.STRIPE:
            # Cooperatives hear of a card order only now (see shipments_create_for_order).
            transaction.on_commit(partial(shipments_notify_cooperatives, order=order), robust=True)
    return payment, True


def vietqr_confirm(*, order, by):
    """Staff saw the transfer for ``order`` on the bank statement: mark it paid."""
    if not (by.is_active and by.is_staff):
        raise PermissionDenied(_("Chỉ ban quản trị chợ mới xác nhận được tiền chuyển khoản."))
    payment = order.payment
    if payment.method != Payment.Method.VIETQR:
        raise ValidationError(_("Đơn này không thanh toán bằng chuyển khoản."))
    return payment_mark_paid(payment=payment, by=by)


# A bank statement is applied this many lines at a time, each batch in its own transaction.
STATEMENT_CHUNK_LINES = 500


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


def bank_statement_start(*, upload, by):
    """Check a bank statement (cheaply) and start importing it in the background; return
    the tracked job, whose page shows the progress and then the report.

    Raise ValidationError for a file refused at once (too big, not a UTF-8 CSV, a column
    missing); the lines themselves are read by the job.
    """
    from marketplace.payments import tasks

    if not (by.is_active and by.is_staff):
        raise PermissionDenied(_("Chỉ ban quản trị chợ mới nhập được sao kê ngân hàng."))
    content = statements.statement_check(upload)
    return job_start(
        task=tasks.bank_statement_import, owner=by, upload=content,
        upload_name=upload.name or "", language=get_language(),
    )  # fmt: skip


def bank_statement_import(*, upload, by, progress=None, resume=None):
    """Mark paid the VietQR orders a bank statement (CSV) shows the money for; return the
    report (``statement_report_new``, JSON-ready).

    A line pays an order when its description holds the order's number and its amount is
    exactly the order's; everything else is reported for staff to look at. Importing the
    same statement again pays nothing twice: each line's bank reference is kept on the
    payment it paid. A bad file (``ValidationError``) changes nothing: every line is read
    before one is applied.

    Without ``progress``, all lines are applied in one transaction. With it, they are
    applied STATEMENT_CHUNK_LINES at a time, each batch in its own transaction, and
    ``progress(done, total, report)`` is called at the end of each batch, inside its
    transaction. Given back as ``resume=(done, report)``, it carries on after those lines
    with that report, as if the import had not been cut short.
    """
    if not (by.is_active and by.is_staff):
        raise PermissionDenied(_("Chỉ ban quản trị chợ mới nhập được sao kê ngân hàng."))
    lines = statements.statement_read(upload)
    done, report = resume if resume is not None else (0, statement_report_new())
    report = copy.deepcopy(report)
    report["lines"] = len(lines)
    # The references of the lines already applied: a later line repeating one is a duplicate.
    references = {line.reference for line in lines[:done]}
    with transaction.atomic() if progress is None else nullcontext():
        for start in range(done, len(lines), STATEMENT_CHUNK_LINES):
            batch = lines[start : start + STATEMENT_CHUNK_LINES]
            with transaction.atomic():
                for line in batch:
                    result = _statement_line_apply(line=line, by=by, references=references)
                    _statement_report_add(report, result)
                if progress is not None:
                    progress(start + len(batch), len(lines), report)
    return report


def statement_report_new():
    """Return an empty import report: lines read, count per outcome, lines to look at."""
    return {"lines": 0, "counts": {}, "attention": []}


def _statement_report_add(report, result):
    report["counts"][result.outcome] = report["counts"].get(result.outcome, 0) + 1
    if result.needs_attention:
        report["attention"].append(statement_result_as_json(result))


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


def _statement_line_apply(*, line, by, references):
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


def cod_collect(*, shipment, by):
    """The cooperative handed its parcel over and took the cash; return the shipment.

    A shipped parcel is marked delivered on the way. When every parcel of the order has
    its cash collected, the order is paid.
    """
    order = shipment.order
    payment = getattr(order, "payment", None)
    if payment is None or payment.method != Payment.Method.COD:
        raise ValidationError(_("Đơn này không thanh toán khi nhận hàng."))
    _check_may_collect(shipment=shipment, by=by)
    # One transaction: the parcel is not marked delivered unless its cash is recorded too.
    with transaction.atomic():
        shipment = Shipment.objects.select_for_update().get(pk=shipment.pk)
        if shipment.status == Shipment.Status.SHIPPED:
            shipment = shipment_advance(
                shipment=shipment, to_status=Shipment.Status.DELIVERED, by=by
            )
        elif shipment.status != Shipment.Status.DELIVERED:
            raise ValidationError(_("Chỉ thu tiền được khi kiện hàng đang giao hoặc đã giao."))
        if CashCollection.objects.filter(shipment=shipment).exists():
            return shipment
        collection = CashCollection(shipment=shipment, collected_by=by)
        collection.full_clean()
        collection.save()
        outstanding = order.shipments.exclude(status=Shipment.Status.CANCELLED).filter(
            cash_collection__isnull=True
        )
        if not outstanding.exists():
            payment_mark_paid(payment=payment, by=by)
    return shipment


def _check_may_collect(*, shipment, by):
    if not access.may_act_for(by, shipment.cooperative):
        raise PermissionDenied(_("Bạn không phụ trách kiện hàng này."))


def stripe_checkout_start(*, payment, success_url, cancel_url):
    """Open a Stripe Checkout Session for ``payment`` and remember its id; return its URL.

    Call it *after* the order's transaction has committed: no stock row stays locked while
    Stripe answers. When Stripe cannot be reached (``gateway.StripeUnavailable``), undo the
    order with ``card_checkout_abandon``.
    """
    session = gateway.checkout_session_create(
        order_number=payment.order.number,
        amount=payment.amount,
        email=payment.order.email,
        success_url=success_url,
        cancel_url=cancel_url,
        expires_at=timezone.now()
        + datetime.timedelta(minutes=settings.PAYMENT_CARD_EXPIRY_MINUTES),
    )
    payment.stripe_session_id = session["id"]
    payment.full_clean()
    payment.save(update_fields=["stripe_session_id"])
    return session["url"]


class StripeEventMalformed(ValueError):
    """A signed Stripe event (or session) this shop cannot read or place: answer 400."""


SESSION_EVENTS = ("checkout.session.completed", "checkout.session.async_payment_succeeded")


@dataclass(frozen=True)
class StripeSession:
    """The fields of a Checkout Session this shop relies on, type-checked."""

    id: str
    order_number: str
    client_reference_id: str | None
    amount_total: int | None
    currency: str | None
    payment_status: str | None
    payment_intent: str


def _is_text(value, *, max_length=255):
    """True for a non-empty string PostgreSQL can store and look up (no NUL byte)."""
    return isinstance(value, str) and 0 < len(value) <= max_length and "\x00" not in value


def _text_or_none(value, *, name):
    if value is None or _is_text(value):
        return value
    raise StripeEventMalformed(f"{name} is not a short string")


def stripe_session_parse(obj):
    """Return the Checkout Session in ``obj`` (Stripe's JSON), or raise StripeEventMalformed.

    Only the shape is checked here: every field this shop reads must have Stripe's type,
    and the session must carry the order number this shop put in its metadata.
    """
    if not isinstance(obj, dict):
        raise StripeEventMalformed("the session is not an object")
    if obj.get("object", "checkout.session") != "checkout.session":
        raise StripeEventMalformed("not a Checkout Session")
    session_id = obj.get("id")
    if not _is_text(session_id):
        raise StripeEventMalformed("the session has no id")
    metadata = obj.get("metadata")
    order_number = metadata.get("order_number") if isinstance(metadata, dict) else None
    if not _is_text(order_number, max_length=128):
        raise StripeEventMalformed("the session has no order number in its metadata")
    amount_total = obj.get("amount_total")
    # bool is an int to Python; an amount of "true" is not an amount.
    if amount_total is not None and (type(amount_total) is not int or amount_total < 0):
        raise StripeEventMalformed("amount_total is not a whole number")
    payment_intent = obj.get("payment_intent")
    if isinstance(payment_intent, dict):  # an expanded PaymentIntent
        payment_intent = payment_intent.get("id")
    return StripeSession(
        id=session_id,
        order_number=order_number,
        client_reference_id=_text_or_none(
            obj.get("client_reference_id"), name="client_reference_id"
        ),
        amount_total=amount_total,
        currency=_text_or_none(obj.get("currency"), name="currency"),
        payment_status=_text_or_none(obj.get("payment_status"), name="payment_status"),
        payment_intent=_text_or_none(payment_intent, name="payment_intent") or "",
    )


def _stripe_session_payment(session):
    """Return the payment recorded for ``session``, or raise StripeEventMalformed.

    The order named in the metadata must exist, and so must a payment with the session's
    id; whether the two agree is for ``_stripe_session_differences`` to say.
    """
    if not Order.objects.filter(number=session.order_number).exists():
        logger.warning(
            "Stripe session %s names order %s, which does not exist.",
            session.id,
            session.order_number,
        )
        raise StripeEventMalformed("unknown order")
    payment = (
        Payment.objects.filter(stripe_session_id=session.id, method=Payment.Method.STRIPE)
        .select_related("order")
        .first()
    )
    if payment is None:
        logger.warning("Stripe session %s matches no order.", session.id)
        raise StripeEventMalformed("unknown session")
    return payment


def _stripe_session_differences(*, session, payment):
    """Return what Stripe's ``session`` says that differs from ``payment`` as recorded."""
    number = payment.order.number
    expected = {
        # VND is zero-decimal for Stripe: amount_total is whole đồng.
        "amount_total": gateway.vnd_to_stripe_amount(payment.amount),
        "currency": "vnd",
        "order_number": number,
        "session_id": payment.stripe_session_id,
    }
    reported = {
        "amount_total": session.amount_total,
        "currency": (session.currency or "").lower() or None,
        "order_number": session.order_number,
        "session_id": session.id,
    }
    differences = [key for key in expected if expected[key] != reported[key]]
    if session.client_reference_id not in (None, number):
        differences.append("client_reference_id")
    return differences


def stripe_mismatch_record(*, payment, session, differences):
    """Keep what Stripe said about ``payment``'s session and hold the order; return it.

    A pending payment becomes ``MISMATCH``: it is never paid from then on, its stock stays
    allocated and no cooperative is told to ship, until staff have looked in Stripe.
    """
    logger.warning(
        "Stripe session %s for order %s differs in %s: Stripe says %s %s for order %s; "
        "recorded %s VND. The order is not paid.",
        session.id,
        payment.order.number,
        ", ".join(differences),
        session.amount_total,
        session.currency,
        session.order_number,
        payment.amount,
    )
    with transaction.atomic():
        payment = _locked(payment)
        payment.stripe_reported = {
            "amount_total": session.amount_total,
            "currency": session.currency,
            "session_id": session.id,
            "order_number": session.order_number,
            "client_reference_id": session.client_reference_id,
            "payment_intent": session.payment_intent,
            "differences": differences,
        }
        update_fields = ["stripe_reported"]
        if payment.status == Payment.Status.PENDING:
            payment.status = Payment.Status.MISMATCH
            update_fields.append("status")
        payment.save(update_fields=update_fields)
    return payment


def stripe_session_settle(*, session):
    """Mark the order of a paid Checkout Session paid; return the payment.

    ``session`` is Stripe's JSON (a webhook's object, or the session read back on the
    buyer's return). Both the redirect and the webhook call this; whichever comes second
    changes nothing. A session that cannot be read, or names an unknown order or session,
    raises StripeEventMalformed. A session whose amount, currency, session id or order
    differ from what was recorded for the order is kept on the payment for staff
    (``stripe_mismatch_record``) and pays nothing.
    """
    session = stripe_session_parse(session)
    payment = _stripe_session_payment(session)
    differences = _stripe_session_differences(session=session, payment=payment)
    if differences:
        return stripe_mismatch_record(payment=payment, session=session, differences=differences)
    if session.payment_status != "paid":
        return payment
    try:
        payment, _changed = payment_mark_paid(
            payment=payment, stripe_payment_intent=session.payment_intent
        )
    except ValidationError:
        logger.error(
            "Stripe took payment for order %s, which no longer awaits it: refund it.",
            payment.order.number,
        )
    return payment


def _stripe_event_parse(event):
    """Return ``(id, type, object)`` of a verified event, or raise StripeEventMalformed."""
    if not isinstance(event, dict):
        raise StripeEventMalformed("the event is not an object")
    event_id, event_type, data = event.get("id"), event.get("type"), event.get("data")
    if not _is_text(event_id):
        raise StripeEventMalformed("the event has no id")
    if not _is_text(event_type, max_length=128):
        raise StripeEventMalformed("the event has no type")
    if not isinstance(data, dict) or not isinstance(data.get("object"), dict):
        raise StripeEventMalformed("the event has no object")
    return event_id, event_type, data["object"]


def stripe_event_handle(*, event):
    """Handle a verified Stripe event once; return False when it was seen before.

    The event id is stored with a unique constraint in the same transaction as its effect,
    so a replay (or two deliveries at once) records nothing, and a failure leaves no trace
    for Stripe's retry to trip over. A Checkout Session event that cannot be read, or names
    an order or session this shop does not have, raises StripeEventMalformed and records
    nothing. Other event types are only recorded.
    """
    event_id, event_type, obj = _stripe_event_parse(event)
    handled = event_type in (*SESSION_EVENTS, "checkout.session.expired")
    session = stripe_session_parse(obj) if handled else None
    try:
        with transaction.atomic():
            WebhookEvent.objects.create(
                event_id=event_id,
                type=event_type,
                order_number=session.order_number if session else "",
            )
            if event_type in SESSION_EVENTS:
                stripe_session_settle(session=obj)
            elif event_type == "checkout.session.expired":
                payment = _stripe_session_payment(session)
                if payment.order.number != session.order_number:
                    logger.warning(
                        "Stripe expired session %s for order %s, recorded for order %s.",
                        session.id,
                        session.order_number,
                        payment.order.number,
                    )
                    raise StripeEventMalformed("the session belongs to another order")
                order_expire(order=payment.order)
    except IntegrityError:
        return False
    return True


def order_expire(*, order):
    """Cancel an order whose card payment never came, returning its stock; return it.

    Only a pending card payment expires; anything else is left as it is.
    """
    return _card_order_cancel(order=order, status=Payment.Status.EXPIRED)


def _card_order_cancel(*, order, status):
    """Give a pending card payment ``status`` and cancel its order; return the order."""
    with transaction.atomic():
        payment = Payment.objects.select_for_update().filter(order=order).first()
        if payment is None or payment.method != Payment.Method.STRIPE:
            return order
        if payment.status != Payment.Status.PENDING:
            return order
        payment.status = status
        payment.save(update_fields=["status"])
        _order_cancel(order=order)
    return order


def _order_cancel(*, order):
    for line in order.lines.select_related("stockrecord"):
        if line.stockrecord_id and line.num_allocated:
            line.stockrecord.cancel_allocation(line.num_allocated)
            line.allocation_cancelled = True
            line.save(update_fields=["allocation_cancelled"])
    order.shipments.exclude(status=Shipment.Status.DELIVERED).update(
        status=Shipment.Status.CANCELLED
    )
    order.status = OrderStatus.CANCELLED
    order.save(update_fields=["status"])


def card_checkout_abandon(*, order):
    """Cancel a card order whose Stripe session could not be opened; return it.

    The second transaction of a failed card checkout: the payment is marked failed, the
    stock goes back and the parcels are cancelled, together. The buyer never reached
    Stripe, so no money can arrive for it; the order stays for staff to see, but not in
    the buyer's account (``selectors.buyer_orders``). Anything but a pending card payment
    is left as it is.
    """
    return _card_order_cancel(order=order, status=Payment.Status.FAILED)


def orders_expire_abandoned(*, now=None):
    """Expire every card order left unpaid longer than ``PAYMENT_CARD_EXPIRY_MINUTES``."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(minutes=settings.PAYMENT_CARD_EXPIRY_MINUTES)
    expired = []
    for payment in Payment.objects.filter(
        method=Payment.Method.STRIPE, status=Payment.Status.PENDING, created_at__lt=cutoff
    ).select_related("order"):
        order_expire(order=payment.order)
        expired.append(payment.order)
    return expired


def refund_create(*, payment, amount, reason="", by):
    """Give ``amount`` đồng of ``payment`` back; a card is refunded through Stripe.

    Staff only; the amount must be positive and no more than what is left to refund.
    COD and bank transfers are refunded by hand: this records that it was done.
    """
    if not (by.is_active and by.is_staff):
        raise PermissionDenied(_("Chỉ ban quản trị chợ mới hoàn tiền được."))
    amount = Decimal(amount)
    if amount != amount.to_integral_value() or amount <= 0:
        raise ValidationError(_("Số tiền hoàn phải là số đồng nguyên dương."))
    with transaction.atomic():
        payment = _locked(payment)
        if payment.status not in (Payment.Status.PAID, Payment.Status.REFUNDED):
            raise ValidationError(_("Chỉ hoàn tiền được cho đơn đã thanh toán."))
        left = payment.amount - payment.amount_refunded
        if amount > left:
            raise ValidationError(
                _("Chỉ còn hoàn được tối đa %(left)s ₫.")
                % {"left": f"{int(left):,}".replace(",", ".")}
            )
        refund = Refund(payment=payment, amount=amount, reason=reason, created_by=by)
        if payment.method == Payment.Method.STRIPE:
            refund.stripe_refund_id = gateway.refund_create(
                payment_intent=payment.stripe_payment_intent,
                amount=amount,
                idempotency_key=f"refund-{payment.pk}-{payment.refunds.count() + 1}",
            )
        refund.full_clean()
        refund.save()
        payment.amount_refunded += amount
        if payment.amount_refunded == payment.amount:
            payment.status = Payment.Status.REFUNDED
            payment.order.status = OrderStatus.REFUNDED
            payment.order.save(update_fields=["status"])
        payment.full_clean()
        payment.save()
        if payment.order.email:
            message = _refund_message(refund=refund, payment=payment)
            transaction.on_commit(partial(send_mail, **message), robust=True)
    return refund


def _refund_message(*, refund, payment):
    """Return the e-mail telling the buyer what was refunded (in the buyer's language)."""
    order = payment.order
    return message_render(
        template_prefix="payments/email/refund",
        context={"order": order, "payment": payment, "refund": refund},
        recipients=[order.email],
        language=buyer_language(order),
    )
