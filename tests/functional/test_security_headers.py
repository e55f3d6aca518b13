"""Content-Security-Policy and Permissions-Policy on every public, shop and dashboard page.

Each page is fetched through Django's test client. Its CSP must forbid inline code
(no 'unsafe-inline' or 'unsafe-eval' for scripts and styles), and its HTML must hold none
the policy would block: no <script> without the response's nonce, no style="…", no
onclick="…". Chromium checks the same pages for real in tests/browser/test_csp_journey.py.
"""

import json
import logging
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests import checkout_steps, cms_pages
from tests.factories import ocop_certificate, ocop_order, trace_batch

pytestmark = pytest.mark.django_db


def directives(response):
    """Return the response's CSP as ``{directive: [sources]}``."""
    header = response.headers["Content-Security-Policy"]
    policy = {}
    for part in header.split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


class InlineCode(HTMLParser):
    """Collect what a strict CSP blocks: un-nonced inline scripts, style and on* attributes."""

    def __init__(self, nonce):
        super().__init__()
        self.nonce = nonce
        self.offences = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and "src" not in attrs:
            data_block = attrs.get("type", "text/javascript") not in ("text/javascript", "module")
            if not data_block and attrs.get("nonce") != self.nonce:
                self.offences.append(f"<script> without the nonce at line {self.getpos()[0]}")
        if tag == "style" and attrs.get("nonce") != self.nonce:
            self.offences.append(f"<style> at line {self.getpos()[0]}")
        for name, value in attrs.items():
            if name == "style" or name.startswith("on"):
                self.offences.append(f'<{tag} {name}="{value}"> at line {self.getpos()[0]}')
            if name in ("href", "src", "action") and (value or "").startswith("javascript:"):
                self.offences.append(f'<{tag} {name}="{value}"> at line {self.getpos()[0]}')


