from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace import vnd


class RefundForm(forms.Form):
    """A refund: an amount for each line (and each parcel's shipping) of the order, or one
    amount for the whole order, shared over its lines in proportion."""

    amount = forms.IntegerField(
        label=_("Hoặc một số tiền cho cả đơn (₫)"),
        min_value=1,
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"min_value": _("Số tiền hoàn phải lớn hơn 0.")},
        help_text=_("Chia cho các dòng hàng theo tỷ lệ số tiền còn lại của từng dòng."),
    )
    reason = forms.CharField(label=_("Lý do"), max_length=255, required=False)

    def __init__(self, *args, items=None, **kwargs):
        """``items``: ``payments.refunds.refundable_items`` of the order."""
        super().__init__(*args, **kwargs)
        self.item_keys = {}
        for key, (obj, left) in (items or {}).items():
            name = "item_" + key.replace(":", "_")
            label = getattr(obj, "title", None) or _("Phí giao kiện của %(seller)s") % {
                "seller": getattr(obj, "cooperative", None) or "-"
            }
            left_text = vnd.format_amount(left)
            self.fields[name] = forms.IntegerField(
                label=_("%(item)s (còn %(left)s)") % {"item": label, "left": left_text},
                min_value=0, max_value=max(left, 0), required=False,
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
                error_messages={"min_value": _("Số tiền hoàn phải lớn hơn 0."),
                                "max_value": _("Không hoàn quá số tiền còn lại của dòng.")},
            )  # fmt: skip
            self.item_keys[name] = key
        self.order_fields([*self.item_keys, "amount", "reason"])

    def clean(self):
        cleaned = super().clean()
        items = {key: cleaned[name] for name, key in self.item_keys.items() if cleaned.get(name)}
        if items and cleaned.get("amount"):
            raise forms.ValidationError(
                _("Nhập số tiền cho từng dòng hoặc một số tiền cho cả đơn, không cả hai.")
            )
        if not items and not cleaned.get("amount") and not self.errors:
            raise forms.ValidationError(_("Hãy nhập số tiền hoàn."))
        cleaned["items"] = items or None
        return cleaned

    def service_kwargs(self):
        data = self.cleaned_data
        if data["items"]:
            return {"items": data["items"], "reason": data["reason"]}
        return {"amount": data["amount"], "reason": data["reason"]}


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
