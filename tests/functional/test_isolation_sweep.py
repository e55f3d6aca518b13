"""Isolation sweep, generated from the URL configuration.

Every URL pattern of the project is in one of three groups:

* public: named in ``PUBLIC`` (pages for anyone: storefront, account, checkout, resolver);
* staff-only: found by probing: a signed-in cooperative user gets 403, or is sent to a
  login page, on GET and on POST;
* cooperative-reachable: named in ``tests.isolation.SWEPT``, with the arguments that
  point at another cooperative's objects. Logged in as cooperative A, each is requested
  (GET and POST, with B's IDs and keys and with every candidate value): no response may
  be a server error or show one of B's secrets, and B's data must be unchanged
  afterwards. URLs without arguments (order lists, COD parcels, batches, certificates,
  overview, the product lookup) are swept too.

A URL in no group fails ``test_every_url_is_public_staff_only_or_swept`` with its name:
a new view reachable by cooperatives is not finished until it is in ``SWEPT``.
"""

import itertools
import re

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace import access
from tests.factories import cooperative_user, ocop_product
from tests.isolation import (
    SECRET_ACCOUNT,
    SECRET_ADDRESS,
    SECRET_DECISION,
    SECRET_DRAFT,
    SECRET_LOT,
    SECRET_ORDER_NUMBER,
    SECRET_TITLE,
    SECRET_TRACKING,
    SWEPT,
    cooperative_with_secrets,
    ship,
    snapshot,
    sweep,
    url_routes,
)

pytestmark = pytest.mark.django_db

Shipment = get_model("order", "Shipment")

# Pages for anyone (signed in or not) that show only public data or the visitor's own:
# the storefront, the visitor's account, basket and checkout, the trace resolver, CMS pages.
PUBLIC = {
    # Site and CMS
    "set_language", "sitemap", "health", "health-ready", "csp-report", "wagtail_serve",
    "wagtailcore_authenticate_with_password",
    "wagtailcore_login", "wagtaildocs_serve", "wagtaildocs_authenticate_with_password",
    "wagtailadmin_login", "wagtailadmin_logout", "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done", "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete", "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog", "admin:login", "admin:logout", "admin:javascript-catalog",
    # Applying to sell, and the public cooperative page
    "cooperative-apply", "cooperative-apply-done", "cooperative-profile",
    # Card payments come back from Stripe; the webhook is signed, so are the bank's
    "payments:stripe-webhook", "payments:stripe-return", "payments:stripe-cancel",
    "payments:bank-notify",
    # Storefront
    "home", "catalogue:index", "catalogue:detail", "catalogue:category", "catalogue:range",
    "catalogue:reviews-detail", "catalogue:reviews-add", "catalogue:reviews-vote",
    "catalogue:reviews-list", "search:search", "search:suggest", "offer:list", "offer:detail",
    "wishlists:detail",
    # Basket and checkout
    "basket:summary", "basket:add", "basket:vouchers-add", "basket:vouchers-remove",
    "basket:saved", "checkout:index", "checkout:shipping-address", "checkout:user-address-update",
    "checkout:user-address-delete", "checkout:shipping-method", "checkout:payment-method",
    "checkout:payment-details", "checkout:preview", "checkout:thank-you",
    # The address form's communes of a province, and the visitor's own basket's shipping fee
    "place-wards", "shipping-estimate",
    # The visitor's own account (Oscar scopes every page to request.user)
    "customer:login", "customer:logout", "customer:register", "customer:summary",
    "customer:change-password", "customer:profile-view", "customer:profile-update",
    "customer:profile-delete", "customer:order-list", "customer:anon-order-form",
    "customer:anon-order", "customer:order", "customer:order-line", "customer:address-list",
    "customer:address-create", "customer:address-detail", "customer:address-delete",
    "customer:address-change-status", "customer:email-list", "customer:email-detail",
    "customer:notifications-inbox", "customer:notifications-archive",
    "customer:notifications-update", "customer:notifications-detail", "customer:alerts-list",
    "customer:alert-create", "customer:alerts-confirm", "customer:alerts-cancel-by-key",
    "customer:alerts-cancel-by-pk", "customer:wishlists-list", "customer:wishlists-add-product",
    "customer:wishlists-create", "customer:wishlists-create-with-product",
    "customer:wishlists-detail", "customer:wishlists-update", "customer:wishlists-delete",
    "customer:wishlists-remove-product", "customer:wishlists-move-product-to-another",
    "password-reset", "password-reset-done", "password-reset-confirm", "password-reset-complete",
    "dashboard:login", "dashboard:logout",
    # GS1 Digital Link resolver and QR images of published lots
    "traceability:qr", "traceability:digital-link", "traceability:short", "traceability:epcis",
    "traceability:resolver",
    # Anyone who scanned a lot may ask to hear of its recall (confirm and stop by token)
    "traceability:alert-request", "traceability:alert-confirm", "traceability:alert-stop",
    # The hash chain's published roots and their public key
    "traceability:chain-key", "traceability:chain-roots", "traceability:chain-root",
    # The API's schema and its docs page (the cooperative endpoints are in SWEPT)
    "api:schema", "api:docs",
}  # fmt: skip
# Patterns without a name, by route: friendly 404s and the media files of the demo.
# Other unnamed patterns are probed like named ones, at their route (or the URL below).
PUBLIC_UNNAMED = {
    "cms/password_reset/",  # Wagtail's reset request, rate-limited (marketplace.urls)
    r"^shop/dashboard/catalogue/(?:option|attribute-option-group)/[^/]*[^\d/][^/]*/",
    r"^shop/dashboard/pages/(?:update|delete)/[^/]*[^\d/][^/]*/",
    "shop/accounts/notifications/",
    r"^media/(?P<path>.*)$",
    r"^01(?:/[\s\S]*)?$",
    r"^t(?:/[\s\S]*)?$",
    "cms/test404/",
    "api/^",  # the API's JSON 404 for any other address under /api/
}
UNNAMED_PROBES = {
    "django-admin/(?P<url>.*)$": "/django-admin/no-such-page/",
    "cms/^.*/$": "/cms/no-such-page/",
}


