import oscar.apps.analytics.apps as apps


class AnalyticsConfig(apps.AnalyticsConfig):
    name = "marketplace.analytics"

    def ready(self):
        # Oscar's receivers count product views with a database write inside the request;
        # under load on SQLite that fails with "database is locked". Swap that one receiver
        # for a buffered counter that is flushed in batches, off the request path.
        from oscar.apps.analytics import receivers as stock_receivers
        from oscar.apps.catalogue.signals import product_viewed

        product_viewed.disconnect(stock_receivers.receive_product_view)
        from . import receivers  # noqa: F401
