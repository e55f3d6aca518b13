"""What the marketplace owes each cooperative: an append-only, double-entry ledger.

Every event that moves money for a cooperative (a delivered line, its shipping, the cash
of a COD parcel it kept, a refund, a card dispute, a payout) is one ``Posting`` with two
or more ``LedgerEntry`` rows whose amounts (whole đồng, signed) add up to zero. The
cooperative's balance is the sum of its entries on the ``cooperative`` account: nothing
else stores it. Postings and entries are never changed or deleted (a correction is a new
posting): the models refuse it, and on PostgreSQL so do triggers (migration 0002), which
also refuse at commit a posting whose entries do not add up to zero.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace import vnd


class Account(models.TextChoices):
    """The accounts of a cooperative's ledger. A positive amount credits the account."""

    COOPERATIVE = "cooperative", _("Hợp tác xã được nhận")
    BUYER_FUNDS = "buyer_funds", _("Tiền người mua trả")
    COMMISSION = "commission", _("Phí sàn")
    VAT_WITHHELD = "vat_withheld", _("Thuế GTGT khấu trừ")
    PIT_WITHHELD = "pit_withheld", _("Thuế TNCN khấu trừ")
    COD_CASH = "cod_cash", _("Tiền COD hợp tác xã đã thu")
    PAYOUTS = "payouts", _("Chi trả cho hợp tác xã")


class AppendOnlyQuerySet(models.QuerySet):
    """Refuse bulk changes: a ledger row, once written, stays as written."""

    def update(self, **kwargs):
        raise ValueError("The ledger is append-only: post a correcting entry instead.")

    def delete(self):
        raise ValueError("The ledger is append-only: post a correcting entry instead.")


