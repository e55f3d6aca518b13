"""CMS pages in two languages: each translation at its own address, the switcher, and
the visitor's choice kept to the pages they open."""

import pytest

from tests import cms_pages

pytestmark = pytest.mark.django_db


def test_an_english_translation_has_its_own_address_hreflang_and_switcher_link(
    client, home_page, settings
):
    settings.SITE_URL = "https://cho-ocop.example"
    page = cms_pages.campaign(home_page)
    english = cms_pages.translate(page, title="OCOP Tết gifts")

    assert english.url == "/en/qua-tet/"
    # On SITE_URL, whatever host the request names.
    html = client.get("/qua-tet/", HTTP_HOST="evil.example").content.decode()
    assert (
        '<link rel="alternate" hreflang="en" href="https://cho-ocop.example/en/qua-tet/">' in html
    )
    assert '<link rel="alternate" hreflang="vi" href="https://cho-ocop.example/qua-tet/">' in html
    assert '<link rel="canonical" href="https://cho-ocop.example/qua-tet/">' in html
    assert "evil.example" not in html
    assert "?next=/en/qua-tet/" in html.replace("%2F", "/")

    response = client.get("/en/qua-tet/")
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()
    assert "OCOP Tết gifts" in response.content.decode()


def test_choosing_english_opens_the_english_address_and_vietnamese_ones_stay_vietnamese(
    client, home_page
):
    cms_pages.translate(cms_pages.campaign(home_page), title="OCOP Tết gifts")

    response = client.post("/i18n/setlang/?next=/en/qua-tet/", {"language": "en"})
    assert response.status_code == 302 and response["Location"] == "/en/qua-tet/"
    assert '<html lang="en"' in client.get("/en/qua-tet/").content.decode()

    # The address decides: a Vietnamese address opened later is Vietnamese, no redirect.
    later = client.get("/qua-tet/")
    assert later.status_code == 200 and '<html lang="vi"' in later.content.decode()
    assert '<html lang="vi"' in client.get("/shop/basket/").content.decode()
    assert '<html lang="en"' in client.get("/en/shop/basket/").content.decode()


def test_english_on_a_page_with_no_english_at_all_opens_the_english_shop(client, home_page):
    cms_pages.campaign(home_page)  # no English translation, and no English home page

    html = client.get("/qua-tet/").content.decode().replace("%2F", "/")

    assert "?next=/en/shop/catalogue/" in html
    assert '<html lang="en"' in client.get("/en/shop/catalogue/").content.decode()


def test_opening_an_english_address_does_not_turn_later_pages_english(client, home_page):
    cms_pages.translate(cms_pages.campaign(home_page), title="OCOP Tết gifts")

    client.get("/en/qua-tet/")

    assert "django_language" not in client.cookies
    assert '<html lang="vi"' in client.get("/shop/basket/").content.decode()


def test_the_language_switch_refuses_other_sites_and_unknown_languages(client):
    response = client.post("/i18n/setlang/?next=https://evil.example/", {"language": "xx"})

    assert response["Location"] == "/"
    assert "django_language" not in response.cookies
