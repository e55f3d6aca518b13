"""URL map: Oscar under /shop/, Wagtail owns the rest (its catch-all comes last).

Shop and Wagtail pages are served per language: Vietnamese unprefixed, English under
/en/ (/en/shop/..., /en/<page>/). The QR resolver, the admin, the sitemap, the product feeds and the
health checks have one address for all languages.

/01/ and /.well-known/ are kept free for the GS1 Digital Link resolver (traceability app).
"""

from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views import account as wagtailadmin_account
from wagtail.documents import urls as wagtaildocs_urls

from cms import views as cms_views
from marketplace import views
from marketplace.checkout import places
from marketplace.settlement import urls as settlement_urls
from marketplace.throttling import rate_limited

urlpatterns = [
    # Django's set_language would rewrite /en/ CMS addresses through Wagtail's catch-all.
    path("i18n/setlang/", cms_views.language_set, name="set_language"),
    path("sitemap.xml", cms_views.sitemap_xml, name="sitemap"),
    path("django-admin/", admin.site.urls),
    # Wagtail's password reset request, rate-limited (each sends an e-mail); the rest of
    # its reset flow, and its name for reverse(), come from Wagtail's URLs below.
    path(
        "cms/password_reset/",
        rate_limited("password-reset")(
            rate_limited("password-reset-email")(wagtailadmin_account.PasswordResetView.as_view())
        ),
    ),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The REST API and its schema (marketplace.api): JSON, one address for all languages.
    path("api/", include("marketplace.api.urls")),
    path("healthz", views.health, name="health"),
    path("healthz/ready", views.readiness, name="health-ready"),
    # Product feeds for Google Merchant Center and Meta (catalogue.feeds): built by the
    # worker, one address per language and format (google-vi.xml, google-en.csv, …).
    path("feeds/", include("catalogue.feeds.urls")),
    path("csp-report/", views.csp_report, name="csp-report"),
]

# The shop in Vietnamese at /shop/..., in English at /en/shop/... (payment and bank
# notifications keep answering at their unprefixed addresses).
urlpatterns += i18n_patterns(
    path("shop/", include("marketplace.partner.urls")),
    path("shop/places/wards/<str:province>/", places.wards, name="place-wards"),
    path("shop/checkout/shipping-estimate/", places.shipping_estimate, name="shipping-estimate"),
    path("shop/dashboard/products/import/", include("catalogue.dashboard_urls")),
    path("shop/dashboard/cooperative/", include("marketplace.partner.cooperative_urls")),
    path("shop/dashboard/cooperative/", include(settlement_urls.cooperative_urlpatterns)),
    path("shop/dashboard/cooperative/api-tokens/", include("marketplace.api.dashboard_urls")),
    path("shop/dashboard/money/", include(settlement_urls.staff_urlpatterns)),
    path("shop/dashboard/certificates/", include("catalogue.certificate_urls")),
    path("shop/dashboard/batches/", include("traceability.dashboard_urls")),
    path("shop/dashboard/cooperatives/", include("marketplace.partner.dashboard_urls")),
    path("shop/payments/", include("marketplace.payments.urls")),
    # Oscar's dashboard takes some primary keys as <str:pk> and fails on a non-number
    # (ValueError, a 500): such addresses do not exist.
    re_path(
        r"^shop/dashboard/catalogue/(?:option|attribute-option-group)/[^/]*[^\d/][^/]*/",
        views.page_not_found,
    ),  # fmt: skip
    re_path(r"^shop/dashboard/pages/(?:update|delete)/[^/]*[^\d/][^/]*/", views.page_not_found),
    path("shop/", include(apps.get_app_config("oscar").urls[0])),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include("traceability.urls"))]
# Wagtail's URLs, with its page view served through the shared page cache (cms.views).
wagtail_patterns = [
    *(p for p in wagtail_urls.urlpatterns if p.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, cms_views.page_serve, name="wagtail_serve"),
]
urlpatterns += i18n_patterns(path("", include(wagtail_patterns)), prefix_default_language=False)

handler400 = "marketplace.views.bad_request"
handler404 = "marketplace.views.page_not_found"
handler500 = "marketplace.views.server_error"
