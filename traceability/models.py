"""Batches (lots) of a product and the trace events that tell their story.

Events are append-only and chained: each event's hash covers its content and the hash of
the event before it, so a changed or removed event breaks the chain for everyone to see.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# GS1 application identifier 10 (batch/lot): up to 20 characters of GS1's character set.
# Cooperatives use plain letters, digits and - . / so codes stay readable on labels.
lot_code_validator = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9\-./]{0,19}$",
    _("Mã lô gồm 1–20 ký tự: chữ không dấu, số, dấu - . /"),
)
# GS1 AI 254 (GLN extension) in an SGLN: letters and digits, "0" meaning none.
gln_extension_validator = RegexValidator(
    r"^[1-9A-Za-z][0-9A-Za-z]{0,19}$",
    _("Mã mở rộng gồm 1–20 chữ số hoặc chữ cái không dấu, không bắt đầu bằng 0."),
)
# Free text a cooperative types on a phone: long enough for a page of notes, short enough
# for the public page. Forms say the limit before (help text, maxlength) and after (error).
NOTE_MAX_CHARS = 2000
REASON_MAX_CHARS = 500
# Events happen in the marketplace's time: none before this year (a year like 1775 is a
# typing slip, and dates before 1900 have no offset RFC 3339 can write).
EARLIEST_EVENT_YEAR = 2000
SHORT_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud safely


def new_short_code():
    return "".join(secrets.choice(SHORT_CODE_ALPHABET) for _ in range(8))


class Batch(models.Model):
    """A lot of a product: what was harvested or made together, with one QR code."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Nháp")
        PUBLISHED = "published", _("Đã công bố")
        RECALLED = "recalled", _("Đã thu hồi")

    product = models.ForeignKey(
        "catalogue.Product", on_delete=models.PROTECT, related_name="batches",
        verbose_name=_("Sản phẩm"),
    )  # fmt: skip
    lot_code = models.CharField(_("Mã lô"), max_length=20, validators=[lot_code_validator])
    quantity = models.PositiveIntegerField(
        _("Số lượng sản xuất"), validators=[MinValueValidator(1)],
        help_text=_("Số gói/chai/hộp trong lô."),
    )  # fmt: skip
    produced_on = models.DateField(_("Ngày thu hoạch / sản xuất"))
    best_before = models.DateField(_("Hạn sử dụng"), null=True, blank=True)
    farm_name = models.CharField(_("Vùng trồng / cơ sở"), max_length=200, blank=True)
    farm_location = models.CharField(_("Địa điểm"), max_length=255, blank=True)
    farm_area_ha = models.DecimalField(
        _("Diện tích (ha)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    # The growing area as a sub-location of the cooperative's GLN (GS1 AI 254), for the
    # EPCIS readPoint of field events (planting, care, harvest).
    farm_gln_extension = models.CharField(
        _("Mã mở rộng GLN của vùng trồng"), max_length=20, blank=True,
        validators=[gln_extension_validator],
        help_text=_("Chỉ khi hợp tác xã có mã GLN: mã vùng trồng, ví dụ 1 hoặc DOI3."),
    )  # fmt: skip
    status = models.CharField(
        _("Trạng thái"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("Ngày công bố"), null=True, blank=True)
    recall_reason = models.TextField(
        _("Lý do thu hồi"), blank=True, validators=[MaxLengthValidator(REASON_MAX_CHARS)]
    )
    recalled_at = models.DateTimeField(_("Ngày thu hồi"), null=True, blank=True)
    # The site's own short code, for products without a GTIN (no GS1 membership).
    short_code = models.CharField(
        _("Mã ngắn"), max_length=8, unique=True, default=new_short_code, editable=False
    )
    created_at = models.DateTimeField(_("Ngày tạo"), auto_now_add=True)

    class Meta:
        ordering = ["-produced_on", "-pk"]
        verbose_name = _("Lô hàng")
        verbose_name_plural = _("Các lô hàng")
        constraints = [
            models.UniqueConstraint(fields=["product", "lot_code"], name="batch_lot_per_product"),
            models.CheckConstraint(
                condition=models.Q(best_before__isnull=True)
                | models.Q(best_before__gte=models.F("produced_on")),
                name="batch_best_before_after_production",
            ),
        ]

    def __str__(self):
        return f"{self.product} – {self.lot_code}"

    def clean(self):
        # Said beside the field, in the page's language; the database constraints behind
        # these only ever see what already passed.
        errors = {}
        if self.best_before and self.produced_on and self.best_before < self.produced_on:
            errors["best_before"] = ValidationError(
                _("Hạn sử dụng phải từ ngày thu hoạch / sản xuất trở đi."), code="best_before"
            )
        if self.product_id and self.lot_code:
            taken = Batch.objects.filter(product_id=self.product_id, lot_code=self.lot_code.strip())
            if taken.exclude(pk=self.pk).exists():
                errors["lot_code"] = ValidationError(
                    _("Sản phẩm này đã có lô mã %(lot)s; hãy chọn mã khác."),
                    code="lot_taken",
                    params={"lot": self.lot_code.strip()},
                )
        if errors:
            raise ValidationError(errors)

    @property
    def is_public(self):
        return self.status in (self.Status.PUBLISHED, self.Status.RECALLED)


class TraceEvent(models.Model):
    """Something that happened to a batch, recorded by the cooperative. Never edited."""

    class Kind(models.TextChoices):
        PLANTING = "planting", _("Gieo trồng")
        CARE = "care", _("Chăm sóc")
        HARVEST = "harvest", _("Thu hoạch")
        PROCESSING = "processing", _("Chế biến")
        PACKING = "packing", _("Đóng gói")
        INSPECTION = "inspection", _("Kiểm nghiệm")
        SHIPPING = "shipping", _("Vận chuyển")
        RECEIVING = "receiving", _("Nhận hàng")
        CORRECTION = "correction", _("Đính chính")

    batch = models.ForeignKey(Batch, on_delete=models.PROTECT, related_name="events")
    sequence = models.PositiveIntegerField(_("Thứ tự"))
    kind = models.CharField(_("Loại sự kiện"), max_length=16, choices=Kind.choices)
    occurred_at = models.DateTimeField(_("Thời điểm"))
    place = models.CharField(_("Địa điểm"), max_length=255, blank=True)
    note = models.TextField(
        _("Ghi chú"), blank=True, validators=[MaxLengthValidator(NOTE_MAX_CHARS)]
    )
    # Care inputs, e.g. [{"name": "Phân hữu cơ vi sinh", "dose": "2 tấn/ha"}].
    inputs = models.JSONField(_("Vật tư sử dụng"), default=list, blank=True)
    document = models.FileField(_("Tài liệu (kết quả kiểm nghiệm…)"), upload_to="trace/documents/",
                                blank=True)  # fmt: skip
    document_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    corrects = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrections",
        verbose_name=_("Đính chính cho sự kiện"),
    )  # fmt: skip
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("Người ghi"),
    )  # fmt: skip
    recorded_by_name = models.CharField(_("Tên người ghi"), max_length=150, blank=True)
    previous_hash = models.CharField(max_length=64, editable=False)
    hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("Ngày ghi"), auto_now_add=True)

    class Meta:
        ordering = ["batch", "sequence"]
        verbose_name = _("Sự kiện truy xuất")
        verbose_name_plural = _("Các sự kiện truy xuất")
        constraints = [
            models.UniqueConstraint(fields=["batch", "sequence"], name="trace_event_sequence"),
        ]

    def __str__(self):
        return f"{self.batch.lot_code} #{self.sequence} {self.get_kind_display()}"

    def save(self, *args, **kwargs):
        # Append-only is what makes the chain meaningful: refuse any update of a stored row.
        if self.pk is not None:
            raise ValueError("Trace events are append-only: record a correction instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Trace events are never deleted: record a correction instead.")


