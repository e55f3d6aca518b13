from django import forms
from django.utils.translation import gettext_lazy as _


class RefundForm(forms.Form):
    amount = forms.IntegerField(
        label=_("Số tiền hoàn (₫)"),
        min_value=1,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"min_value": _("Số tiền hoàn phải lớn hơn 0.")},
    )
    reason = forms.CharField(label=_("Lý do"), max_length=255, required=False)


class BankStatementForm(forms.Form):
    statement = forms.FileField(
        label=_("Sao kê ngân hàng (CSV)"),
        help_text=_(
            "Tệp CSV mã UTF-8 với các cột date, amount, description, reference (ngày, số "
            "tiền, nội dung chuyển khoản, mã giao dịch); tối đa 2 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
        error_messages={"required": _("Hãy chọn tệp sao kê."), "empty": _("Tệp trống.")},
    )
