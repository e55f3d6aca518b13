"""What search engines read: the sitemap in both languages, and the JSON-LD of products
and cooperatives; a cooperative's profile links its stories."""

import pytest

from tests import cms_pages
from tests.factories import ocop_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    return cms_pages.rule_catalogue()


def test_the_sitemap_lists_pages_in_both_languages_products_and_cooperatives(
    client, home_page, catalogue, settings
):
    settings.SITE_URL = "https://cho-ocop.example"
    cms_pages.translate(cms_pages.campaign(home_page), title="OCOP Tết gifts")

    xml = client.get("/sitemap.xml", HTTP_HOST="evil.example").content.decode()

    site = "https://cho-ocop.example"
    assert f"<loc>{site}/qua-tet/</loc>" in xml
    assert f"<loc>{site}/en/qua-tet/</loc>" in xml
    assert f"<loc>{site}{catalogue['five'].get_absolute_url()}</loc>" in xml
    assert f"<loc>{site}{catalogue['thai_nguyen'].get_absolute_url()}</loc>" in xml
    assert "evil.example" not in xml
    assert catalogue["pending"].get_absolute_url() not in xml
    assert "htx-che-" in xml


def test_a_product_page_carries_product_json_ld_with_a_vnd_offer(client, catalogue):
    product = catalogue["five"]

    html = client.get(product.get_absolute_url()).content.decode()

    (data,) = cms_pages.json_ld(html, "Product")
    assert data["name"] == "Chè Tân Cương đặc biệt"
    assert data["url"] == f"http://127.0.0.1:8000{product.get_absolute_url()}"
    assert data["brand"]["name"] == "HTX Chè Tân Cương"
    assert data["offers"] == {
        "@type": "Offer",
        "url": data["url"],
        "priceCurrency": "VND",
        "price": "150000",
        "availability": "https://schema.org/InStock",
        "itemCondition": "https://schema.org/NewCondition",
        "seller": {"@type": "Organization", "name": "HTX Chè Tân Cương"},
    }


def test_a_sold_out_product_is_offered_out_of_stock(client, catalogue):
    html = client.get(catalogue["sold_out"].get_absolute_url()).content.decode()

    (data,) = cms_pages.json_ld(html, "Product")
    assert data["offers"]["availability"] == "https://schema.org/OutOfStock"


def test_a_cooperative_profile_links_its_stories_in_the_visitors_language(
    client, home_page, catalogue
):
    index = cms_pages.story_index(home_page)
    story = cms_pages.story(index, cooperative=catalogue["thai_nguyen"], title="Ba đời làm chè")
    cms_pages.translate(story, title="Three generations of tea")
    cms_pages.story(index, slug="khac", title="Chuyện hợp tác xã khác")

    vietnamese = client.get(catalogue["thai_nguyen"].get_absolute_url()).content.decode()
    english = client.get("/en" + catalogue["thai_nguyen"].get_absolute_url()).content.decode()

    assert 'href="/cau-chuyen/doi-che-cam-my/"' in vietnamese and "Ba đời làm chè" in vietnamese
    assert "Chuyện hợp tác xã khác" not in vietnamese
    assert "Three generations of tea" in english and "Ba đời làm chè" not in english


def test_a_cooperative_profile_carries_an_organization(client, catalogue):
    html = client.get(catalogue["thai_nguyen"].get_absolute_url()).content.decode()

    (data,) = cms_pages.json_ld(html, "Organization")
    assert data["name"] == "HTX Chè Tân Cương"
    assert data["address"]["addressRegion"] == "Thái Nguyên"
    assert data["address"]["addressCountry"] == "VN"


def test_json_ld_cannot_close_its_script_element(client, cooperative):
    product = ocop_product(cooperative=cooperative, title="Chè </script><script>alert(1)",
                           price=1000)  # fmt: skip

    html = client.get(product.get_absolute_url()).content.decode()

    assert "</script><script>alert(1)" not in html
    assert cms_pages.json_ld(html, "Product")[0]["name"] == "Chè </script><script>alert(1)"
