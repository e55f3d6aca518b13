from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar import config as oscar_config


class MarketplaceConfig(AppConfig):
    name = "marketplace"
    verbose_name = _("Chợ OCOP")

    def ready(self):
        from marketplace import checks  # noqa: F401
        from marketplace.sites import site_domain_sync

        post_migrate.connect(site_domain_sync, dispatch_uid="marketplace-site-domain")


class ShopConfig(oscar_config.Shop):
    """Oscar's root app (its label stays ``oscar``), the way Oscar's docs customise it.

    Its password reset request is rate-limited: each one sends an e-mail.
    """

    # Not the default of this module: that is MarketplaceConfig.
    default = False

    def get_urls(self):
        from marketplace.throttling import rate_limited

        urls = super().get_urls()
        return [
            path(
                str(url.pattern),
                rate_limited("password-reset")(rate_limited("password-reset-email")(url.callback)),
                name=url.name,
            )
            if getattr(url, "name", None) == "password-reset"
            else url
            for url in urls
        ]
