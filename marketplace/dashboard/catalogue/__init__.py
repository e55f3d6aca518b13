default_app_config = "marketplace.dashboard.dashboard.catalogue.apps.CatalogueDashboardConfig"
