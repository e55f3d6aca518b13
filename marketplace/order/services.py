"""Writes for split orders: one shipment per cooperative, and its way to the customer."""

import logging
from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace import access
from marketplace.links import absolute_url
from marketplace.mail import buyer_language, mail_send
from marketplace.order import selectors
from traceability import allocation

logger = logging.getLogger(__name__)

Shipment = get_model("order", "Shipment")

# The moment each status is reached is kept on the shipment.
STATUS_TIMESTAMPS = {
    Shipment.Status.PACKED: "packed_at",
    Shipment.Status.SHIPPED: "shipped_at",
    Shipment.Status.DELIVERED: "delivered_at",
}
# Customers hear about their parcel when it leaves and when it arrives.
CUSTOMER_EMAIL_TEMPLATES = {
    Shipment.Status.SHIPPED: "order/email/shipment_shipped",
    Shipment.Status.DELIVERED: "order/email/shipment_delivered",
}


def shipments_create_for_order(*, order):
    """Create one shipment per cooperative selling lines of ``order``; return the new ones.

    Each cooperative's logins are e-mailed, once the shipments are committed, the list of
    their own lines, unless the order still awaits a card payment: a card order is told
    to the cooperatives when it is paid (``shipments_notify_cooperatives``), so that none
    packs an order whose buyer never paid, or whose Stripe session never opened.
    Calling it again for the same order creates and sends nothing. A mail server that is
    down is logged (``robust``) rather than failing the checkout that placed the order.
    """
    from marketplace.shipping.shares import parcel_charges

    created = []
    with transaction.atomic():
        existing = set(order.shipments.values_list("cooperative_id", flat=True))
        lines_by_cooperative = selectors.order_lines_by_cooperative(order=order)
        charges = parcel_charges(order=order, lines_by_cooperative=lines_by_cooperative)
        for cooperative in lines_by_cooperative:
            if cooperative.pk in existing:
                continue
            shipment = Shipment(
                order=order, cooperative=cooperative, shipping_charge=charges[cooperative]
            )
            shipment.full_clean()
            shipment.save()
            created.append(shipment)
        if created:
            transaction.on_commit(
                partial(_notify_unless_unpaid_card, order=order, shipments=created),
                robust=True,
            )
    return created


def _notify_unless_unpaid_card(*, order, shipments):
    if not selectors.order_is_unpaid_card_order(order):
        shipments_notify_cooperatives(order=order, shipments=shipments)


def shipments_notify_cooperatives(*, order, shipments=None):
    """E-mail each cooperative of ``order`` (or of ``shipments``) the list of its own lines.

    Cancelled parcels are skipped. Call it after the order's transaction has committed.
    """
    if shipments is None:
        shipments = order.shipments.exclude(status=Shipment.Status.CANCELLED)
    lines_by_cooperative = selectors.order_lines_by_cooperative(order=order)
    for shipment in shipments:
        lines = lines_by_cooperative.get(shipment.cooperative, [])
        if shipment.status == Shipment.Status.CANCELLED or not lines:
            continue
        try:
            _cooperative_new_order_send(shipment=shipment, lines=lines)
        except Exception:
            # One cooperative's mail failing must not keep the others from theirs.
            logger.exception("New-order e-mail for shipment %s failed.", shipment.pk)


