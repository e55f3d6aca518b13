from django.contrib import admin
from oscar.apps.order.admin import *
from oscar.core.loading import get_model

Shipment = get_model("order", "Shipment")


@admin.register(Shipment)
class ShipmentAdmin(admin.ModelAdmin):
    """Look up parcels; moving them goes through the dashboard (services.shipment_advance),
    which keeps the steps in order and tells the customer."""

    list_display = ["order", "cooperative", "status", "carrier", "tracking_code", "shipped_at"]
    list_filter = ["status", "carrier"]
    search_fields = ["order__number", "tracking_code", "cooperative__partner__name"]
    readonly_fields = [field.name for field in Shipment._meta.fields]

    def has_add_permission(self, request):
        return False
