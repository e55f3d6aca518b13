"""A shopper searches from a phone: suggestions while typing, then facets narrow the list."""

import pytest
from playwright.sync_api import expect

from tests import search_data
from tests.browser.accessibility import axe_problems

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def shop(transactional_db, search_server):
    catalogue = search_data.catalogue()
    search_server.rebuild()
    return catalogue


def test_suggestions_appear_after_two_letters_and_work_with_the_keyboard(page, live_server, shop):
    page.goto(live_server.url + "/shop/catalogue/")
    box = page.get_by_role("combobox", name="Tìm sản phẩm")
    box.press_sequentially("m")
    expect(page.get_by_role("listbox")).to_be_hidden()
    box.press_sequentially("at o")
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    first = listbox.get_by_role("option").first
    expect(first).to_contain_text("Mật ong hoa nhãn")
    box.press("ArrowDown")
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", "suggestion-0")
    box.press("Enter")
    expect(page).to_have_url(live_server.url + shop["honey"].get_absolute_url())


def test_escape_closes_the_suggestions_and_enter_searches(page, live_server, shop):
    page.goto(live_server.url + "/shop/catalogue/")
    box = page.get_by_role("combobox", name="Tìm sản phẩm")
    box.press_sequentially("che thai")
    expect(page.get_by_role("listbox")).to_be_visible()
    box.press("Escape")
    expect(page.get_by_role("listbox")).to_be_hidden()
    box.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("che thai")
    expect(page.locator(".product-card__title").first).to_have_text("Chè Thái Nguyên Tân Cương")


def test_facets_narrow_the_results_on_a_phone(phone_page, live_server, shop):
    page = phone_page
    page.goto(live_server.url + "/shop/catalogue/")
    # The search box is visible without opening the menu.
    expect(page.locator("#id_q")).to_be_visible()
    expect(page.get_by_test_id("result-count")).to_contain_text("8 sản phẩm")
    # On a phone the filters are folded away, so the products come first.
    facet = page.locator("[data-facet=province] a", has_text="Phú Thọ")
    expect(facet).to_be_hidden()
    page.get_by_text("Lọc sản phẩm").click()
    facet.click()
    expect(page.get_by_test_id("result-count")).to_contain_text("3 sản phẩm")
    page.get_by_text("Lọc sản phẩm (1)").click()
    page.locator("[data-facet=stars] a", has_text="5 sao").click()
    expect(page.get_by_test_id("result-count")).to_contain_text("1 sản phẩm")
    expect(page.locator(".product-card__title")).to_have_text(["Chè xanh Phú Thọ"])
    page.get_by_test_id("active-filters").get_by_role("link", name="Phú Thọ").click()
    expect(page.get_by_test_id("result-count")).to_contain_text("3 sản phẩm")


def test_the_open_suggestions_have_no_serious_accessibility_problem_on_a_phone(
    phone_page, live_server, shop
):
    page = phone_page
    page.goto(live_server.url + "/shop/catalogue/")
    box = page.get_by_role("combobox", name="Tìm sản phẩm")
    box.press_sequentially("mat o")
    expect(page.get_by_role("listbox")).to_be_visible()
    box.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", "suggestion-0")

    assert axe_problems(page) == []
