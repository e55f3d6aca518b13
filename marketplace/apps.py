from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class MarketplaceConfig(AppConfig):
    name = "marketplace"
    verbose_name = _("Chợ OCOP")

    def ready(self):
        from marketplace import checks  # noqa: F401
        from marketplace.sites import site_domain_sync

        post_migrate.connect(site_domain_sync, dispatch_uid="marketplace-site-domain")
