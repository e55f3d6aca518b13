from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.orders.forms import OrderSearchForm as CoreOrderSearchForm
from oscar.core.loading import get_model

Shipment = get_model("order", "Shipment")


class ShipmentAdvanceForm(forms.Form):
    """A cooperative's click in the fulfilment panel; the shipment itself is in the URL."""

    to_status = forms.ChoiceField(label=_("Trạng thái mới"), choices=Shipment.Status.choices)
    carrier = forms.ChoiceField(
        label=_("Đơn vị vận chuyển"),
        choices=[("", _("— Chọn đơn vị vận chuyển —")), *Shipment.Carrier.choices],
        required=False,
    )
    tracking_code = forms.CharField(label=_("Mã vận đơn"), max_length=64, required=False)


class CooperativeOrderSearchForm(CoreOrderSearchForm):
    """Oscar's order search without the filters that would probe what a cooperative can't see.

    Customer names, vouchers and payment methods belong to the whole order; the product
    filters stay, and the view applies them to the cooperative's own lines only.
    """

    hidden_filters = ("name", "voucher", "payment_method")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.hidden_filters:
            del self.fields[name]

    def clean(self):
        cleaned_data = super().clean()
        # Oscar's list view reads every filter by key.
        cleaned_data.update(dict.fromkeys(self.hidden_filters, ""))
        return cleaned_data
