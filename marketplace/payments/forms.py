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
