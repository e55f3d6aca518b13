"""Stripe's webhook events: Checkout Sessions paid or expired, charges refunded and
disputed. Each event id is stored once, in the transaction of its effect."""

import logging
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from oscar.core.loading import get_model

from marketplace.payments import gateway, stripe_charges
from marketplace.payments.card import order_expire
from marketplace.payments.gateway import StripeEventMalformed
from marketplace.payments.models import Payment, WebhookEvent
from marketplace.payments.services import payment_lock, payment_mark_paid

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")


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
        payment = payment_lock(payment)
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


def stripe_return_settle(*, session_id):
    """The buyer is back from Stripe with ``session_id``: settle its payment now unless
    the webhook did already; return the payment, read again (None for an unknown session).

    The session is asked of Stripe and goes through the webhook's checks (amount,
    currency, session and order); one that fails them is logged and pays nothing.
    """
    # PostgreSQL cannot even look up a string holding a NUL byte.
    known = session_id and len(session_id) <= 255 and "\x00" not in session_id
    payment = Payment.objects.filter(stripe_session_id=session_id).first() if known else None
    if payment is None:
        return None
    session = gateway.checkout_session_retrieve(session_id)
    if session is not None:
        try:
            stripe_session_settle(session=session)
        except StripeEventMalformed as error:
            logger.warning("Stripe session %s could not be settled: %s", session_id, error)
    payment.refresh_from_db()
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
    nothing. Charges refunded or disputed go to ``stripe_charges``. Other event types are
    only recorded.
    """
    event_id, event_type, obj = _stripe_event_parse(event)
    handled = event_type in (*SESSION_EVENTS, "checkout.session.expired")
    session = stripe_session_parse(obj) if handled else None
    charge = stripe_charges.charge_event_parse(event_type, obj)
    try:
        with transaction.atomic():
            WebhookEvent.objects.create(
                event_id=event_id,
                type=event_type,
                order_number=session.order_number if session else "",
            )
            if charge is not None:
                stripe_charges.charge_event_apply(event_type, charge)
            elif event_type in SESSION_EVENTS:
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
