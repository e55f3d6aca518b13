"""An English-speaking shopper, in Chromium: chooses English once, then browses, searches,
buys with cash on delivery and reads the package's QR page, all in English.

"All in English" is checked against the project's own English catalogue: no interface text
written in Vietnamese (a msgid with Vietnamese letters that has an English translation)
shows on any of the pages. Names stay as they are (the cooperative, the places).
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.guest_checkout import guest_cod_checkout
from tests.cms_pages import translate
from tests.factories import CooperativeFactory, category, home_page, ocop_product, trace_batch

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

GTIN = "8934567890120"
TEA_EN = "Tan Cuong green tea 200 g"
VIETNAMESE_LETTERS = re.compile(
    r"[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]", re.IGNORECASE
)


@pytest.fixture
def shop(transactional_db, search_server):
    from oscar.core.loading import get_model

    cooperative = CooperativeFactory(partner__name="Hợp tác xã Chè Tân Cương")
    tea = category("Chè")
    tea.name_en = "Tea"
    tea.save()
    product = ocop_product(cooperative=cooperative, title="Chè xanh Tân Cương 200 g",
                           price=125000, category=tea, upc=GTIN)  # fmt: skip
    product.title_en = TEA_EN
    product.description_en = "<p>Young tea buds picked by hand at dawn.</p>"
    product.save()
    batch = trace_batch(cooperative=cooperative, product=product)
    translate(home_page(), title="OCOP market", hero_heading="OCOP specialities")
    get_model("address", "Country").objects.get_or_create(
        iso_3166_1_a2="VN",
        defaults={"printable_name": "Việt Nam", "name": "Việt Nam", "is_shipping_country": True},
    )
    search_server.rebuild()
    return {"product": product, "batch": batch, "names": [cooperative.partner.name]}


def _first_place(page):
    page.select_option("#id_province_code", index=1)
    expect(page.locator("#id_ward_code option")).not_to_have_count(1)
    page.select_option("#id_ward_code", index=1)


def vietnamese_interface_texts():
    """Return the interface texts written in Vietnamese that have an English translation."""
    from django.utils.translation import trans_real

    texts = set()
    for msgid, msgstr in trans_real.translation("en")._catalog.items():
        if isinstance(msgid, tuple):  # a plural form: (msgid, n)
            msgid = msgid[0]
        msgid = msgid.split("\x04")[-1]  # without its context
        if (
            VIETNAMESE_LETTERS.search(msgid)
            and msgstr
            and msgstr != msgid
            and len(msgid.split()) >= 2
            and not re.search(r"[%{<\n]", msgid)
        ):
            texts.add(msgid)
    return texts


def test_an_english_shopper_browses_searches_buys_and_reads_the_qr_page_in_english(
    page, live_server, shop
):
    from oscar.core.loading import get_model

    base, seen = live_server.url, {}
    # Names stay Vietnamese: the cooperative's "Hợp tác xã …" is not interface text.
    untranslated = {
        text for text in vietnamese_interface_texts() if not any(text in n for n in shop["names"])
    }
    assert len(untranslated) > 200  # the catalogue was read

    def shown():
        text = " ".join(page.locator("body").inner_text().split())
        return sorted(t for t in untranslated if t in text)

    def look(name):
        expect(page.locator("html")).to_have_attribute("lang", "en")
        seen[name] = shown()

    page.goto(base + "/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    assert len(shown()) >= 5  # the check sees the Vietnamese interface where it is
    page.locator("#language_selector button[data-language=en]").click()
    expect(page).to_have_url(base + "/en/")
    look("home")

    page.goto(base + "/en/shop/catalogue/")
    look("catalogue")
    expect(page.locator(".product-card__title").first).to_have_text(TEA_EN)
    page.locator(".side_categories").get_by_role("link", name="Tea").click()
    expect(page.locator("h1")).to_have_text("Tea")
    look("category")

    box = page.locator("#id_q")
    box.fill("green tea")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/shop/search/\?q=green"))
    look("search")
    page.get_by_role("link", name=TEA_EN).first.click()
    expect(page.locator("h1")).to_have_text(TEA_EN)
    expect(page.locator(".product_main .price_color")).to_have_text(re.compile(r"125\.000\s₫"))
    look("product")

    with page.expect_navigation():
        page.locator("#add_to_basket_form button[type=submit]").click()
    page.goto(base + "/en/shop/basket/")
    look("basket")
    guest_cod_checkout(
        page, base, email="visitor@example.com", full_name="Jane Doe",
        line1="12 Hung Vuong Street", choose_place=_first_place, look=look, language="/en",
    )  # fmt: skip
    order = get_model("order", "Order").objects.get()
    assert order.payment.method == "cod"

    batch = shop["batch"]
    page.goto(base + f"/01/0{GTIN}/10/{batch.lot_code}")
    expect(page.locator("body")).to_contain_text(batch.lot_code)
    look("QR page")
    expect(page.locator("body")).to_contain_text(TEA_EN)

    assert seen == {name: [] for name in seen}, seen
