"""Recall alerts for anyone who scanned a lot: an e-mail address or a phone number left on
the QR page, told if that lot is recalled.

Not a spam vector: a request only ever sends one fixed confirmation message (the lot and
a link, nothing the requester wrote), limited per client address and per recipient
(``marketplace.throttling``: ``trace-alert``, ``trace-alert-contact``); nothing else is
sent until the recipient confirms from that link, and every message carries the link
that stops it. Phone numbers are offered only when text messages can be sent
(``marketplace.sms``).
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from marketplace.links import absolute_url
from marketplace.mail import mail_send
from marketplace.partner.validators import normalise_vietnamese_phone
from marketplace.sms import sms_enabled, sms_send
from traceability.links import batch_uri
from traceability.models import Batch, RecallNotice, RecallSubscription, new_subscription_token

EMAIL, SMS = RecallNotice.Channel.EMAIL, RecallNotice.Channel.SMS


def contact_parse(value):
    """Return ``(channel, normalised address)`` of an e-mail address or a Vietnamese phone
    number, or raise ``ValidationError`` with a message for the visitor."""
    value = (value or "").strip()
    if "@" in value:
        try:
            validate_email(value)
        except ValidationError as error:
            raise ValidationError(_("Địa chỉ thư điện tử không hợp lệ."), code="email") from error
        # One mailbox, one subscription and one throttle count, whatever the letter case.
        return EMAIL, value.lower()
    if not sms_enabled():
        raise ValidationError(_("Hãy nhập địa chỉ thư điện tử."), code="email_only")
    return SMS, normalise_vietnamese_phone(value)


def _links(subscription):
    token = subscription.token
    return {
        "confirm_url": absolute_url(reverse("traceability:alert-confirm", args=[token])),
        "stop_url": absolute_url(reverse("traceability:alert-stop", args=[token])),
        "page_url": batch_uri(subscription.batch),
    }


def _send(subscription, template, sms_text):
    """Send ``subscription``'s message: the e-mail ``template`` or the SMS ``sms_text``."""
    context = {"batch": subscription.batch, **_links(subscription)}
    if subscription.channel == EMAIL:
        # Queued for the mail worker once the transaction commits.
        mail_send(
            template_prefix=f"traceability/email/{template}",
            context=context,
            recipients=[subscription.contact],
            language=subscription.language,
        )
    else:
        with override(subscription.language):
            sms_send(to=subscription.contact, text=sms_text(context))


@transaction.atomic
def recall_alert_request(*, batch, contact, language):
    """Ask for a recall alert on ``batch`` for ``contact`` (raw input); return the
    subscription. A confirmation is sent unless the address is already confirmed.

    Raise ``ValidationError`` for an unusable address or a lot that is not on sale.
    """
    if batch.status != Batch.Status.PUBLISHED:
        raise ValidationError(_("Lô này không còn nhận đăng ký."), code="not_published")
    channel, address = contact_parse(contact)
    subscription, created = RecallSubscription.objects.select_for_update().get_or_create(
        batch=batch, channel=channel, contact=address, defaults={"language": language}
    )
    if subscription.is_active:
        return subscription  # already told: nothing to send again
    if not created:
        # Asked again (after stopping, or never confirmed): a new link, the old one dies.
        subscription.token, subscription.language = new_subscription_token(), language
        subscription.unsubscribed_at = subscription.confirmed_at = None
        subscription.save(update_fields=["token", "language", "unsubscribed_at", "confirmed_at"])
    subscription.batch = batch
    _send(
        subscription,
        "alert_confirm",
        lambda c: (
            _("Chợ OCOP: xác nhận nhận tin nếu lô %(lot)s bị thu hồi: %(url)s")
            % {"lot": batch.lot_code, "url": c["confirm_url"]}
        ),
    )
    return subscription


def _by_token(token):
    if not isinstance(token, str) or not 20 <= len(token) <= 40:
        return None
    return (
        RecallSubscription.objects.select_for_update()
        .select_related("batch__product")
        .filter(token=token)
        .first()
    )


@transaction.atomic
def recall_alert_confirm(*, token):
    """Confirm the subscription of ``token``; return it, or None for an unknown link."""
    subscription = _by_token(token)
    if subscription is None or subscription.unsubscribed_at is not None:
        return None
    if subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription


@transaction.atomic
def recall_alert_stop(*, token):
    """Stop the subscription of ``token`` (nothing more is sent); return it, or None."""
    subscription = _by_token(token)
    if subscription is None:
        return None
    if subscription.unsubscribed_at is None:
        subscription.unsubscribed_at = timezone.now()
        subscription.save(update_fields=["unsubscribed_at"])
    return subscription


def recall_alert_send(*, subscription):
    """Send the recall notice to one confirmed subscriber (called by ``recalls``)."""
    batch = subscription.batch
    reason = batch.recall_reason if len(batch.recall_reason) <= 120 else (
        batch.recall_reason[:119] + "…"
    )  # fmt: skip
    _send(
        subscription,
        "recall_alert",
        lambda c: _("Chợ OCOP: lô %(lot)s đã bị THU HỒI (%(reason)s). Đừng dùng sản phẩm. "
                    "Chi tiết: %(url)s . Ngừng nhận: %(stop)s")
        % {"lot": batch.lot_code, "reason": reason, "url": c["page_url"], "stop": c["stop_url"]},
    )  # fmt: skip
