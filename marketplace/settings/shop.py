"""The shop: checkout and payments, settlement, Haystack (for Oscar), Wagtail, and the
one commented block of Oscar overrides (Oscar's defaults are read first, in
``marketplace/settings/__init__.py``)."""

from django.utils.translation import gettext_lazy as _
from oscar import defaults as oscar_defaults

from marketplace.navigation import cooperative_entries, staff_entries, staff_only
from marketplace.settings.core import SITE_URL, env

# --------------------------------------------------------------------------------------
# Checkout and payments (marketplace.checkout, marketplace.shipping, marketplace.payments).
# Vietnamese addresses have no postcode: Oscar must not ask for one.
# Payments: cash on delivery always; VietQR bank transfer to the
# operator's account (demo defaults: a made-up Vietcombank account); cards through Stripe
# only when all three STRIPE_* variables are set. An unpaid card order is cancelled, and
# its stock returned, after PAYMENT_CARD_EXPIRY_MINUTES (`manage.py expire_card_orders`).
# --------------------------------------------------------------------------------------
VIETQR_BANK_BIN = env.str("VIETQR_BANK_BIN", default="") or "970436"
VIETQR_BANK_NAME = env.str("VIETQR_BANK_NAME", default="") or "Vietcombank"
VIETQR_ACCOUNT_NUMBER = env.str("VIETQR_ACCOUNT_NUMBER", default="") or "0011001234567"
VIETQR_ACCOUNT_NAME = env.str("VIETQR_ACCOUNT_NAME", default="") or "CONG TY CHO OCOP"
STRIPE_SECRET_KEY = env.str("STRIPE_SECRET_KEY", default="")
STRIPE_PUBLISHABLE_KEY = env.str("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_WEBHOOK_SECRET = env.str("STRIPE_WEBHOOK_SECRET", default="")
PAYMENT_CARD_EXPIRY_MINUTES = env.int("PAYMENT_CARD_EXPIRY_MINUTES", default=60)
# The bank's notifications of incoming transfers (POST /shop/payments/bank/notify/) are
# signed with HMAC-SHA256 under BANK_WEBHOOK_SECRET; unset, the endpoint answers 404. A
# notification older or newer than BANK_WEBHOOK_TOLERANCE_SECONDS is refused (replays).
BANK_WEBHOOK_SECRET = env.str("BANK_WEBHOOK_SECRET", default="")
BANK_WEBHOOK_TOLERANCE_SECONDS = env.int("BANK_WEBHOOK_TOLERANCE_SECONDS", default=300)

# --------------------------------------------------------------------------------------
# Settlement (marketplace.settlement): what each cooperative is owed. A delivered line
# becomes payable SETTLEMENT_RETURN_WINDOW_DAYS after delivery; the marketplace keeps its
# commission (a category's rate, a cooperative's own rate, else SETTLEMENT_COMMISSION_BPS
# basis points: 800 = 8 %) and withholds tax where Decree 117/2025/ND-CP says so.
# --------------------------------------------------------------------------------------
SETTLEMENT_RETURN_WINDOW_DAYS = env.int("SETTLEMENT_RETURN_WINDOW_DAYS", default=7)
SETTLEMENT_COMMISSION_BPS = env.int("SETTLEMENT_COMMISSION_BPS", default=800)
OSCAR_REQUIRED_ADDRESS_FIELDS = ("line1", "line4")

# --------------------------------------------------------------------------------------
# Haystack: installed only because Oscar imports it. The simple backend and a signal
# processor that indexes nothing; browsing is served by the search fork.
# --------------------------------------------------------------------------------------
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"

# --------------------------------------------------------------------------------------
# Wagtail
# --------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Chợ OCOP"
# One public address for everything that leaves the request behind (SITE_URL above).
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "png", "jpg", "jpeg"]
# Editors' images: no SVG (a script in an image), and the same limits as marketplace uploads
# (marketplace/uploads.py) so that a decompression bomb is refused before it is decoded.
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 8 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# No Gravatar avatars in the admin: they would send a hash of each staff e-mail to a third
# party (over plain http, as Wagtail builds the URL), and the admin's CSP allows no
# other origin's images.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --------------------------------------------------------------------------------------
# Oscar overrides
# --------------------------------------------------------------------------------------
OSCAR_SHOP_NAME = "Chợ OCOP"
OSCAR_SHOP_TAGLINE = _("Đặc sản OCOP từ các hợp tác xã Việt Nam")
OSCAR_HOMEPAGE = "/"
# Oscar's e-mails build links from the Site record (kept on SITE_URL's host) and this scheme.
OSCAR_URL_SCHEMA = SITE_URL.split("://", 1)[0]
# Prices are whole đồng, shown the Vietnamese way in every language: 125.000 ₫.
OSCAR_DEFAULT_CURRENCY = "VND"
OSCAR_CURRENCY_FORMAT = {"VND": {"locale": "vi", "format": "#,##0\u00a0¤"}}
OSCAR_PRODUCTS_PER_PAGE = 24
# A picture whose file is missing is left out of the page, not a server error.
OSCAR_THUMBNAILER = "marketplace.thumbnails.MissingFileSafeSorlThumbnail"
# "Đặc sản" must slug to "dac-san", not "ac-san": ASCII folding drops the crossed d.
OSCAR_SLUG_MAP = {"đ": "d", "Đ": "D"}
OSCAR_ALLOW_ANON_CHECKOUT = True
OSCAR_ALLOW_ANON_REVIEWS = False
OSCAR_MODERATE_REVIEWS = True
OSCAR_RECENTLY_VIEWED_PRODUCTS = 6
# Wagtail owns content pages: drop Oscar's flatpages entry from the dashboard menu.
OSCAR_DASHBOARD_NAVIGATION = [
    {
        **section,
        "children": [
            child
            for child in section.get("children", [])
            if child.get("url_name") != "dashboard:page-list"
        ],
    }
    if "children" in section
    else section
    for section in oscar_defaults.OSCAR_DASHBOARD_NAVIGATION
]
# A cooperative's own pages come first in its menu.
OSCAR_DASHBOARD_NAVIGATION[1:1] = cooperative_entries()
OSCAR_DASHBOARD_NAVIGATION[1:1] = staff_entries()
OSCAR_DASHBOARD_NAVIGATION.insert(
    1,
    {
        "label": _("Nội dung (Wagtail)"),
        "icon": "fas fa-newspaper",
        "url_name": "wagtailadmin_home",
        "access_fn": staff_only,
    },
)
# Staff review cooperatives' applications (marketplace.partner.dashboard_urls).
OSCAR_DASHBOARD_NAVIGATION.insert(
    2,
    {
        "label": _("Hợp tác xã"),
        "icon": "fas fa-users",
        "url_name": "dashboard-cooperative-list",
        "access_fn": staff_only,
    },
)

