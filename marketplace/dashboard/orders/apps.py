import oscar.apps.dashboard.orders.apps as apps
from django.urls import path
from oscar.core.loading import get_class


class OrdersDashboardConfig(apps.OrdersDashboardConfig):
    name = "marketplace.dashboard.orders"

    def configure_permissions(self):
        super().configure_permissions()
        DashboardPermission = get_class("dashboard.permissions", "DashboardPermission")
        # The view itself checks that the shipment is the user's cooperative's.
        self.permissions_map["order-shipment-advance"] = (
            DashboardPermission.get("order", "view_order", "change_order"),
            DashboardPermission.partner_dashboard_access,
        )
        self.permissions_map["order-shipment-packing-slip"] = (
            DashboardPermission.get("order", "view_order"),
            DashboardPermission.partner_dashboard_access,
        )

    def ready(self):
        super().ready()
        self.shipment_advance_view = get_class("dashboard.orders.views", "ShipmentAdvanceView")
        self.packing_slip_view = get_class("dashboard.orders.views", "ShipmentPackingSlipView")

    def get_urls(self):
        urls = super().get_urls()
        urls += self.post_process_urls(
            [
                path(
                    "<str:number>/shipments/<int:shipment_id>/",
                    self.shipment_advance_view.as_view(),
                    name="order-shipment-advance",
                ),
                path(
                    "<str:number>/shipments/<int:shipment_id>/packing-slip/",
                    self.packing_slip_view.as_view(),
                    name="order-shipment-packing-slip",
                ),
            ]
        )
        return urls
