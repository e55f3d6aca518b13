"""sitemap.xml: Wagtail's pages, products, categories and cooperative profiles, each in
both languages with its other language's address as an ``xhtml:link`` alternate."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Q
from oscar.core.loading import get_model
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from marketplace.links import absolute_url
from marketplace.partner.selectors import public_cooperatives
from marketplace.sites import site_domain

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
Cooperative = get_model("partner", "Cooperative")


class _SiteUrlSitemap(Sitemap):
    """Build addresses on SITE_URL (never the request's Host header, which anyone can set).

    Each item is listed at its Vietnamese and English address (``/shop/…``,
    ``/en/shop/…``), each entry naming both as alternates, Vietnamese the x-default.
    """

    i18n = True
    alternates = True
    x_default = True

    def __init__(self, request=None):
        self.request = request

    def get_domain(self, site=None):
        return site_domain()

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme


class ProductSitemap(_SiteUrlSitemap):
    changefreq = "daily"
    limit = 5000

    def items(self):
        return (
            Product.objects.browsable()
            .filter(cooperative__status=Cooperative.Status.APPROVED)
            .only("pk", "slug", "date_updated")
            .order_by("pk")
        )

    def lastmod(self, product):
        return product.date_updated


class CategorySitemap(_SiteUrlSitemap):
    changefreq = "weekly"

    def items(self):
        return Category.objects.filter(is_public=True).order_by("path")


class CooperativeSitemap(_SiteUrlSitemap):
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

    def _urls(self, page, protocol, domain):
        # Addresses on SITE_URL, like the product and cooperative entries (and the
        # canonical links): Wagtail's own would use the Site record's hostname.
        from wagtail.models import Page

        items = list(self.paginator.page(page).object_list)
        # Every page's live translations, in one query: each entry's hreflang alternates.
        translations = {}
        for translation in (
            Page.objects.live()
            .public()
            .filter(translation_key__in={item.translation_key for item in items})
            .select_related("locale")
        ):
            url = translation.get_url(self.request)
            if url is not None:
                translations.setdefault(translation.translation_key, {})[
                    translation.locale.language_code
                ] = absolute_url(url)
        urls, last_mods = [], set()
        for item in items:
            url = item.get_url(self.request)
            if url is None:
                continue
            lastmod = self.lastmod(item)
            found = translations.get(item.translation_key, {})
            alternates = [{"lang_code": code, "location": location}
                          for code, location in found.items()]  # fmt: skip
            if len(alternates) > 1 and settings.LANGUAGE_CODE in found:
                alternates.append(
                    {"lang_code": "x-default", "location": found[settings.LANGUAGE_CODE]}
                )
            urls.append({"item": item, "location": absolute_url(url), "lastmod": lastmod,
                         "alternates": alternates if len(alternates) > 1 else []})  # fmt: skip
            last_mods.add(lastmod)
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


SITEMAPS = {
    "pages": PageSitemap,
    "products": ProductSitemap,
    "categories": CategorySitemap,
    "cooperatives": CooperativeSitemap,
}
