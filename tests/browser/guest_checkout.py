"""A guest's checkout paying on delivery, step by step in the browser (journey tests)."""

import re

from playwright.sync_api import expect


def guest_cod_checkout(page, base, *, email, full_name, line1, choose_place, look, language=""):
    """Check the basket out as a guest paying cash on delivery, from the checkout's first
    step to the thank-you page, under ``language``'s address prefix ("" or "/en").

    ``choose_place(page)`` picks the province and the ward on the address form;
    ``look(name)`` is called on every step (to check the page there).
    """
    checkout = f"{language}/shop/checkout/"
    page.goto(base + checkout)
    look("checkout: who are you")
    page.fill("#id_username", email)
    page.check("input[name=options][value=anonymous]")
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(re.escape(checkout) + "shipping-address/$"))
    look("checkout: address")
    page.fill("#id_full_name", full_name)
    page.fill("#id_phone_number", "0912345678")
    page.fill("#id_line1", line1)
    choose_place(page)
    page.locator("#new_shipping_address button[type=submit]").click()
    if "/shipping-method/" in page.url:
        look("checkout: shipping method")
        page.locator("form[action$='/checkout/shipping-method/'] button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(re.escape(checkout) + "payment-method/$"))
    look("checkout: payment")
    expect(page.locator("input[name=method][value=cod]")).to_be_checked()
    page.locator("#choose-payment").click()
    expect(page).to_have_url(re.compile(r"/preview/$"))
    look("checkout: preview")
    page.locator("#place-order").click()
    expect(page).to_have_url(re.compile(re.escape(checkout) + "thank-you/$"))
    look("checkout: thank you")
