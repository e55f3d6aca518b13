from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from marketplace.sanitize import PlainTextField
from marketplace.settlement.banks import bank_choices
from marketplace.settlement.taxcodes import normalise_tax_code
from marketplace.uploads import SafeImageField

Cooperative = get_model("partner", "Cooperative")


class CooperativeProfileForm(forms.ModelForm):
    """What a cooperative edits about itself; name, place and status stay with staff."""

    logo = SafeImageField(label=_("Logo"), required=False)

    class Meta:
        model = Cooperative
        fields = [
            "story_vi", "story_en", "address", "phone", "email", "founded_year",
            "members_count", "latitude", "longitude", "seller_kind", "legal_name", "tax_code",
            "bank_bin", "bank_account_number", "bank_account_name", "gln", "gs1_company_prefix",
        ]  # fmt: skip
        field_classes = dict.fromkeys(
            ["story_vi", "story_en", "address", "bank_account_name", "legal_name"], PlainTextField
        )
        # The story in both languages, one beside the other (django-modeltranslation's
        # columns: the plain "story" would write whichever language the page is in).
        widgets = {
            "story_vi": forms.Textarea(attrs={"rows": 6}),
            "story_en": forms.Textarea(attrs={"rows": 6}),
        }
        labels = {
            "story_vi": _("Câu chuyện (tiếng Việt)"),
            "story_en": _("Câu chuyện (tiếng Anh)"),
        }
        help_texts = {
            "latitude": _("Ví dụ 21.3456 (lấy từ Google Maps hoặc OpenStreetMap)."),
            "seller_kind": _(
                "Hộ kinh doanh và cá nhân: sàn khấu trừ 1% thuế GTGT và 0,5% thuế TNCN trên "
                "doanh thu (Nghị định 117/2025/NĐ-CP). Hợp tác xã, doanh nghiệp: không khấu trừ."
            ),
            "tax_code": _(
                "10 chữ số (chi nhánh: 10 chữ số-3 chữ số); cá nhân, hộ kinh doanh có thể "
                "dùng số định danh cá nhân 12 chữ số."
            ),
            "bank_bin": _("Ngân hàng nhận tiền hàng (danh sách ngân hàng nhận VietQR)."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bank_bin"].widget = forms.Select(choices=bank_choices())
        self.fields["tax_code"].widget.attrs["inputmode"] = "numeric"
        self.fields["bank_account_number"].widget.attrs["inputmode"] = "numeric"

    def clean_tax_code(self):
        return normalise_tax_code(self.cleaned_data["tax_code"])


class CooperativePhotoForm(forms.Form):
    image = SafeImageField(label=_("Ảnh"))
    caption = PlainTextField(label=_("Chú thích"), max_length=200, required=False)
