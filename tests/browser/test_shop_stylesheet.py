"""The shop's cut of Oscar's stylesheet (static/css/shop.css, marketplace.shop_assets) draws
every shop page exactly as Oscar's whole stylesheet and icon font do, in Chromium: the same
pixels, on a phone and a desktop, with menus opened by Bootstrap's scripts."""

import io

import pytest
from django.urls import reverse
from PIL import Image, ImageChops, ImageDraw

from tests.factories import CooperativeFactory, category, home_page, ocop_certificate, ocop_product

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

OSCAR_STYLES = "/static/oscar/css/styles.css"
# Every picture's box on the page, in the whole page pixels it touches (a full-page shot's).
PICTURE_BOXES = """Array.from(document.images).map(i => {
    const r = i.getBoundingClientRect();
    return [Math.floor(r.left + scrollX), Math.floor(r.top + scrollY),
            Math.ceil(r.right + scrollX), Math.ceil(r.bottom + scrollY)];
})"""


@pytest.fixture
def shop(transactional_db):
    cooperative = CooperativeFactory(partner__name="Hợp tác xã Chè Cam My")
    tea = category("Chè")
    product = ocop_product(cooperative=cooperative, title="Chè Cam My búp 200 g",
                           price=125000, category=tea)  # fmt: skip
    ocop_certificate(product=product, stars=4)
    ocop_product(cooperative=cooperative, title="Mật ong hoa nhãn", price=180000,
                 category=category("Mật ong"), num_in_stock=0)  # fmt: skip
    home_page()
    return {"category": tea, "product": product, "cooperative": cooperative}


def _shot(page):
    # Every picture loaded first: a lazy one would load, or not, as the page is captured.
    page.evaluate(
        "document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')"
    )
    page.wait_for_function("Array.from(document.images).every(i => i.complete)")
    page.wait_for_load_state("networkidle")
    # And every font: an icon font still loading draws nothing where its icons go.
    page.evaluate("document.fonts.ready.then(() => true)")
    png = page.screenshot(full_page=True, animations="disabled", caret="hide")
    shot = Image.open(io.BytesIO(png)).convert("RGB")
    # The pictures' boxes are compared, not their pixels: Chromium may paint a picture
    # from a coarser decode first and a finer one later (seen: the same placeholder 13
    # levels apart on a phone, one run in ten), which no stylesheet causes.
    boxes = page.evaluate(PICTURE_BOXES)
    draw = ImageDraw.Draw(shot)
    for left, top, right, bottom in boxes:
        if right > left and bottom > top:
            draw.rectangle((left, top, right - 1, bottom - 1), fill=(255, 0, 255))
    return shot, boxes


def _with_oscars_stylesheet(page):
    """Put Oscar's whole stylesheet in place of the shop's cut, and wait for it to apply."""
    page.evaluate(
        """href => new Promise(done => {
            const link = document.querySelector('link[href*="/css/shop"]');
            link.addEventListener('load', () => document.fonts.ready.then(done));
            link.href = href;
        })""",
        OSCAR_STYLES,
    )


def _compare(page, label, act=None):
    if act:
        act(page)
    ours, our_boxes = _shot(page)
    _with_oscars_stylesheet(page)
    if act:  # the state again (a menu open), now under Oscar's stylesheet
        page.reload()
        page.wait_for_load_state("networkidle")
        _with_oscars_stylesheet(page)
        act(page)
    oscars, oscars_boxes = _shot(page)
    assert our_boxes == oscars_boxes, label
    assert ours.size == oscars.size, label
    assert ImageChops.difference(ours, oscars).getbbox() is None, label


def _pages(live_server, shop):
    return {
        "home": "/",
        "catalogue": reverse("catalogue:index"),
        "category": shop["category"].get_absolute_url(),
        "product": shop["product"].get_absolute_url(),
        "search": "/shop/search/?q=che",
        "cooperative": shop["cooperative"].get_absolute_url(),
        "basket": reverse("basket:summary"),
        "sign in": reverse("customer:login"),
        "not found": "/shop/khong-co-trang-nay/",
    }


@pytest.mark.parametrize("phone", [True, False], ids=["phone", "desktop"])
def test_shop_pages_look_the_same_with_the_shops_cut_of_oscars_stylesheet(
    new_context, live_server, shop, phone
):
    page = new_context(phone=phone)
    # A basket with a line, and the message saying so, on the pages after.
    page.goto(live_server.url + shop["product"].get_absolute_url())
    # The form posts and redirects: wait for that page, not for the one being left.
    with page.expect_navigation():
        page.locator("#add_to_basket_form button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    _compare(page, "basket message")
    for label, path in _pages(live_server, shop).items():
        page.goto(live_server.url + path)
        _compare(page, label)


def test_menus_opened_by_bootstraps_scripts_look_the_same(new_context, live_server, shop):
    phone = new_context(phone=True)
    phone.goto(live_server.url + "/shop/catalogue/")
    _compare(phone, "phone menu", lambda p: p.locator(".navbar-toggler").first.click())

    desktop = new_context(phone=False)
    desktop.goto(live_server.url + "/shop/catalogue/")
    _compare(desktop, "browse menu", lambda p: p.locator("#navbarDropdown").first.click())