LOGIN_PATHS = ("/shop/accounts/login/", "/django-admin/login/", "/cms/login/")


# Values to fill a pattern's arguments with when probing whether it is staff-only.
PROBE_VALUES = ["1", "a", "verify", "publish", "png", "default_for_billing", "auth"]


def _probe_url(route):
    """Return one URL that resolves to ``route``, or None."""
    if route.name is None:
        if route.route in UNNAMED_PROBES:
            return UNNAMED_PROBES[route.route]
        if "^" in route.route or "(" in route.route:
            return None
        return "/" + re.sub(r"<[^>]+>", "1", route.route)
    if route.positional:
        for values in itertools.product(PROBE_VALUES, repeat=route.positional):
            try:
                return reverse(route.name, args=values)
            except NoReverseMatch:
                continue
        return None
    for values in itertools.product(PROBE_VALUES, repeat=len(route.kwarg_names)):
        try:
            return reverse(route.name, kwargs=dict(zip(route.kwarg_names, values, strict=True)))
        except NoReverseMatch:
            continue
    return None


def _refused(response):
    if response.status_code in (403, 405):
        return True
    location = response.headers.get("Location", "")
    return response.status_code == 302 and location.split("?")[0].endswith(LOGIN_PATHS)


def _is_staff_only(client, url):
    """True when a signed-in cooperative user is refused on GET and on POST."""
    responses = [client.get(url), client.post(url)]
    return all(_refused(r) for r in responses) and any(r.status_code != 405 for r in responses)


@pytest.fixture
def cooperative_a(cooperative):
    return cooperative


@pytest.fixture
def user_a(cooperative_a):
    return cooperative_user(cooperative_a)


@pytest.fixture
def product_a(cooperative_a):
    return ocop_product(cooperative=cooperative_a, title="Chè của A", price=85000)


