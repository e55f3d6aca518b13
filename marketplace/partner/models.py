"""The partner fork: every seller is a cooperative attached to one Oscar Partner."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from marketplace.partner.validators import (
    validate_company_prefix,
    validate_gln,
    validate_vietnamese_phone,
)
from marketplace.settlement.banks import validate_bank_bin
from marketplace.settlement.taxcodes import tax_code_kind, validate_tax_code

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

    class SellerKind(models.TextChoices):
        """Who sells, for tax: Decree 117/2025/ND-CP has the marketplace withhold VAT and
        personal income tax for household businesses and individuals only."""

        COOPERATIVE = "cooperative", _("Hợp tác xã")
        COMPANY = "company", _("Doanh nghiệp")
        HOUSEHOLD = "household", _("Hộ kinh doanh")
        INDIVIDUAL = "individual", _("Cá nhân")

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
    logo = models.ImageField(_("Logo"), upload_to="cooperatives/logos/", blank=True)
    # Payouts go to this account; only staff and the cooperative itself may see it.
    bank_bin = models.CharField(
        _("Ngân hàng"), max_length=6, blank=True,
        validators=[bank_bin_validator, validate_bank_bin],
    )  # fmt: skip
    bank_account_number = models.CharField(
        _("Số tài khoản"), max_length=19, blank=True, validators=[account_number_validator]
    )
    bank_account_name = models.CharField(_("Tên chủ tài khoản"), max_length=128, blank=True)
    # The seller's tax profile (marketplace.settlement): needed before the first payout.
    seller_kind = models.CharField(
        _("Loại người bán"), max_length=16, choices=SellerKind.choices, blank=True
    )
    legal_name = models.CharField(
        _("Tên đăng ký thuế"),
        max_length=200,
        blank=True,
        help_text=_("Tên trên giấy đăng ký (hợp tác xã, doanh nghiệp, hộ kinh doanh, cá nhân)."),
    )
    tax_code = models.CharField(
        _("Mã số thuế"), max_length=14, blank=True, validators=[validate_tax_code]
    )
    # Staff's commission rate for this cooperative, in basis points (850 = 8,5 %), over the
    # categories' rates; empty: the categories' (marketplace.settlement.rules).
    commission_rate_bps = models.PositiveIntegerField(
        _("Phí sàn riêng (phần vạn)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(10_000)],
        help_text=_("Để trống để dùng phí theo danh mục. 850 = 8,5%."),
    )
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
        # An organisation is registered under an MST; a personal ID is not one.
        organisation = self.seller_kind in (self.SellerKind.COOPERATIVE, self.SellerKind.COMPANY)
        if organisation and self.tax_code and tax_code_kind(self.tax_code) == "personal_id":
            raise ValidationError(
                {
                    "tax_code": _(
                        "Hợp tác xã và doanh nghiệp dùng mã số thuế 10 chữ số, không dùng "
                        "số định danh cá nhân."
                    )
                }
            )
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
        return places.province_name(self.province_code)

    @property
    def ward_name(self):
        """Return the commune or ward's official name, e.g. "Xã Cẩm Khê"."""
        return places.ward_name(self.ward_code)


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

from marketplace import places
