from oscar.apps.dashboard.catalogue.formsets import *  # noqa: F403
from oscar.apps.dashboard.catalogue.formsets import (
    StockRecordFormSet as CoreStockRecordFormSet,
)


class StockRecordFormSet(CoreStockRecordFormSet):
    def set_initial_data(self):
        # Oscar indexes the first form blindly: a POST with no stock record forms (easy to
        # send by hand) raised IndexError, a server error. With no form there is nothing
        # to pre-fill; the formset's own validation then asks for a stock record.
        if self.forms:
            super().set_initial_data()
