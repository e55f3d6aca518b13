"""The cooperative dashboard's form for a new personal access token."""

from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.api.models import SCOPE_CHOICES
from marketplace.api.services import LIFETIME_DAYS

# What most programs need first: read the catalogue and the orders, change nothing.
DEFAULT_SCOPES = ["catalogue:read", "orders:read"]
DEFAULT_DAYS = 90
LIFETIME_LABELS = {
    30: _("30 ngày"),
    90: _("90 ngày (3 tháng)"),
    365: _("365 ngày (1 năm)"),
}


class AccessTokenForm(forms.Form):
    """Name, scopes and lifetime of a new token; ``api.services.token_create`` makes it.

    The widgets' classes are set in the template (templates/api/dashboard/token_list.html):
    class names in Python would count as used by the shop's stylesheet build
    (``marketplace.shop_assets``), which reads the project's code but not the dashboard's
    templates.
    """

    name = forms.CharField(
        label=_("Tên gợi nhớ"),
        max_length=80,
        help_text=_("Để nhận ra mã sau này, ví dụ “Đồng bộ Shopee” hoặc “Bảng tính kho”."),
        error_messages={
            "required": _("Hãy đặt tên cho mã, ví dụ “Đồng bộ Shopee”."),
            "max_length": _("Tên dài tối đa %(limit_value)s ký tự (đang có %(show_value)s)."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    scopes = forms.MultipleChoiceField(
        label=_("Quyền của mã"),
        choices=SCOPE_CHOICES,
        initial=DEFAULT_SCOPES,
        help_text=_("Chỉ chọn những gì chương trình cần. Quyền sửa đã gồm quyền xem."),
        error_messages={
            "required": _("Hãy chọn ít nhất một quyền."),
            "invalid_choice": _("Quyền không tồn tại: %(value)s."),
            "invalid_list": _("Hãy chọn ít nhất một quyền."),
        },
        widget=forms.CheckboxSelectMultiple,
    )
    days = forms.TypedChoiceField(
        label=_("Thời hạn"),
        choices=[(days, LIFETIME_LABELS[days]) for days in LIFETIME_DAYS],
        coerce=int,
        initial=DEFAULT_DAYS,
        help_text=_("Hết hạn, mã thôi hoạt động; khi đó hãy tạo mã mới."),
        error_messages={
            "required": _("Hãy chọn thời hạn: 30, 90 hoặc 365 ngày."),
            "invalid_choice": _("Thời hạn phải là 30, 90 hoặc 365 ngày."),
        },
    )
