"""The catalogue fork: OCOP product data and certificates on top of Oscar's catalogue."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import AbstractProduct, AbstractProductAttributeValue

from marketplace import places
from marketplace.sanitize import html_safe

# An OCOP rating is valid for 36 months from its decision date.
OCOP_VALIDITY_MONTHS = 36
# Cooperatives are warned this many days before a certificate expires.
EXPIRY_WARNING_DAYS = 60


class Product(AbstractProduct):
    cooperative = models.ForeignKey(
        "partner.Cooperative",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="products",
        verbose_name=_("Hợp tác xã"),
    )
    origin_province_code = models.PositiveSmallIntegerField(
        _("Tỉnh/thành xuất xứ"), null=True, blank=True
    )
    origin_ward_code = models.PositiveIntegerField(_("Xã/phường xuất xứ"), null=True, blank=True)
    net_content = models.CharField(
        _("Khối lượng / dung tích"), max_length=64, blank=True, help_text=_("Ví dụ: 500 g, 1 lít")
    )
    shelf_life_months = models.PositiveSmallIntegerField(
        _("Hạn sử dụng (tháng)"), null=True, blank=True
    )
    storage = models.CharField(_("Bảo quản"), max_length=255, blank=True)
    shipping_weight_kg = models.DecimalField(
        _("Cân nặng khi gửi (kg)"),
        max_digits=6,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.001"))],
        help_text=_("Cả bao bì, ví dụ 0,25. Để trống thì phí giao hàng tính 0,5 kg."),
    )
    ingredients = models.TextField(_("Thành phần"), blank=True)

    @property
    def shipping_weight(self):
        """Return the parcel weight of one unit in kg (a variant falls back on its parent).

        None when nobody has weighed it; shipping then counts a default weight.
        """
        if self.shipping_weight_kg is not None:
            return self.shipping_weight_kg
        if self.parent_id is not None:
            return self.parent.shipping_weight_kg
        return None

    @property
    def origin_label(self):
        """Return "Xã Cự Đồng, Phú Thọ" for the product's origin, or an empty string."""
        names = (places.ward_name(self.origin_ward_code),
                 places.province_name(self.origin_province_code))  # fmt: skip
        return ", ".join(name for name in names if name)


class ProductAttributeValue(AbstractProductAttributeValue):
    @property
    def _richtext_as_html(self):
        # Oscar marks a rich-text attribute's stored value safe as it is; a cooperative
        # types it, so it is shown through the allow-list like the description.
        return html_safe(self.value)


def in_force_certificate_q(prefix="", day=None):
    """Return the filter of certificates whose dates cover ``day`` (default today): issued on
    or before it and not expired, whether verified or revoked."""
    day = day or timezone.localdate()
    return Q(**{f"{prefix}issued_on__lte": day, f"{prefix}expires_on__gte": day})


def valid_certificate_q(prefix="", day=None):
    """Return the filter of certificates valid on ``day`` (default today), through ``prefix``.

    Valid: verified by staff, not revoked, issued on or before ``day`` and not expired.
    Every badge, filter, search document and page asks this one rule.
    """
    verified = Q(**{f"{prefix}verified_at__isnull": False, f"{prefix}revoked_at__isnull": True})
    return verified & in_force_certificate_q(prefix, day)


def expiry_warning_window(day=None):
    """Return (first, last) expiry dates a certificate is "expiring soon" on ``day``."""
    day = day or timezone.localdate()
    return day, day + datetime.timedelta(days=EXPIRY_WARNING_DAYS)


class CertificateQuerySet(models.QuerySet):
    def valid_on(self, day=None):
        """Return the certificates valid on ``day`` (``valid_certificate_q``)."""
        return self.filter(valid_certificate_q(day=day))

    def expiring_on(self, day=None):
        """Return the valid certificates that expire within the warning window of ``day``."""
        return self.valid_on(day).filter(expires_on__range=expiry_warning_window(day))


class Certificate(models.Model):
    """A certificate for a product: an OCOP star rating, VietGAP, organic, food safety.

    Staff verify it; it counts while valid by date; staff may revoke it (with a reason
    the public traceability page shows) when the authority withdraws it.
    """

    class Kind(models.TextChoices):
        OCOP = "ocop", _("OCOP")
        VIETGAP = "vietgap", _("VietGAP")
        ORGANIC = "organic", _("Hữu cơ")
        FOOD_SAFETY = "food_safety", _("An toàn thực phẩm")

    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="certificates", verbose_name=_("Sản phẩm")
    )
    kind = models.CharField(_("Loại chứng nhận"), max_length=16, choices=Kind.choices)
    stars = models.PositiveSmallIntegerField(
        _("Hạng sao"),
        null=True,
        blank=True,
        validators=[MinValueValidator(3), MaxValueValidator(5)],
        help_text=_("Chỉ với chứng nhận OCOP: 3, 4 hoặc 5 sao."),
    )
    authority = models.CharField(_("Cơ quan cấp"), max_length=200)
    decision_number = models.CharField(_("Số quyết định"), max_length=64)
    issued_on = models.DateField(_("Ngày cấp"))
    expires_on = models.DateField(_("Ngày hết hạn"))
    document = models.FileField(_("Bản scan chứng nhận"), upload_to="certificates/", blank=True)
    # A certificate counts (badge, filters) only once staff have checked the scan.
    verified_at = models.DateTimeField(_("Ngày xác minh"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Người xác minh"),
    )
    rejection_reason = models.CharField(_("Lý do từ chối"), max_length=255, blank=True)
    # Set when the cooperative was e-mailed that this certificate expires soon (once only).
    expiry_warned_at = models.DateTimeField(_("Ngày nhắc gia hạn"), null=True, blank=True)
    # Withdrawn by staff (the authority revoked it, the scan was forged…): no badge from then on.
    revoked_at = models.DateTimeField(_("Ngày thu hồi"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Người thu hồi"),
    )
    revocation_reason = models.CharField(_("Lý do thu hồi"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("Ngày tạo"), auto_now_add=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "pk"]
        verbose_name = _("Chứng nhận")
        verbose_name_plural = _("Các chứng nhận")
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="ocop") & Q(stars__gte=3) & Q(stars__lte=5))
                | (~Q(kind="ocop") & Q(stars__isnull=True)),
                name="certificate_stars_only_for_ocop",
            ),
            models.CheckConstraint(
                condition=Q(expires_on__gt=models.F("issued_on")),
                name="certificate_expires_after_issue",
            ),
        ]

    def __str__(self):
        if self.kind == self.Kind.OCOP:
            return f"OCOP {self.stars}★ – {self.decision_number}"
        return f"{self.get_kind_display()} – {self.decision_number}"

    def is_valid_on(self, day=None):
        """True when staff verified it, it is not revoked and ``day`` lies between issue
        and expiry (the same rule as ``valid_certificate_q``)."""
        day = day or timezone.localdate()
        return (
            self.verified_at is not None
            and self.revoked_at is None
            and self.issued_on <= day <= self.expires_on
        )

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def is_pending(self):
        return self.verified_at is None and not self.rejection_reason and self.revoked_at is None

    @property
    def is_valid(self):
        return self.is_valid_on()

    @property
    def expires_soon(self):
        return self.expires_soon_on()

    def expires_soon_on(self, day=None):
        """True within the warning window before expiry (the cooperative is told)."""
        first, last = expiry_warning_window(day)
        return first <= self.expires_on <= last

    def is_expired_on(self, day=None):
        """True once ``day`` is past the expiry date."""
        return self.expires_on < (day or timezone.localdate())


from oscar.apps.catalogue.models import *  # noqa: E402, F403
