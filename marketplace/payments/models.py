"""How an order is paid: cash on delivery, a VietQR bank transfer, or a card via Stripe."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class OrderStatus(models.TextChoices):
    """The values of Oscar's ``Order.status`` this marketplace writes, with staff's labels.

    Oscar keeps the status as a bare string; templates show the label with the
    ``order_status_label`` filter (``payment_tags``).
    """

    AWAITING_PAYMENT = "awaiting-payment", _("Chờ thanh toán")
    AWAITING_COD = "awaiting-cod", _("Chờ giao, thu tiền khi nhận (COD)")
    PAID = "paid", _("Đã thanh toán")
    CANCELLED = "cancelled", _("Đã huỷ")
    REFUNDED = "refunded", _("Đã hoàn tiền")
    DISPUTED = "disputed", _("Chủ thẻ đang khiếu nại")


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
    # Empty for a refund Stripe reported (made in its dashboard, or a dispute lost).
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
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


class RefundLine(models.Model):
    """The part of a refund that goes back on one order line, or on one parcel's shipping.

    A refund names its lines (staff's per-line refund) or is spread over the order's
    lines and shipping in proportion to what is left to refund on each
    (``marketplace.settlement.allocation``): either way, each cooperative's ledger learns
    exactly how much of its sale was given back.
    """

    refund = models.ForeignKey(
        Refund, on_delete=models.CASCADE, related_name="lines", verbose_name=_("Hoàn tiền")
    )
    line = models.ForeignKey(
        "order.Line", on_delete=models.CASCADE, null=True, blank=True, related_name="+",
        verbose_name=_("Dòng hàng"),
    )  # fmt: skip
    shipment = models.ForeignKey(
        "order.Shipment", on_delete=models.CASCADE, null=True, blank=True, related_name="+",
        verbose_name=_("Phí giao của kiện hàng"),
    )  # fmt: skip
    amount = models.BigIntegerField(_("Số tiền (đồng)"))

    class Meta:
        verbose_name = _("Dòng hoàn tiền")
        verbose_name_plural = _("Các dòng hoàn tiền")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="refundline_amount_positive"),
            models.CheckConstraint(
                condition=Q(line__isnull=False, shipment__isnull=True)
                | Q(line__isnull=True, shipment__isnull=False),
                name="refundline_line_or_shipping",
            ),
        ]

    def __str__(self):
        return f"{self.refund} – {self.amount}"


class Dispute(models.Model):
    """A card payment the cardholder disputed with their bank (Stripe's ``dispute``).

    While it is open, its amount is held back from the cooperatives whose lines it covers;
    won, the hold is released; lost, it becomes a refund.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Đang khiếu nại")
        WON = "won", _("Sàn thắng khiếu nại")
        LOST = "lost", _("Sàn thua khiếu nại – tiền đã trả lại chủ thẻ")

    payment = models.ForeignKey(
        Payment, on_delete=models.CASCADE, related_name="disputes", verbose_name=_("Thanh toán")
    )
    stripe_dispute_id = models.CharField(_("Mã khiếu nại Stripe"), max_length=255, unique=True)
    amount = models.BigIntegerField(_("Số tiền (đồng)"))
    reason = models.CharField(_("Lý do"), max_length=64, blank=True)
    status = models.CharField(
        _("Trạng thái"), max_length=8, choices=Status.choices, default=Status.OPEN
    )
    # The order's status before the dispute, given back when it is won.
    order_status_before = models.CharField(max_length=100, blank=True)
    opened_at = models.DateTimeField(_("Mở lúc"), auto_now_add=True)
    closed_at = models.DateTimeField(_("Đóng lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("Khiếu nại thẻ")
        verbose_name_plural = _("Các khiếu nại thẻ")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="dispute_amount_positive"),
        ]

    def __str__(self):
        return f"{self.stripe_dispute_id} ({self.get_status_display()})"


class DisputeLine(models.Model):
    """The part of a dispute held back on one order line or one parcel's shipping."""

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="lines")
    line = models.ForeignKey(
        "order.Line", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    shipment = models.ForeignKey(
        "order.Shipment", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    amount = models.BigIntegerField(_("Số tiền (đồng)"))

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="disputeline_amount_positive"),
            models.CheckConstraint(
                condition=Q(line__isnull=False, shipment__isnull=True)
                | Q(line__isnull=True, shipment__isnull=False),
                name="disputeline_line_or_shipping",
            ),
        ]

    def __str__(self):
        return f"{self.dispute} – {self.amount}"


class BankTransfer(models.Model):
    """A transfer into the operator's account that the bank told the site about (signed
    webhook), kept once per bank reference with what matching it did.

    Those that paid nothing (no order number, another amount, an order already paid…)
    wait in staff's queue until someone has dealt with them.
    """

    reference = models.CharField(_("Mã giao dịch ngân hàng"), max_length=64, unique=True)
    amount = models.DecimalField(_("Số tiền"), max_digits=14, decimal_places=2)
    description = models.CharField(_("Nội dung"), max_length=255, blank=True)
    booked_on = models.DateField(_("Ngày giao dịch"))
    outcome = models.CharField(_("Kết quả đối chiếu"), max_length=32)
    order = models.ForeignKey(
        "order.Order", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("Đơn hàng"),
    )  # fmt: skip
    received_at = models.DateTimeField(_("Nhận lúc"), auto_now_add=True)
    handled_at = models.DateTimeField(_("Đã xử lý lúc"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("Người xử lý"),
    )  # fmt: skip
    handled_note = models.CharField(_("Cách xử lý"), max_length=255, blank=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("Chuyển khoản ngân hàng báo")
        verbose_name_plural = _("Chuyển khoản ngân hàng báo")

    def __str__(self):
        return f"{self.reference} – {self.amount}"
