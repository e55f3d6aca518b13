"""Checkout forms: a Vietnamese shipping address and the choice of how to pay."""

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.checkout.forms import *  # noqa: F403
from oscar.core.loading import get_model

from marketplace import places
from marketplace.partner.forms import WardSelect, ward_select_for
from marketplace.partner.validators import normalise_vietnamese_phone

Country = get_model("address", "Country")
ShippingAddress = get_model("order", "ShippingAddress")
UserAddress = get_model("address", "UserAddress")


class ShippingAddressForm(forms.ModelForm):
    """A delivery address of the 2025 units: full name, phone, street, commune/ward, province.

    Vietnam has no postcodes in everyday use, so none is asked. The ward select lists the
    chosen province's communes (the script loads another province's; without it, sending
    the form with the province shows them); the province must contain the ward.
    """

    full_name = forms.CharField(
        label=_("Họ và tên người nhận"),
        max_length=255,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone_number = forms.CharField(
        label=_("Số điện thoại"),
        max_length=32,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        help_text=_("Người giao hàng gọi số này, ví dụ 0912 345 678."),
    )
    province_code = forms.TypedChoiceField(
        label=_("Tỉnh/thành phố"),
        coerce=int,
        choices=lambda: [("", _("— Chọn tỉnh/thành phố —")), *places.province_choices()],
    )
    ward_code = forms.TypedChoiceField(
        label=_("Xã/phường/đặc khu"),
        coerce=int,
        choices=lambda: [("", WardSelect.placeholder), *places.ward_choices()],
        widget=WardSelect,
        help_text=_("Theo đơn vị hành chính mới, từ ngày 1/7/2025."),
    )

    class Meta:
        model = ShippingAddress
        fields = ["full_name", "phone_number", "line1", "province_code", "ward_code", "notes"]
        labels = {"line1": _("Số nhà, đường, thôn/xóm"), "notes": _("Ghi chú cho người giao")}
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        initial = kwargs.get("initial") or {}
        instance = kwargs.get("instance")
        if not initial.get("state") and instance is not None and instance.state:
            # A saved address being edited: its names become the selects' codes.
            initial = {
                "first_name": instance.first_name,
                "last_name": instance.last_name,
                "state": instance.state,
                "line4": instance.line4,
            }
        if initial.get("state"):
            # Back from a later step: the session holds names, the selects want codes.
            province = places.province_code_by_name(initial["state"])
            kwargs["initial"] = {
                **(kwargs.get("initial") or {}),
                "full_name": " ".join(
                    filter(None, [initial.get("first_name"), initial.get("last_name")])
                ),
                "province_code": province,
                "ward_code": places.ward_code_by_name(province, initial.get("line4")),
            }
        super().__init__(*args, **kwargs)
        self.fields["line1"].required = True
        self.fields["ward_code"].widget.attrs["data-province-select"] = "id_province_code"
        ward_select_for(self)

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if not name:
            raise forms.ValidationError(_("Hãy nhập họ và tên người nhận."))
        return name

    def clean_phone_number(self):
        return normalise_vietnamese_phone(self.cleaned_data["phone_number"])

    def clean(self):
        cleaned = super().clean()
        province, ward = cleaned.get("province_code"), cleaned.get("ward_code")
        if province and ward and not places.ward_in_province(ward, province):
            self.add_error("ward_code", _("Xã/phường này không thuộc tỉnh/thành phố đã chọn."))
        if not self.errors:
            family, _space, given = cleaned["full_name"].partition(" ")
            self.instance.first_name, self.instance.last_name = family, given
            self.instance.line4 = dict(places.wards_of(province))[ward]
            self.instance.state = places.province_names()[province]
            self.instance.postcode = ""
            self.instance.country = vietnam()
        return cleaned


class UserAddressForm(ShippingAddressForm):
    """A saved address of the address book, edited in checkout with the same 2025 fields."""

    class Meta(ShippingAddressForm.Meta):
        model = UserAddress

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.user = user


def vietnam():
    """Return the Country row of Vietnam, creating it when a fresh database lacks it."""
    country, _created = Country.objects.get_or_create(
        iso_3166_1_a2="VN",
        defaults={
            "iso_3166_1_a3": "VNM",
            "iso_3166_1_numeric": "704",
            "printable_name": "Việt Nam",
            "name": "Việt Nam",
            "is_shipping_country": True,
        },
    )
    return country


class PaymentMethodForm(forms.Form):
    """Cash on delivery, a VietQR bank transfer, or a card (Stripe, when it is set up)."""

    method = forms.ChoiceField(
        label=_("Cách thanh toán"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Hãy chọn cách thanh toán."),
            "invalid_choice": _("Cách thanh toán này không có."),
        },
    )

    def __init__(self, *args, methods, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["method"].choices = methods