@pytest.fixture
def cooperative_b(product_a, user_a):
    secrets = cooperative_with_secrets(other_product=product_a)
    # A's parcel of the shared order is on its way too: A's COD list is not empty.
    ship(Shipment.objects.get(order=secrets.shared_order, cooperative=product_a.cooperative),
          user_a, "GHN-A-1")  # fmt: skip
    return secrets


def test_every_url_is_public_staff_only_or_swept(client, user_a):
    client.force_login(user_a)
    unclassified, unprobeable, stale = [], [], []
    routes = list(url_routes())
    names = {route.name for route in routes}

    for route in routes:
        if route.name in PUBLIC or route.name in SWEPT or route.route in PUBLIC_UNNAMED:
            continue
        url = _probe_url(route)
        if url is None:
            unprobeable.append(route.label)
        elif not _is_staff_only(client, url):
            unclassified.append(f"{route.label} ({url})")

    # A swept URL that turned staff-only, or a listed name that is gone, is a stale entry.
    for name in SWEPT:
        route = next((r for r in routes if r.name == name), None)
        if route is None:
            stale.append(name)
        elif not route.kwarg_names and _is_staff_only(client, reverse(name)):
            stale.append(f"{name} (staff-only now)")
    stale += sorted(name for name in PUBLIC if name not in names)

    # Each name here: add it to SWEPT (or PUBLIC, if it shows only public data).
    assert unclassified == [], "not swept: " + "\n".join(unclassified)
    assert unprobeable == [], "cannot build a URL to probe: " + "\n".join(unprobeable)
    assert stale == [], "stale entries: " + "\n".join(stale)
    assert len(routes) > 800


def test_the_sweep_covers_the_cooperative_pages_that_list_data():
    for name in (
        "dashboard:order-list", "dashboard:order-detail", "payments:cash-parcels",
        "payments:cash-collect", "batch-list", "cooperative-certificate-list",
        "cooperative-overview", "dashboard:catalogue-product-lookup", "cooperative-money",
        "cooperative-statement", "cooperative-statement-csv", "cooperative-tax-record",
    ):  # fmt: skip
        assert name in SWEPT


def test_the_secrets_are_where_cooperative_b_itself_sees_them(client, cooperative_b):
    b = cooperative_b
    client.force_login(b.user)

    def page(name, **kwargs):
        return client.get(reverse(name, kwargs=kwargs)).content.decode()

    assert SECRET_ORDER_NUMBER in page("payments:cash-parcels")
    assert SECRET_TRACKING in page("dashboard:order-detail", number=b.own_order.number)
    assert SECRET_LOT in page("batch-list")
    assert SECRET_DECISION in page("cooperative-certificate-list")
    assert SECRET_ACCOUNT in page("cooperative-profile-edit")
    assert SECRET_ADDRESS in page("dashboard:order-detail", number=b.own_order.number)
    assert SECRET_TITLE in page("dashboard:order-detail", number=b.shared_order.number)
    assert SECRET_DRAFT in page("dashboard:catalogue-product-list")
    today = timezone.localdate()
    statement = page("cooperative-statement", year=today.year, month=today.month)
    assert SECRET_TITLE in statement and SECRET_ORDER_NUMBER in statement
    assert SECRET_ACCOUNT in page("cooperative-money")


def test_a_cooperative_cannot_reach_another_cooperatives_data_through_any_url(
    client, user_a, cooperative_b
):
    client.force_login(user_a)
    before = snapshot(cooperative_b)

    tried, errors, leaks = sweep(client, cooperative_b)

    # Every request SWEPT names for B's objects was made (GET and POST), and then some:
    # the candidate ids are a set, so how many there are depends on how the database's
    # sequences happen to collide (a fresh test database gives fewer).
    named = sum(len(list(requests(cooperative_b))) for requests in SWEPT.values())
    assert tried >= 2 * named + 200
    assert errors == []
    assert leaks == []
    assert snapshot(cooperative_b) == before
    assert access.acting_cooperative(user_a) != cooperative_b.cooperative
