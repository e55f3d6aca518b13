"""The only module that talks to Stripe (a remote API: tests replace its HTTP client).

VND is a zero-decimal currency for Stripe: ``amount=125000`` is 125.000 ₫.
"""

import logging
from decimal import Decimal

import stripe
from django.conf import settings
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


class StripeUnavailable(Exception):
    """Stripe could not be reached or refused the request; the message is for the buyer."""


class StripeEventMalformed(ValueError):
    """A signed Stripe event (or session) this shop cannot read or place: answer 400."""


def stripe_enabled():
    """True when all three Stripe settings are present: only then are cards offered."""
    return bool(
        settings.STRIPE_SECRET_KEY
        and settings.STRIPE_PUBLISHABLE_KEY
        and settings.STRIPE_WEBHOOK_SECRET
    )


def vnd_to_stripe_amount(amount):
    """Return Oscar's decimal price (e.g. ``Decimal("125000.00")``) as Stripe's whole đồng."""
    amount = Decimal(amount)
    if amount != amount.to_integral_value():
        raise ValueError(f"{amount} is not a whole number of đồng.")
    return int(amount)


def checkout_session_create(*, order_number, amount, email, success_url, cancel_url, expires_at):
    """Create a Checkout Session for one order; return ``{"id", "url"}``."""
    try:
        session = stripe.checkout.Session.create(
            api_key=settings.STRIPE_SECRET_KEY,
            mode="payment",
            line_items=[
                {
                    "quantity": 1,
                    "price_data": {
                        "currency": "vnd",
                        "unit_amount": vnd_to_stripe_amount(amount),
                        "product_data": {
                            "name": _("Đơn hàng %(number)s") % {"number": order_number}
                        },
                    },
                }
            ],
            customer_email=email or None,
            client_reference_id=order_number,
            metadata={"order_number": order_number},
            payment_intent_data={"metadata": {"order_number": order_number}},
            success_url=success_url,
            cancel_url=cancel_url,
            expires_at=int(expires_at.timestamp()),
            # One session per order, even if the placing request is retried.
            idempotency_key=f"checkout-session-{order_number}",
        )
    except stripe.StripeError as error:
        logger.warning("Stripe session for order %s failed: %s", order_number, error)
        raise StripeUnavailable(
            _(
                "Không kết nối được cổng thanh toán thẻ. Đơn hàng chưa được tạo và giỏ hàng "
                "vẫn còn nguyên; hãy thử lại sau hoặc chọn cách thanh toán khác."
            )
        ) from error
    return {"id": session.id, "url": session.url}


def checkout_session_retrieve(session_id):
    """Return the Checkout Session ``session_id`` as a dict, or None when Stripe fails."""
    try:
        session = stripe.checkout.Session.retrieve(session_id, api_key=settings.STRIPE_SECRET_KEY)
    except stripe.StripeError as error:
        logger.warning("Stripe session %s could not be read: %s", session_id, error)
        return None
    return session.to_dict()


def refund_create(*, payment_intent, amount, idempotency_key):
    """Refund ``amount`` đồng of a card payment; return Stripe's refund id."""
    try:
        refund = stripe.Refund.create(
            api_key=settings.STRIPE_SECRET_KEY,
            payment_intent=payment_intent,
            amount=vnd_to_stripe_amount(amount),
            idempotency_key=idempotency_key,
        )
    except stripe.StripeError as error:
        logger.warning("Stripe refund of %s failed: %s", payment_intent, error)
        raise StripeUnavailable(
            _("Stripe chưa hoàn được tiền: %(reason)s") % {"reason": error.user_message or error}
        ) from error
    return refund.id


def webhook_event(*, payload, signature):
    """Return the verified event of a webhook request, or raise ValueError."""
    try:
        event = stripe.Webhook.construct_event(payload, signature, settings.STRIPE_WEBHOOK_SECRET)
    except stripe.SignatureVerificationError as error:
        raise ValueError("bad signature") from error
    except (ValueError, TypeError, AttributeError, KeyError) as error:
        # Signed, but not a JSON object (a list, a string, bytes that are not UTF-8).
        raise ValueError("unreadable payload") from error
    event = event.to_dict() if hasattr(event, "to_dict") else event
    if not isinstance(event, dict):
        raise ValueError("the payload is not an event")
    return event
