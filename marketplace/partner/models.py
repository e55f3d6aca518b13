"""The partner fork: every seller is a cooperative attached to one Oscar Partner."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from vietnam_provinces import Province, Ward

from marketplace.partner.validators import (
    validate_company_prefix,
    validate_gln,
    validate_vietnamese_phone,
)

# NAPAS bank identification numbers are six digits (e.g. 970436 for Vietcombank).
bank_bin_validator = RegexValidator(r"^\d{6}$", _("Mã BIN ngân hàng gồm 6 chữ số."))
account_number_validator = RegexValidator(
    r"^[0-9]{6,19}$", _("Số tài khoản gồm 6–19 chữ số, không có dấu cách.")
)


class Cooperative(models.Model):
    """A cooperative (hợp tác xã) or producer household selling on the marketplace.

    Places use the two-level administrative units in force since 1 July 2025:
    province, then commune/ward, stored by their official codes.
    """

    class Status(models.TextChoices):
        APPLIED = "applied", _("Đang chờ duyệt")
        APPROVED = "approved", _("Đã duyệt")
        REJECTED = "rejected", _("Bị từ chối")
        SUSPENDED = "suspended", _("Tạm ngưng")

    partner = models.OneToOneField(
        "partner.Partner", on_delete=models.CASCADE, related_name="cooperative"
    )
    slug = models.SlugField(_("Đường dẫn"), max_length=128, unique=True)
    province_code = models.PositiveSmallIntegerField(_("Mã tỉnh/thành"))
    ward_code = models.PositiveIntegerField(_("Mã xã/phường"))
    address = models.CharField(_("Địa chỉ"), max_length=255, blank=True)
    latitude = models.DecimalField(
        _("Vĩ độ"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )  # fmt: skip
    longitude = models.DecimalField(
        _("Kinh độ"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )  # fmt: skip
    phone = models.CharField(
        _("Điện thoại"), max_length=32, blank=True, validators=[validate_vietnamese_phone]
    )
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
    logo = models.ImageField(_("Logo"), upload_to="cooperatives/logos/", blank=True)
    # Payouts go to this account; only staff and the cooperative itself may see it.
    bank_bin = models.CharField(
        _("Mã BIN ngân hàng"), max_length=6, blank=True, validators=[bank_bin_validator]
    )
    bank_account_number = models.CharField(
        _("Số tài khoản"), max_length=19, blank=True, validators=[account_number_validator]
    )
    bank_account_name = models.CharField(_("Tên chủ tài khoản"), max_length=128, blank=True)
    # GS1 membership: the cooperative's location number, for EPCIS events (SGLN).
    gln = models.CharField(
        _("Mã địa điểm GLN"), max_length=13, blank=True, validators=[validate_gln],
        help_text=_("13 chữ số do GS1 Việt Nam cấp, ví dụ 8934567000017."),
    )  # fmt: skip
    gs1_company_prefix = models.CharField(
        _("Mã doanh nghiệp GS1"), max_length=12, blank=True, validators=[validate_company_prefix],
        help_text=_("Phần đầu của mã GLN và mã GTIN do GS1 cấp cho hợp tác xã (6–12 chữ số)."),
    )  # fmt: skip
    status = models.CharField(
        _("Trạng thái"), max_length=16, choices=Status.choices, default=Status.APPLIED
    )
    rejection_reason = models.TextField(_("Lý do từ chối"), blank=True)
    approved_at = models.DateTimeField(_("Ngày duyệt"), null=True, blank=True)
    created_at = models.DateTimeField(_("Ngày tạo"), auto_now_add=True)

    class Meta:
        ordering = ["partner__name"]
        verbose_name = _("Hợp tác xã")
        verbose_name_plural = _("Các hợp tác xã")

    def __str__(self):
        return self.partner.name

    def get_absolute_url(self):
        return reverse("cooperative-profile", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if bool(self.gln) != bool(self.gs1_company_prefix):
            raise ValidationError(
                _("Hãy nhập cả mã GLN và mã doanh nghiệp GS1, hoặc để trống cả hai."),
                code="gln_pair",
            )
        if self.gln and not self.gln.startswith(self.gs1_company_prefix):
            raise ValidationError(
                {"gs1_company_prefix": _("Mã GLN phải bắt đầu bằng mã doanh nghiệp GS1.")},
                code="gln_prefix",
            )

    def sgln(self, extension="0"):
        """Return the EPC URI of the cooperative's location (or of one of its sub-locations,
        ``extension`` being a GS1 AI 254 value), or "" without a GLN.

        ``urn:epc:id:sgln:<company prefix>.<location reference>.<extension>`` (GS1 Tag Data
        Standard): the GLN less its check digit, split after the company prefix.
        """
        if not (self.gln and self.gs1_company_prefix):
            return ""
        prefix = self.gs1_company_prefix
        return f"urn:epc:id:sgln:{prefix}.{self.gln[len(prefix) : 12]}.{extension or '0'}"

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED

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


class CooperativePhoto(models.Model):
    """A photo on the cooperative's public profile: fields, workshop, people."""

    cooperative = models.ForeignKey(Cooperative, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("Ảnh"), upload_to="cooperatives/photos/")
    caption = models.CharField(_("Chú thích"), max_length=200, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("Ảnh hợp tác xã")
        verbose_name_plural = _("Ảnh hợp tác xã")

    def __str__(self):
        return self.caption or self.image.name


from oscar.apps.partner.models import *  # noqa: E402, F403
