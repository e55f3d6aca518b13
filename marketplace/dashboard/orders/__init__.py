default_app_config = "marketplace.dashboard.orders.apps.OrdersDashboardConfig"
