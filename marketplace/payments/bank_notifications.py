"""The bank's notifications of incoming transfers: VietQR orders confirmed as the money
arrives, by the same rule as the statement import (``transfers.transfer_apply``).

The bank (or its notification service) POSTs one JSON object per transfer to
``/shop/payments/bank/notify/``, signed like Stripe's webhooks::

    X-Bank-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>." + the raw body>

under BANK_WEBHOOK_SECRET. A signature that does not match, or a time more than
BANK_WEBHOOK_TOLERANCE_SECONDS away from ours, is refused: a captured request cannot be
sent again later. The body::

    {"reference": "FT26326001", "amount": 145000, "description": "MBVCB.8812.100042.NGUYEN",
     "booked_on": "2026-11-22", "type": "credit"}

Each transfer is kept once per bank reference (``BankTransfer``): a notification sent
again (the bank retrying, a replay within the tolerance) changes nothing and answers
what the first one did. Outgoing transfers (``"type": "debit"``) are ignored.
"""

import datetime
import hashlib
import hmac
import json
import time
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.payments import statements
from marketplace.payments.models import BankTransfer
from marketplace.payments.transfers import StatementOutcome, transfer_apply

SIGNATURE_HEADER = "X-Bank-Signature"


class NotificationRefused(ValueError):
    """A notification that is not signed right or cannot be read: answer 400."""


def sign(*, payload, secret, timestamp):
    """Return the signature header of ``payload`` (bytes) at ``timestamp``."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + payload, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def signature_verify(*, payload, header, now=None):
    """Raise NotificationRefused unless ``header`` signs ``payload`` recently enough."""
    secret = settings.BANK_WEBHOOK_SECRET
    parts = dict(part.split("=", 1) for part in (header or "").split(",") if "=" in part)
    timestamp, given = parts.get("t", ""), parts.get("v1", "")
    if not timestamp.isdigit() or len(timestamp) > 12 or not given:
        raise NotificationRefused("no signature")
    now = time.time() if now is None else now
    if abs(now - int(timestamp)) > settings.BANK_WEBHOOK_TOLERANCE_SECONDS:
        raise NotificationRefused("signature too old or too new")
    expected = sign(payload=payload, secret=secret, timestamp=timestamp).split("v1=", 1)[1]
    if not hmac.compare_digest(expected, given):
        raise NotificationRefused("bad signature")


def _text(value, *, max_length):
    if not isinstance(value, str) or "\x00" in value or len(value) > max_length:
        raise NotificationRefused("a text field is not a short string")
    return value.strip()


def notification_parse(payload):
    """Return the transfer of a notification as a ``statements.StatementLine``, or None
    for an outgoing one; raise NotificationRefused when it cannot be read."""
    try:
        data = json.loads(payload)
    except (ValueError, UnicodeDecodeError) as error:
        raise NotificationRefused("not JSON") from error
    if not isinstance(data, dict):
        raise NotificationRefused("not an object")
    if data.get("type", "credit") not in ("credit", "in"):
        return None
    reference = _text(data.get("reference"), max_length=64)
    if not reference:
        raise NotificationRefused("no reference")
    amount = data.get("amount")
    if isinstance(amount, bool) or not isinstance(amount, (int, str)):
        raise NotificationRefused("no amount")
    try:
        amount = Decimal(str(amount).strip())
    except InvalidOperation as error:
        raise NotificationRefused("the amount is not a number") from error
    if not amount.is_finite() or amount <= 0 or amount != amount.to_integral_value():
        raise NotificationRefused("the amount is not whole đồng")
    booked_on = data.get("booked_on") or timezone.localdate().isoformat()
    try:
        booked_on = datetime.date.fromisoformat(_text(booked_on, max_length=10))
    except ValueError as error:
        raise NotificationRefused("booked_on is not a date") from error
    return statements.StatementLine(
        row=0,
        booked_on=booked_on,
        amount=amount.quantize(Decimal(1)),
        description=_text(data.get("description", ""), max_length=255),
        reference=reference,
    )


def bank_transfer_receive(*, payload):
    """Apply one verified notification; return ``(transfer, first_time)``.

    The transfer row is written first, under its unique bank reference: of two
    deliveries at once, the second waits for the first and then finds its row.
    """
    line = notification_parse(payload)
    if line is None:
        return None, False
    with transaction.atomic():
        try:
            with transaction.atomic():
                transfer = BankTransfer.objects.create(
                    reference=line.reference, amount=line.amount,
                    description=line.description, booked_on=line.booked_on, outcome="",
                )  # fmt: skip
        except IntegrityError:
            return BankTransfer.objects.get(reference=line.reference), False
        result = transfer_apply(line=line, by=None, references=set())
        transfer.outcome = result.outcome
        if result.order_number:
            transfer.order = _order(result.order_number)
        transfer.save(update_fields=["outcome", "order"])
    return transfer, True


def _order(number):
    from oscar.core.loading import get_model

    return get_model("order", "Order").objects.filter(number=number).first()


def unmatched_transfers():
    """Return the transfers waiting in staff's queue, oldest first."""
    settled = [
        StatementOutcome.PAID, StatementOutcome.ALREADY_IMPORTED,
        StatementOutcome.CONFIRMED_BY_HAND, StatementOutcome.DUPLICATE,
    ]  # fmt: skip
    return (
        BankTransfer.objects.filter(handled_at__isnull=True)
        .exclude(outcome__in=settled)
        .select_related("order")
        .order_by("received_at", "pk")
    )


def bank_transfer_handle(*, transfer, note, by):
    """Staff dealt with a transfer from the queue (sent it back, confirmed an order by
    hand…): it leaves the queue, with what was done; return it."""
    if not (by.is_active and by.is_staff):
        raise PermissionDenied
    note = (note or "").strip()
    if not note:
        raise ValidationError(_("Hãy ghi đã xử lý khoản chuyển khoản này thế nào."))
    with transaction.atomic():
        transfer = BankTransfer.objects.select_for_update().get(pk=transfer.pk)
        if transfer.handled_at is None:
            transfer.handled_at, transfer.handled_by = timezone.now(), by
            transfer.handled_note = note[:255]
            transfer.save(update_fields=["handled_at", "handled_by", "handled_note"])
    return transfer
