from django.core import exceptions
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.catalogue.formsets import *  # noqa: F403
from oscar.apps.dashboard.catalogue.formsets import (
    StockRecordFormSet as CoreStockRecordFormSet,
)
from oscar.core.loading import get_model

from marketplace import access

StockRecord = get_model("partner", "StockRecord")


class StockRecordFormSet(CoreStockRecordFormSet):
    """Oscar's stock record formset, with the user's partners from ``marketplace.access``.

    Oscar reads ``user.partners`` (any membership); here only the partner of the
    cooperative the user acts for counts, so a suspended cooperative edits none.
    """

    def __init__(self, product_class, user, *args, **kwargs):
        if not user.is_staff and "instance" in kwargs and "queryset" not in kwargs:
            kwargs["queryset"] = access.stockrecords_for(
                user, StockRecord.objects.filter(product=kwargs["instance"])
            )
        super().__init__(product_class, user, *args, **kwargs)

    def set_initial_data(self):
        # Oscar indexes the first form blindly: a POST with no stock record forms (easy to
        # send by hand) raised IndexError, a server error. With no form there is nothing
        # to pre-fill; the formset's own validation then asks for a stock record.
        if not self.forms or not self.require_user_stockrecord:
            return
        partner = access.partners_for(self.user).first()
        partner_field = self.forms[0].fields.get("partner", None)
        if partner is not None and partner_field and partner_field.initial is None:
            partner_field.initial = partner

    def clean(self):
        if any(self.errors) or not self.require_user_stockrecord:
            return
        stockrecord_partners = {form.cleaned_data.get("partner", None) for form in self.forms}
        if not set(access.partners_for(self.user)) & stockrecord_partners:
            raise exceptions.ValidationError(
                _("At least one stock record must be set to a partner that you're associated with.")
            )
