"""The partner fork: every seller is a cooperative attached to one Oscar Partner."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from vietnam_provinces import Province, Ward


class Cooperative(models.Model):
    """A cooperative (hợp tác xã) or producer household selling on the marketplace.

    Places use the two-level administrative units in force since 1 July 2025:
    province, then commune/ward, stored by their official codes.
    """

    class Status(models.TextChoices):
        APPLIED = "applied", _("Đang chờ duyệt")
        APPROVED = "approved", _("Đã duyệt")
        SUSPENDED = "suspended", _("Tạm ngưng")

    partner = models.OneToOneField(
        "partner.Partner", on_delete=models.CASCADE, related_name="cooperative"
    )
    slug = models.SlugField(_("Đường dẫn"), max_length=128, unique=True)
    province_code = models.PositiveSmallIntegerField(_("Mã tỉnh/thành"))
    ward_code = models.PositiveIntegerField(_("Mã xã/phường"))
    address = models.CharField(_("Địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("Điện thoại"), max_length=32, blank=True)
    email = models.EmailField(_("Thư điện tử"), blank=True)
    founded_year = models.PositiveSmallIntegerField(
        _("Năm thành lập"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
    )
    members_count = models.PositiveIntegerField(_("Số thành viên"), null=True, blank=True)
    story = models.TextField(_("Câu chuyện"), blank=True)
    story_en = models.TextField(_("Câu chuyện (tiếng Anh)"), blank=True)
    status = models.CharField(
        _("Trạng thái"), max_length=16, choices=Status.choices, default=Status.APPLIED
    )
    created_at = models.DateTimeField(_("Ngày tạo"), auto_now_add=True)

    class Meta:
        ordering = ["partner__name"]
        verbose_name = _("Hợp tác xã")
        verbose_name_plural = _("Các hợp tác xã")

    def __str__(self):
        return self.partner.name

    def get_absolute_url(self):
        return reverse("catalogue:index") + f"?cooperative={self.slug}"

    @property
    def name(self):
        return self.partner.name

    @property
    def province_name(self):
        """Return the province's official name, e.g. "Phú Thọ"."""
        try:
            return Province.from_code(self.province_code).name
        except ValueError:
            return ""

    @property
    def ward_name(self):
        """Return the commune or ward's official name, e.g. "Xã Cẩm Khê"."""
        try:
            return Ward.from_code(self.ward_code).name
        except ValueError:
            return ""


from oscar.apps.partner.models import *  # noqa: E402, F403
