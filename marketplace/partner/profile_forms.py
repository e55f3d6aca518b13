from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from marketplace.sanitize import PlainTextField
from marketplace.uploads import SafeImageField

Cooperative = get_model("partner", "Cooperative")


class CooperativeProfileForm(forms.ModelForm):
    """What a cooperative edits about itself; name, place and status stay with staff."""

    logo = SafeImageField(label=_("Logo"), required=False)

    class Meta:
        model = Cooperative
        fields = [
            "story", "story_en", "address", "phone", "email", "founded_year",
            "members_count", "latitude", "longitude", "bank_bin", "bank_account_number",
            "bank_account_name", "gln", "gs1_company_prefix",
        ]  # fmt: skip
        field_classes = dict.fromkeys(
            ["story", "story_en", "address", "bank_account_name"], PlainTextField
        )
        widgets = {
            "story": forms.Textarea(attrs={"rows": 6}),
            "story_en": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "latitude": _("Ví dụ 21.3456 (lấy từ Google Maps hoặc OpenStreetMap)."),
            "bank_bin": _("Mã 6 chữ số của ngân hàng theo NAPAS, ví dụ 970436 (Vietcombank)."),
        }


class CooperativePhotoForm(forms.Form):
    image = SafeImageField(label=_("Ảnh"))
    caption = PlainTextField(label=_("Chú thích"), max_length=200, required=False)