def inline_code(response):
    nonces = re.findall(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"])
    parser = InlineCode(nonces[0] if nonces else None)
    parser.feed(response.content.decode())
    return parser.offences


def assert_strict(response):
    assert response.status_code == 200, response
    policy = directives(response)
    for directive in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in policy[directive], directive
        assert "'unsafe-eval'" not in policy[directive], directive
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"][0] == "'self'"
    assert inline_code(response) == []


@pytest.fixture
def shop(home_page, tea_cooperative, tea, tea_user, tea_category):
    tea.categories.add(tea_category)
    ocop_certificate(product=tea)
    campaign = cms_pages.campaign(
        home_page,
        body=[
            ("product", {"product": tea}),
            ("quote", {"quote": "Chè ngon", "attribution": "Bà Lan"}),
        ],
    )
    story = cms_pages.story(cms_pages.story_index(home_page), intro="Đồi chè")
    batch = trace_batch(cooperative=tea_cooperative, upc="8934567890120", user=tea_user)
    return {"campaign": campaign, "story": story, "batch": batch}


def public_pages(shop, tea, tea_category, tea_cooperative):
    from traceability.links import batch_path

    return [
        "/",
        shop["campaign"].url,
        shop["story"].url,
        reverse("catalogue:index"),
        tea_category.get_absolute_url(),
        tea.get_absolute_url(),
        reverse("search:search") + "?q=ch%C3%A8",
        reverse("basket:summary"),
        batch_path(shop["batch"]),
        f"/t/{shop['batch'].short_code}/",
        reverse("cooperative-profile", kwargs={"slug": tea_cooperative.slug}),
        reverse("cooperative-apply"),
        reverse("customer:login"),
    ]


def test_public_pages_send_a_strict_csp_and_hold_no_inline_code(
    client, shop, tea, tea_category, tea_cooperative
):
    for url in public_pages(shop, tea, tea_category, tea_cooperative):
        # As a browser asks: the GS1 URI then shows its page in place (not a redirect).
        response = client.get(url, HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")
        assert_strict(response)


def test_checkout_pages_send_a_strict_csp_and_hold_no_inline_code(client, tea):
    checkout_steps.add_to_basket(client, tea)
    checkout_steps.start_as_guest(client)
    assert_strict(client.get(reverse("basket:summary")))
    assert_strict(client.get(reverse("checkout:shipping-address")))
    checkout_steps.fill_address(client)
    assert_strict(client.get(reverse("checkout:shipping-method")))
    checkout_steps.choose_shipping(client)
    assert_strict(client.get(reverse("checkout:payment-method")))
    checkout_steps.choose_payment(client, "vietqr")
    preview = client.get(reverse("checkout:preview"))
    assert_strict(preview)
    # A card order's POST answers with a redirect to Stripe Checkout: this page allows it.
    assert "https://checkout.stripe.com" in directives(preview)["form-action"]
    response = checkout_steps.place_order(client)
    assert response.status_code == 302
    thank_you = client.get(response.url)
    assert_strict(thank_you)
    assert 'src="data:image/png' in thank_you.content.decode()  # the VietQR, allowed by img-src


def test_other_pages_let_forms_post_only_to_the_site(client, tea):
    response = client.get(reverse("catalogue:index"))

    assert directives(response)["form-action"] == ["'self'"]


def test_account_pages_send_a_strict_csp_and_hold_no_inline_code(client, customer, tea):
    order = ocop_order(items=[(tea, 1)], user=customer)
    client.force_login(customer)
    for url in [
        reverse("customer:profile-view"),
        reverse("customer:profile-update"),
        reverse("customer:change-password"),
        reverse("customer:order-list"),
        reverse("customer:order", kwargs={"order_number": order.number}),
        reverse("customer:address-list"),
        reverse("customer:address-create"),
        reverse("cooperative-application"),
    ]:
        assert_strict(client.get(url))


def test_staff_dashboard_pages_send_a_strict_csp_and_hold_no_inline_code(
    client, staff_user, shop, tea, tea_cooperative
):
    order = ocop_order(items=[(tea, 1)])
    client.force_login(staff_user)
    for url in [
        reverse("dashboard:index"),
        reverse("dashboard:catalogue-product-list"),
        reverse("dashboard:catalogue-product", kwargs={"pk": tea.pk}),
        reverse("dashboard:order-list"),
        reverse("dashboard:order-detail", kwargs={"number": order.number}),
        reverse("dashboard-cooperative-list"),
        reverse("certificate-review-list"),
        reverse("payments:unpaid-orders"),
    ]:
        assert_strict(client.get(url))


def test_cooperative_dashboard_pages_send_a_strict_csp_and_hold_no_inline_code(
    client, tea_user, shop, tea
):
    order = ocop_order(items=[(tea, 1)])
    client.force_login(tea_user)
    for url in [
        reverse("cooperative-overview"),
        reverse("cooperative-profile-edit"),
        reverse("dashboard:catalogue-product-list"),
        reverse("dashboard:catalogue-product", kwargs={"pk": tea.pk}),
        reverse("dashboard:order-list"),
        reverse("dashboard:order-detail", kwargs={"number": order.number}),
        reverse("batch-list"),
        reverse("batch-create"),
        reverse("batch-detail", kwargs={"pk": shop["batch"].pk}),
        reverse("cooperative-certificate-list"),
        reverse("cooperative-certificate-add"),
        reverse("cooperative-product-import"),
        reverse("payments:cash-parcels"),
    ]:
        assert_strict(client.get(url))


def test_a_background_jobs_page_holds_no_inline_code(client, tea_user, tea_cooperative):
    from catalogue import tasks
    from marketplace.jobs.models import Job

    client.force_login(tea_user)
    job = Job.objects.create(
        task=tasks.product_import_check.name, tracked=True, owner=tea_user,
        cooperative=tea_cooperative, status=Job.Status.RUNNING, done=250, total=1000,
    )  # fmt: skip

    response = client.get(reverse("cooperative-product-import-job", args=[job.pk]))

    assert_strict(response)
    assert "js/job-progress.js" in response.content.decode()


def test_a_page_gets_a_fresh_nonce_on_every_request(client, tea):
    first = client.get(tea.get_absolute_url())
    second = client.get(tea.get_absolute_url())

    nonce = re.findall(r"'nonce-([^']+)'", first.headers["Content-Security-Policy"])
    assert len(nonce) == 1 and len(nonce[0]) >= 22
    assert f'nonce="{nonce[0]}"' in first.content.decode()
    assert nonce != re.findall(r"'nonce-([^']+)'", second.headers["Content-Security-Policy"])


def test_the_admin_sites_get_their_own_looser_policy(client, staff_user):
    client.force_login(staff_user)

    for url in ["/cms/", "/django-admin/"]:
        policy = directives(client.get(url))
        # Their own inline code runs; other origins' scripts and framing by others do not.
        assert "'unsafe-inline'" in policy["script-src"]
        assert policy["frame-ancestors"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]


def test_every_response_sends_a_permissions_policy_turning_devices_off(client, tea):
    for url in ["/", tea.get_absolute_url(), "/healthz", "/cms/login/"]:
        header = client.get(url).headers["Permissions-Policy"]
        features = dict(item.strip().split("=", 1) for item in header.split(","))
        for feature in ["camera", "microphone", "geolocation", "payment", "usb", "serial"]:
            assert features[feature] == "()", feature
        assert features["fullscreen"].startswith("(self ")


def test_the_policy_reports_violations_to_the_sites_endpoint(client, tea):
    policy = directives(client.get(tea.get_absolute_url()))

    assert policy["report-uri"] == [reverse("csp-report")]


def _report(client, body, content_type="application/csp-report"):
    return client.post(reverse("csp-report"), body, content_type=content_type)


def test_a_violation_report_is_logged(client, caplog):
    report = {
        "csp-report": {
            "document-uri": "https://ocop.example.vn/shop/",
            "violated-directive": "script-src-elem",
            "blocked-uri": "inline",
        }
    }
    with caplog.at_level(logging.WARNING, logger="marketplace.csp"):
        response = _report(client, json.dumps(report))

    assert response.status_code == 204
    assert "script-src-elem blocked inline on https://ocop.example.vn/shop/" in caplog.text


def test_a_report_cannot_forge_log_lines(client, caplog):
    report = {"csp-report": {"violated-directive": "img-src\nCRITICAL admin logged in"}}
    with caplog.at_level(logging.WARNING, logger="marketplace.csp"):
        _report(client, json.dumps(report))

    assert [record.getMessage().count("\n") for record in caplog.records] == [0]


@pytest.mark.parametrize(
    "body",
    [
        "not json {",
        "[1, 2, 3]",
        '{"csp-report": "x"}',
        b"\xff\xfe\x00",
        "{}" + " " * 9000,
        "[" * 4000 + "]" * 4000,  # under the size cap, nested deeper than Python recurses
    ],
)
def test_a_malformed_or_oversized_report_is_dropped_unlogged(client, caplog, body):
    with caplog.at_level(logging.WARNING):
        response = _report(client, body)

    # 204 all the same: an error status would be logged by Django, so a flood of junk
    # would fill the logs past the cap.
    assert response.status_code == 204
    assert caplog.records == []


def test_the_report_endpoint_takes_only_posts(client):
    assert client.get(reverse("csp-report")).status_code == 405


def test_a_flood_of_reports_is_capped(client, caplog, settings):
    settings.CSP_REPORTS_PER_MINUTE = 5
    report = json.dumps({"csp-report": {"violated-directive": "img-src", "blocked-uri": "x"}})
    with caplog.at_level(logging.WARNING, logger="marketplace.csp"):
        statuses = {_report(client, report).status_code for _ in range(20)}

    assert statuses == {204}
    assert len(caplog.records) == 5


def test_the_anonymous_basket_cookie_is_httponly_and_secure_in_production(client, tea, settings):
    settings.OSCAR_BASKET_COOKIE_SECURE = True  # as production mode sets it

    response = checkout_steps.add_to_basket(client, tea)

    cookie = response.cookies[settings.OSCAR_BASKET_COOKIE_OPEN]
    assert cookie["secure"] is True and cookie["httponly"] is True