class AppendOnlyModel(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("The ledger is append-only: post a correcting entry instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("The ledger is append-only: post a correcting entry instead.")


class Posting(AppendOnlyModel):
    """One money event of one cooperative; its entries add up to zero."""

    class Kind(models.TextChoices):
        SALE = "sale", _("Bán hàng (đã giao)")
        SHIPPING = "shipping", _("Phí giao hàng")
        COD_CASH = "cod_cash", _("Tiền COD hợp tác xã đã thu")
        REFUND = "refund", _("Hoàn tiền, trả hàng")
        DISPUTE = "dispute", _("Khiếu nại thanh toán thẻ")
        PAYOUT = "payout", _("Chi trả")
        PAYOUT_CANCEL = "payout_cancel", _("Huỷ chi trả")

    cooperative = models.ForeignKey(
        "partner.Cooperative", on_delete=models.PROTECT, related_name="postings",
        verbose_name=_("Hợp tác xã"),
    )  # fmt: skip
    kind = models.CharField(_("Loại"), max_length=16, choices=Kind.choices)
    # Makes each event post once: "sale:line:12", "refund:line:12:7", "payout:3"…
    key = models.CharField(_("Khoá"), max_length=96, unique=True)
    line = models.ForeignKey(
        "order.Line", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    shipment = models.ForeignKey(
        "order.Shipment", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    refund = models.ForeignKey(
        "payments.Refund", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    dispute = models.ForeignKey(
        "payments.Dispute", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    payout = models.ForeignKey(
        "settlement.Payout", on_delete=models.PROTECT, null=True, blank=True,
        related_name="postings",
    )  # fmt: skip
    posted_at = models.DateTimeField(_("Ghi sổ lúc"), default=timezone.now, db_index=True)
    # The day the cooperative's part becomes payable (the end of the return window).
    available_on = models.DateField(_("Được chi trả từ ngày"))
    # A sale's terms, kept for its later refunds and for the statements.
    seller_kind = models.CharField(_("Loại người bán"), max_length=16, blank=True)
    commission_bps = models.PositiveIntegerField(_("Phí sàn (phần vạn)"), null=True, blank=True)
    vat_bps = models.PositiveIntegerField(_("Thuế GTGT (phần vạn)"), null=True, blank=True)
    pit_bps = models.PositiveIntegerField(_("Thuế TNCN (phần vạn)"), null=True, blank=True)
    memo = models.CharField(_("Ghi chú"), max_length=255, blank=True)

    class Meta:
        ordering = ["posted_at", "pk"]
        verbose_name = _("Bút toán")
        verbose_name_plural = _("Các bút toán")
        indexes = [models.Index(fields=["cooperative", "posted_at"])]

    def __str__(self):
        return f"{self.key} ({self.get_kind_display()})"


class LedgerEntry(AppendOnlyModel):
    """One side of a posting: ``amount`` đồng on ``account`` (never zero)."""

    posting = models.ForeignKey(
        Posting, on_delete=models.PROTECT, related_name="entries", verbose_name=_("Bút toán")
    )
    account = models.CharField(_("Tài khoản"), max_length=16, choices=Account)
    amount = models.BigIntegerField(_("Số tiền (đồng)"))

    class Meta:
        ordering = ["posting", "pk"]
        verbose_name = _("Dòng sổ cái")
        verbose_name_plural = _("Sổ cái")
        constraints = [
            models.CheckConstraint(condition=~Q(amount=0), name="ledgerentry_amount_not_zero"),
            models.UniqueConstraint(
                fields=["posting", "account"], name="ledgerentry_one_per_account_per_posting"
            ),
        ]

    def __str__(self):
        return f"{self.posting.key} {self.account} {self.amount}"


class CategoryCommission(models.Model):
    """The marketplace's commission on a category's products (subcategories inherit it)."""

    category = models.OneToOneField(
        "catalogue.Category", on_delete=models.CASCADE, related_name="commission",
        verbose_name=_("Danh mục"),
    )  # fmt: skip
    rate_bps = models.PositiveIntegerField(
        _("Phí sàn (phần vạn)"), help_text=_("850 nghĩa là 8,5 phần trăm giá bán.")
    )

    class Meta:
        verbose_name = _("Phí sàn theo danh mục")
        verbose_name_plural = _("Phí sàn theo danh mục")
        constraints = [
            models.CheckConstraint(
                condition=Q(rate_bps__lte=10_000), name="categorycommission_rate_at_most_all"
            )
        ]

    def __str__(self):
        return f"{self.category} – {self.rate_bps / 100:g}%"


class PayoutBatch(models.Model):
    """The payouts of one run: staff review them, approve, transfer, then mark each paid."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Chờ duyệt")
        APPROVED = "approved", _("Đã duyệt – chờ chuyển khoản")
        PAID = "paid", _("Đã chi trả xong")

    status = models.CharField(
        _("Trạng thái"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    payable_on = models.DateField(_("Tính số dư đến ngày"))
    created_at = models.DateTimeField(_("Ngày tạo"), auto_now_add=True)
    approved_at = models.DateTimeField(_("Ngày duyệt"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("Người duyệt"),
    )  # fmt: skip

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Đợt chi trả")
        verbose_name_plural = _("Các đợt chi trả")

    def __str__(self):
        return f"#{self.pk} {self.payable_on:%d/%m/%Y}"


class Payout(models.Model):
    """A transfer of a cooperative's payable balance to its bank account."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ chuyển khoản")
        PAID = "paid", _("Đã chuyển khoản")
        CANCELLED = "cancelled", _("Đã huỷ")

    batch = models.ForeignKey(
        PayoutBatch, on_delete=models.PROTECT, related_name="payouts", verbose_name=_("Đợt")
    )
    cooperative = models.ForeignKey(
        "partner.Cooperative", on_delete=models.PROTECT, related_name="payouts",
        verbose_name=_("Hợp tác xã"),
    )  # fmt: skip
    amount = models.BigIntegerField(_("Số tiền (đồng)"))
    status = models.CharField(
        _("Trạng thái"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    # The account as it was when the payout was made: a later edit changes nothing here.
    bank_bin = models.CharField(_("Ngân hàng"), max_length=6)
    bank_account_number = models.CharField(_("Số tài khoản"), max_length=19)
    bank_account_name = models.CharField(_("Tên chủ tài khoản"), max_length=128)
    bank_reference = models.CharField(_("Mã giao dịch ngân hàng"), max_length=64, blank=True)
    paid_at = models.DateTimeField(_("Ngày chuyển"), null=True, blank=True)
    paid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("Người xác nhận"),
    )  # fmt: skip
    cancel_reason = models.CharField(_("Lý do huỷ"), max_length=255, blank=True)

    class Meta:
        ordering = ["batch", "cooperative__partner__name", "pk"]
        verbose_name = _("Khoản chi trả")
        verbose_name_plural = _("Các khoản chi trả")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="payout_amount_positive"),
            models.UniqueConstraint(
                fields=["bank_reference"],
                condition=~Q(bank_reference=""),
                name="payout_one_per_bank_reference",
            ),
            models.CheckConstraint(
                condition=~Q(status="paid") | ~Q(bank_reference=""),
                name="payout_paid_has_bank_reference",
            ),
        ]

    def __str__(self):
        return f"{self.cooperative} – {vnd.format_amount(self.amount)}"

    @property
    def transfer_message(self):
        """Return the transfer content: ASCII, short enough for every bank's field."""
        return f"OCOP CHI TRA {self.pk}"
