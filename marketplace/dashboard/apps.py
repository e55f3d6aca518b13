import oscar.apps.dashboard.apps as apps


class DashboardConfig(apps.DashboardConfig):
    # Forked so that get_class("dashboard.<sub-app>...") looks in marketplace/dashboard/
    # first: Oscar resolves a dashboard sub-app's classes through the parent app's name.
    name = "marketplace.dashboard"
