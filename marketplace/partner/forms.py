"""Forms of the cooperative onboarding: the public application form."""

import functools

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.forms.utils import flatatt
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from oscar.apps.customer.utils import normalise_email

from marketplace import places
from marketplace.partner.validators import normalise_vietnamese_phone
from marketplace.sanitize import PlainTextField

User = get_user_model()


@functools.cache
def _ward_options_html(province_code):
    return "".join(
        format_html('<option value="{}">{}</option>', code, name)
        for code, name in places.wards_of(province_code)
    )


class WardSelect(forms.Select):
    """The commune/ward select, with only the chosen province's options.

    The form tells it the province (``ward_select_for``); the page's script loads another
    province's communes when the buyer changes it (``static/js/ward-select.js``, from
    ``/shop/places/wards/<province>/``). Without a script, choosing the province and
    sending the form shows them. Rendered from a cached string: a template per option took
    a third of a second a page, and all 3,321 communes made the address page 169 KB.
    """

    placeholder = _("— Chọn xã/phường —")
    no_province = _("— Chọn tỉnh/thành phố trước —")
    province = None

    def render(self, name, value, attrs=None, renderer=None):
        options = _ward_options_html(self.province) if self.province else ""
        if value not in (None, ""):
            chosen = format_html('<option value="{}">', value)
            options = options.replace(chosen, chosen[:-1] + " selected>", 1)
        attrs = {
            **(attrs or {}),
            "data-wards-url": reverse("place-wards", args=["PROVINCE"]),
            "data-placeholder": self.placeholder,
        }
        first = self.placeholder if self.province else self.no_province
        # Every value is escaped above or built with format_html.
        return mark_safe(  # noqa: S308
            f'<select name="{escape(name)}"{flatatt(self.build_attrs(self.attrs, attrs))}>'
            f'<option value="">{escape(first)}</option>{options}</select>'
        )


def ward_select_for(form, province_field="province_code", ward_field="ward_code"):
    """Tell ``form``'s ward select which province's communes to list: the one sent, or the
    one the form starts with."""
    raw = (
        form.data.get(form.add_prefix(province_field))
        if form.is_bound
        else form.initial.get(province_field) or form.fields[province_field].initial
    )
    try:
        code = int(raw)
    except (TypeError, ValueError):
        return
    if code in places.province_names():
        form.fields[ward_field].widget.province = code


class CooperativeApplicationForm(forms.Form):
    """A cooperative applies to sell; a visitor also chooses the login (e-mail + password).

    A signed-in user applies with their own account, so the form drops the login fields.
    """

    name = PlainTextField(
        label=_("Tên hợp tác xã / cơ sở sản xuất"),
        max_length=128,
        help_text=_("Ví dụ: Hợp tác xã Chè Cẩm Mỹ"),
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
    address = PlainTextField(
        label=_("Địa chỉ"),
        max_length=255,
        help_text=_("Số nhà, thôn/xóm, ấp, bản…"),
    )
    founded_year = forms.IntegerField(
        label=_("Năm thành lập"),
        required=False,
        min_value=1950,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"min_value": _("Năm thành lập phải từ năm %(limit_value)s trở đi.")},
    )
    members_count = forms.IntegerField(
        label=_("Số thành viên"),
        required=False,
        min_value=1,
        max_value=1_000_000,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"min_value": _("Hợp tác xã cần ít nhất %(limit_value)s thành viên.")},
    )
    story = PlainTextField(
        label=_("Giới thiệu sản phẩm"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Hợp tác xã làm ra sản phẩm gì, ở đâu, theo cách nào; sản phẩm đã có sao OCOP chưa."
        ),
    )
    contact_name = PlainTextField(
        label=_("Họ và tên người liên hệ"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = forms.CharField(
        label=_("Số điện thoại"),
        max_length=32,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        help_text=_("Số di động hoặc cố định ở Việt Nam, ví dụ 0912 345 678."),
    )
    email = forms.EmailField(
        label=_("Thư điện tử"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Dùng để đăng nhập và nhận thông báo kết quả duyệt."),
    )
    password = forms.CharField(
        label=_("Mật khẩu"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Ít nhất 8 ký tự, không toàn chữ số, không quá dễ đoán."),
    )
    password_confirm = forms.CharField(
        label=_("Nhập lại mật khẩu"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    login_fields = ("email", "password", "password_confirm")

    def __init__(self, *args, user=None, **kwargs):
        self.user = user if user is not None and user.is_authenticated else None
        if self.user is not None:
            kwargs.setdefault("initial", {}).setdefault("contact_name", self.user.get_full_name())
        super().__init__(*args, **kwargs)
        self.fields["founded_year"].widget.attrs["max"] = timezone.localdate().year
        ward_select_for(self)
        if self.user is not None:
            for name in self.login_fields:
                del self.fields[name]

    def clean_phone(self):
        return normalise_vietnamese_phone(self.cleaned_data["phone"])

    def clean_founded_year(self):
        year = self.cleaned_data["founded_year"]
        if year is not None and year > timezone.localdate().year:
            raise forms.ValidationError(_("Năm thành lập không thể ở tương lai."))
        return year

    def clean_email(self):
        email = normalise_email(self.cleaned_data["email"])
        if User._default_manager.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("Đã có tài khoản dùng thư điện tử này; hãy đăng nhập rồi đăng ký.")
            )
        return email

    def clean(self):
        cleaned = super().clean()
        province_code, ward_code = cleaned.get("province_code"), cleaned.get("ward_code")
        if province_code and ward_code:
            if not places.ward_in_province(ward_code, province_code):
                self.add_error("ward_code", _("Xã/phường này không thuộc tỉnh/thành phố đã chọn."))
        if self.user is None:
            self._clean_password(cleaned)
        return cleaned

    def _clean_password(self, cleaned):
        password, confirmation = cleaned.get("password"), cleaned.get("password_confirm")
        if not password:
            return
        if confirmation is not None and password != confirmation:
            self.add_error("password_confirm", _("Hai mật khẩu không khớp nhau."))
        # The similarity check compares the password with the applicant's e-mail and name.
        applicant = User(email=cleaned.get("email", ""), first_name=cleaned.get("contact_name", ""))
        try:
            password_validation.validate_password(password, applicant)
        except forms.ValidationError as error:
            self.add_error("password", [_vietnamese(e) for e in error.error_list])

    def service_kwargs(self):
        """Return the cleaned data as keyword arguments of ``cooperative_apply``."""
        data = dict(self.cleaned_data)
        data.pop("password_confirm", None)
        return {**data, "user": self.user}


def _vietnamese(error):
    # Django's Vietnamese catalogue lacks this (plural) message; it would show in English.
    if error.code == "password_too_short":
        return forms.ValidationError(
            _("Mật khẩu quá ngắn: cần ít nhất %(min_length)d ký tự."),
            code=error.code,
            params=error.params,
        )
    return error
