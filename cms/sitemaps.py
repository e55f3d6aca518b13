"""sitemap.xml: Wagtail's pages in every language, products and cooperative profiles."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from catalogue.selectors import product_cards
from marketplace.partner.selectors import public_cooperatives


class _RequestHostSitemap(Sitemap):
    """Build addresses on the host and scheme of the request, like Wagtail's sitemap."""

    def __init__(self, request=None):
        self.request = request

    def get_domain(self, site=None):
        return self.request.get_host() if self.request else super().get_domain(site)

    def get_protocol(self, protocol=None):
        return self.request.scheme if self.request else super().get_protocol(protocol)


class ProductSitemap(_RequestHostSitemap):
    changefreq = "daily"
    limit = 5000

    def items(self):
        return product_cards().only("pk", "slug", "date_updated").order_by("pk")

    def lastmod(self, product):
        return product.date_updated


class CooperativeSitemap(_RequestHostSitemap):
    changefreq = "weekly"

    def items(self):
        return public_cooperatives().order_by("pk")


class PageSitemap(WagtailSitemap):
    """Wagtail's sitemap over the site's tree in every language, not only the active one."""

    def items(self):
        from wagtail.models import Page

        root = self.get_wagtail_site().root_page
        in_any_tree = Q()
        for translation in Page.objects.filter(translation_key=root.translation_key):
            in_any_tree |= Q(path__startswith=translation.path)
        return (
            Page.objects.filter(in_any_tree)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


SITEMAPS = {"pages": PageSitemap, "products": ProductSitemap, "cooperatives": CooperativeSitemap}