# --------------------------------------------------------------------------------------
# The REST API (/api/v1/, marketplace.api)
# --------------------------------------------------------------------------------------
# Each view says who may call it (marketplace.api.views): these defaults refuse anything
# a view forgot to open.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DEFAULT_PAGINATION_CLASS": "marketplace.api.pagination.Pagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "marketplace.api.exceptions.exception_handler",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": ["marketplace.api.parsers.JSONParser"],
    "DEFAULT_VERSIONING_CLASS": None,
    "COERCE_DECIMAL_TO_STRING": False,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "OCOP marketplace API",
    "DESCRIPTION": (
        "The public catalogue (products with their OCOP stars and valid certificates, "
        "categories, cooperatives, lots and their traceability events, search) and each "
        "cooperative's own data (stock, prices, orders, shipments, batches, events). "
        "Cooperative endpoints take a personal access token made in the cooperative "
        "dashboard: `Authorization: Bearer ocop_…`."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["marketplace.api.schema.only_api_v1"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "marketplace.api.schema.standard_errors",
    ],
    # Several models have a "status" (or "kind"): each set of choices gets its own name.
    "ENUM_NAME_OVERRIDES": {
        "CooperativeStatusEnum": "marketplace.partner.models.Cooperative.Status",
        "ShipmentStatusEnum": "marketplace.order.models.Shipment.Status",
        "ShipmentAdvanceStatusEnum": (
            "marketplace.api.cooperative_serializers.orders.ADVANCE_CHOICES"
        ),
        "BatchStatusEnum": "traceability.models.Batch.Status",
        "TraceEventKindEnum": "traceability.models.TraceEvent.Kind",
        "NewTraceEventKindEnum": "marketplace.api.cooperative_serializers.trace.EVENT_KINDS",
    },
}
