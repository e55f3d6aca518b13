"""How an order is paid: cash on delivery, a VietQR bank transfer, or a card via Stripe."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Payment(models.Model):
    """The payment of one order, in whole đồng.

    Created with the order, in the same transaction; it moves from pending to paid exactly
    once, whichever of the buyer's redirect, Stripe's webhook or a staff member gets there
    first.
    """

    class Method(models.TextChoices):
        COD = "cod", _("Thanh toán khi nhận hàng (COD)")
        VIETQR = "vietqr", _("Chuyển khoản ngân hàng (VietQR)")
        STRIPE = "stripe", _("Thẻ ngân hàng quốc tế (Stripe)")

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ thanh toán")
        PAID = "paid", _("Đã thanh toán")
        EXPIRED = "expired", _("Hết hạn thanh toán")
        # The card checkout could not open a Stripe session: the order was cancelled at once.
        FAILED = "failed", _("Không mở được cổng thanh toán thẻ")
        REFUNDED = "refunded", _("Đã hoàn tiền")
        # Stripe reported another amount, currency, session or order than the one recorded:
        # never paid nor fulfilled; staff check it in Stripe and refund or settle by hand.
        MISMATCH = "mismatch", _("Stripe báo sai số tiền – không giao hàng")

    order = models.OneToOneField(
        "order.Order", on_delete=models.CASCADE, related_name="payment", verbose_name=_("Đơn hàng")
    )
    method = models.CharField(_("Cách thanh toán"), max_length=16, choices=Method.choices)
    status = models.CharField(
        _("Trạng thái"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    amount = models.DecimalField(_("Số tiền"), max_digits=14, decimal_places=2)
    amount_refunded = models.DecimalField(_("Đã hoàn"), max_digits=14, decimal_places=2, default=0)
    stripe_session_id = models.CharField(_("Phiên Stripe"), max_length=255, blank=True)
    stripe_payment_intent = models.CharField(_("Giao dịch Stripe"), max_length=255, blank=True)
    stripe_reported = models.JSONField(
        _("Stripe đã báo"),
        default=dict,
        blank=True,
        help_text=_("Số tiền, tiền tệ, phiên và đơn hàng Stripe báo khi chúng không khớp."),
    )
    bank_reference = models.CharField(
        _("Mã giao dịch ngân hàng"),
        max_length=64,
        blank=True,
        help_text=_("Dòng sao kê đã xác nhận khoản chuyển khoản này."),
    )
    created_at = models.DateTimeField(_("Ngày tạo"), auto_now_add=True)
    paid_at = models.DateTimeField(_("Ngày thanh toán"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Người xác nhận"),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Thanh toán")
        verbose_name_plural = _("Các khoản thanh toán")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="payment_amount_not_negative"),
            models.CheckConstraint(
                condition=Q(amount_refunded__gte=0) & Q(amount_refunded__lte=models.F("amount")),
                name="payment_refund_within_amount",
            ),
            models.UniqueConstraint(
                fields=["stripe_session_id"],
                condition=~Q(stripe_session_id=""),
                name="payment_one_per_stripe_session",
            ),
            models.UniqueConstraint(
                fields=["bank_reference"],
                condition=~Q(bank_reference=""),
                name="payment_one_per_bank_reference",
            ),
        ]

    def __str__(self):
        return f"{self.order.number} – {self.get_method_display()} – {self.get_status_display()}"

    @property
    def is_paid(self):
        return self.status == self.Status.PAID


class CashCollection(models.Model):
    """A cooperative handed its parcel of a COD order over and took the cash for it."""

    shipment = models.OneToOneField(
        "order.Shipment",
        on_delete=models.CASCADE,
        related_name="cash_collection",
        verbose_name=_("Kiện hàng"),
    )
    collected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("Người thu tiền"),
    )
    collected_at = models.DateTimeField(_("Ngày thu tiền"), auto_now_add=True)

    class Meta:
        verbose_name = _("Tiền thu hộ")
        verbose_name_plural = _("Tiền thu hộ")

    def __str__(self):
        return str(self.shipment)


class WebhookEvent(models.Model):
    """A Stripe event already handled: its id is unique, so a replay records nothing."""

    event_id = models.CharField(_("Mã sự kiện"), max_length=255, unique=True)
    type = models.CharField(_("Loại"), max_length=128)
    order_number = models.CharField(_("Số đơn hàng"), max_length=128, blank=True)
    received_at = models.DateTimeField(_("Nhận lúc"), auto_now_add=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("Sự kiện Stripe")
        verbose_name_plural = _("Các sự kiện Stripe")

    def __str__(self):
        return f"{self.event_id} ({self.type})"


class Refund(models.Model):
    """Money given back to the buyer, in full or in part."""

    payment = models.ForeignKey(
        Payment, on_delete=models.CASCADE, related_name="refunds", verbose_name=_("Thanh toán")
    )
    amount = models.DecimalField(_("Số tiền"), max_digits=14, decimal_places=2)
    reason = models.CharField(_("Lý do"), max_length=255, blank=True)
    stripe_refund_id = models.CharField(_("Mã hoàn tiền Stripe"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("Người hoàn tiền"),
    )
    created_at = models.DateTimeField(_("Ngày hoàn"), auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("Hoàn tiền")
        verbose_name_plural = _("Các lần hoàn tiền")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="refund_amount_positive"),
        ]

    def __str__(self):
        return f"{self.payment.order.number} – {self.amount}"