def shipment_advance(*, shipment, to_status, carrier="", tracking_code="", by, at=None):
    """Move ``shipment`` one step on (pending → packed → shipped → delivered).

    Only users acting for its cooperative (``marketplace.access``) and staff may move it,
    and only staff may cancel it.
    Shipping needs a carrier and a tracking code, and allocates each line to lots
    (``traceability.allocation``: refused when a product's lots are short); the customer
    is e-mailed when the parcel is shipped and when it is delivered. Raise
    ``PermissionDenied`` or ``ValidationError``. ``at`` records a step that happened
    earlier (the demo's past deliveries); default now.
    """
    if not access.may_act_for(by, shipment.cooperative):
        raise PermissionDenied(_("Bạn không phụ trách kiện hàng này."))
    if to_status == Shipment.Status.CANCELLED and not access.sees_everything(by):
        raise PermissionDenied(_("Chỉ ban quản trị chợ mới huỷ được kiện hàng."))

    with transaction.atomic():
        # Lock the row: two clicks on "Đã gửi hàng" must not both pass the status check.
        shipment.refresh_from_db(from_queryset=Shipment.objects.select_for_update())
        if not shipment.can_move_to(to_status):
            raise ValidationError(
                _("Không thể chuyển kiện hàng từ “%(current)s” sang “%(target)s”.")
                % {
                    "current": shipment.get_status_display(),
                    "target": _status_label(to_status),
                }
            )
        if to_status == Shipment.Status.SHIPPED:
            carrier, tracking_code = carrier.strip(), tracking_code.strip()
            errors = {}
            if not carrier:
                errors["carrier"] = _("Hãy chọn đơn vị vận chuyển.")
            if not tracking_code:
                errors["tracking_code"] = _("Hãy nhập mã vận đơn.")
            if errors:
                raise ValidationError(errors)
            shipment.carrier, shipment.tracking_code = carrier, tracking_code
            # Every unit that leaves is taken from a lot, so a recall finds its buyer.
            allocation.shipment_lots_allocate(
                shipment=shipment, lines=selectors.shipment_lines(shipment=shipment), by=by
            )
        elif to_status == Shipment.Status.CANCELLED:
            allocation.shipment_lots_release(
                shipment=shipment, lines=selectors.shipment_lines(shipment=shipment)
            )
        shipment.status = to_status
        if to_status in STATUS_TIMESTAMPS:
            setattr(shipment, STATUS_TIMESTAMPS[to_status], at or timezone.now())
        shipment.full_clean()
        shipment.save()
        if to_status == Shipment.Status.DELIVERED:
            # The sale enters the cooperative's ledger with the delivery, in one transaction.
            from marketplace.settlement.ledger import shipment_settle

            shipment_settle(shipment=shipment)
        _customer_shipment_send(shipment=shipment)
    return shipment


def _status_label(status):
    try:
        return Shipment.Status(status).label
    except ValueError:
        return status


def _cooperative_new_order_send(*, shipment, lines):
    """Send the e-mail telling a cooperative's logins which of its products were ordered."""
    recipients = sorted(
        {
            email
            for email in shipment.cooperative.partner.users.filter(is_active=True).values_list(
                "email", flat=True
            )
            if email
        }
    )
    if not recipients:
        return
    order = shipment.order
    context = {
        "order": order,
        "shipment": shipment,
        "cooperative": shipment.cooperative,
        "lines": lines,
        "subtotal": selectors.lines_subtotal(lines),
        "dashboard_url": absolute_url(
            reverse("dashboard:order-detail", kwargs={"number": order.number})
        ),
    }
    mail_send(
        template_prefix="order/email/cooperative_new_order", context=context,
        recipients=recipients,
    )  # fmt: skip


def _customer_shipment_send(*, shipment):
    """Return the e-mail telling the customer where their parcel is, or None."""
    template_prefix = CUSTOMER_EMAIL_TEMPLATES.get(shipment.status)
    order = shipment.order
    if template_prefix is None or not order.email:
        return
    context = {
        "order": order,
        "shipment": shipment,
        "seller_name": (
            shipment.cooperative.name if shipment.cooperative_id else settings.OSCAR_SHOP_NAME
        ),
        "lines": selectors.shipment_lines(shipment=shipment),
        "order_url": absolute_url(reverse("customer:order", kwargs={"order_number": order.number}))
        if order.user_id
        else "",
    }
    mail_send(
        template_prefix=template_prefix, context=context, recipients=[order.email],
        language=buyer_language(order), on_commit=True,
    )  # fmt: skip