class TraceEventPhoto(models.Model):
    event = models.ForeignKey(TraceEvent, on_delete=models.PROTECT, related_name="photos")
    image = models.ImageField(_("Ảnh"), upload_to="trace/photos/")
    # The stored (re-encoded) bytes' digest; part of the event's hash.
    sha256 = models.CharField(max_length=64, editable=False)
    caption = models.CharField(_("Chú thích"), max_length=200, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Ảnh sự kiện")
        verbose_name_plural = _("Ảnh sự kiện")

    def __str__(self):
        return self.caption or self.image.name


class ScanLog(models.Model):
    """One person's scan of a batch's QR code: when, which kind of browser, and two keys.

    The number of different phones (and networks) that scanned a lot, compared with its
    size, exposes copied QR codes. No IP address or other personal data is kept: the
    user-agent family ("Chrome", "Zalo"…) and keyed hashes of the client (address and user
    agent) and of its network (``traceability.scans.scan_keys``).
    """

    batch = models.ForeignKey(Batch, on_delete=models.CASCADE, related_name="scans")
    scanned_at = models.DateTimeField(_("Thời điểm quét"), default=timezone.now)
    client = models.CharField(_("Trình duyệt"), max_length=32, blank=True)
    # Blank for scans recorded before the keys existed: together they count as one client.
    client_key = models.CharField(_("Mã máy quét"), max_length=16, blank=True)
    place_key = models.CharField(_("Mã mạng"), max_length=16, blank=True)

    class Meta:
        ordering = ["-scanned_at"]
        verbose_name = _("Lượt quét")
        verbose_name_plural = _("Các lượt quét")
        indexes = [models.Index(fields=["batch", "scanned_at"], name="scanlog_batch_time")]

    def __str__(self):
        return f"{self.batch_id} @ {self.scanned_at:%Y-%m-%d %H:%M}"


class LineBatch(models.Model):
    """Units of an order line taken from one lot: a line of 5 may come 3 from the older lot
    and 2 from the next. Allocated when the cooperative ships the line's parcel (oldest lot
    first, or as the cooperative chose before), so a recall reaches every buyer of a lot.
    """

    line = models.ForeignKey("order.Line", on_delete=models.CASCADE, related_name="lot_allocations")
    batch = models.ForeignKey(Batch, on_delete=models.PROTECT, related_name="line_links")
    quantity = models.PositiveIntegerField(_("Số lượng"), validators=[MinValueValidator(1)])
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    assigned_at = models.DateTimeField(_("Ngày chọn lô"), auto_now=True)
    recall_notified_at = models.DateTimeField(_("Ngày báo thu hồi"), null=True, blank=True)

    class Meta:
        ordering = ["line", "batch__produced_on", "batch"]
        verbose_name = _("Lô của dòng đơn hàng")
        verbose_name_plural = _("Lô của các dòng đơn hàng")
        constraints = [
            models.UniqueConstraint(fields=["line", "batch"], name="line_batch_once_per_lot"),
            models.CheckConstraint(condition=models.Q(quantity__gte=1), name="line_batch_quantity"),
        ]

    def __str__(self):
        return f"{self.line_id} ← {self.batch} × {self.quantity}"


class RecallNotice(models.Model):
    """A lot's recall told to one address (a buyer's or a subscriber's): never twice.

    The unique constraint is what makes the notices exactly-once: the task that inserts
    the row sends the message, in the same transaction; another task for the same person
    (a buyer who also subscribed, a retry, a second worker) cannot insert it again.
    """

    class Channel(models.TextChoices):
        EMAIL = "email", _("Thư điện tử")
        SMS = "sms", _("Tin nhắn SMS")

    batch = models.ForeignKey(Batch, on_delete=models.CASCADE, related_name="recall_notices")
    channel = models.CharField(_("Kênh"), max_length=8, choices=Channel.choices)
    contact = models.CharField(_("Địa chỉ nhận"), max_length=254)
    sent_at = models.DateTimeField(_("Ngày gửi"), auto_now_add=True)

    class Meta:
        verbose_name = _("Thông báo thu hồi đã gửi")
        verbose_name_plural = _("Các thông báo thu hồi đã gửi")
        constraints = [
            models.UniqueConstraint(
                fields=["batch", "channel", "contact"], name="recall_notice_once_per_contact"
            ),
        ]

    def __str__(self):
        return f"{self.batch_id} → {self.contact}"


def new_subscription_token():
    return secrets.token_urlsafe(24)


class RecallSubscription(models.Model):
    """Someone who scanned a lot and asked to be told if it is recalled (not only buyers).

    It counts once confirmed from the link sent to the address (so no one can sign up a
    stranger); the same link's page stops it. The token is the only key to both.
    """

    batch = models.ForeignKey(Batch, on_delete=models.CASCADE, related_name="recall_subscriptions")
    channel = models.CharField(_("Kênh"), max_length=8, choices=RecallNotice.Channel.choices)
    contact = models.CharField(_("Địa chỉ nhận"), max_length=254)
    language = models.CharField(_("Ngôn ngữ"), max_length=10)
    token = models.CharField(max_length=40, unique=True, default=new_subscription_token,
                             editable=False)  # fmt: skip
    created_at = models.DateTimeField(_("Ngày đăng ký"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("Ngày xác nhận"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("Ngày huỷ"), null=True, blank=True)
    notified_at = models.DateTimeField(_("Ngày báo thu hồi"), null=True, blank=True)

    class Meta:
        verbose_name = _("Đăng ký nhận tin thu hồi")
        verbose_name_plural = _("Các đăng ký nhận tin thu hồi")
        constraints = [
            models.UniqueConstraint(
                fields=["batch", "channel", "contact"], name="recall_subscription_once"
            ),
        ]

    def __str__(self):
        return f"{self.batch_id} ← {self.contact}"

    @property
    def is_active(self):
        return self.confirmed_at is not None and self.unsubscribed_at is None


class ChainRoot(models.Model):
    """A cooperative's chain root of one day, signed and published for good.

    ``document`` is the published file, byte for byte: the payload (every public lot of
    the cooperative with the hashes of its events recorded by the end of ``day``, the
    root over them and the previous day's root) and its Ed25519 signature
    (``traceability.anchoring``). Rows are never changed or deleted.
    """

    cooperative = models.ForeignKey(
        "partner.Cooperative", on_delete=models.PROTECT, related_name="chain_roots"
    )
    day = models.DateField(_("Ngày"))
    root = models.CharField(max_length=64)
    document = models.TextField()
    created_at = models.DateTimeField(_("Ngày công bố"), auto_now_add=True)

    class Meta:
        ordering = ["cooperative", "day"]
        verbose_name = _("Gốc chuỗi băm đã công bố")
        verbose_name_plural = _("Các gốc chuỗi băm đã công bố")
        constraints = [
            models.UniqueConstraint(fields=["cooperative", "day"], name="chain_root_per_day"),
        ]

    def __str__(self):
        return f"{self.cooperative_id} {self.day} {self.root[:12]}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Published chain roots are kept as published.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Published chain roots are kept forever.")
