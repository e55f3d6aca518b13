"""Nothing moves under a shopper's thumb while a shop page loads on a phone: Chromium's own
layout-shift score (CLS, as Lighthouse counts it) stays under 0.1, the "good" threshold."""

import time

import pytest
from django.urls import reverse

from tests.factories import CooperativeFactory, category, home_page, ocop_product

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LAYOUT_SHIFT = """() => new Promise(done => {
    let score = 0;
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) { if (!entry.hadRecentInput) score += entry.value; }
    }).observe({type: "layout-shift", buffered: true});
    setTimeout(() => done(score), 500);
})"""


@pytest.fixture
def shop(transactional_db):
    cooperative = CooperativeFactory(partner__name="Hợp tác xã Chè Cam My")
    tea = category("Chè")
    product = ocop_product(cooperative=cooperative, title="Chè Cam My búp 200 g",
                           price=125000, category=tea)  # fmt: skip
    for n in range(6):
        ocop_product(cooperative=cooperative, title=f"Chè búp số {n}", price=90000 + n,
                     category=tea)  # fmt: skip
    home_page()
    return {"category": tea, "product": product}


def test_shop_pages_do_not_shift_as_they_load_on_a_phone(phone_page, live_server, shop):
    pages = {
        "home": "/",
        "catalogue": reverse("catalogue:index"),
        "category": shop["category"].get_absolute_url(),
        "search": "/shop/search/?q=che",
        "product": shop["product"].get_absolute_url(),
    }
    # Scripts arrive late, as on a slow connection: the page is drawn before they run.
    phone_page.route("**/*.js", lambda route: (time.sleep(0.4), route.continue_()))
    for label, path in pages.items():
        phone_page.goto(live_server.url + path)
        phone_page.wait_for_load_state("networkidle")

        assert phone_page.evaluate(LAYOUT_SHIFT) < 0.1, label


def test_the_filters_are_open_on_a_wide_screen(page, live_server, shop):
    page.goto(live_server.url + reverse("catalogue:index"))

    assert page.locator("details.facet-panel").get_attribute("open") is not None
