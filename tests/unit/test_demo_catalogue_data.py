"""The demo catalogue is realistic: enough cooperatives, provinces, products, categories."""

import unicodedata
from collections import Counter

from vietnam_provinces import Province, Ward

from marketplace.demo import data


def _gtin_check_digit_ok(gtin):
    digits = [int(d) for d in gtin]
    body, check = digits[:-1], digits[-1]
    total = sum(d * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def test_demo_has_at_least_twelve_cooperatives_from_six_of_the_34_provinces():
    provinces = {c["province_code"] for c in data.COOPERATIVES}
    valid = {int(p.code) for p in Province.iter_all()}

    assert len(data.COOPERATIVES) >= 12
    assert len(provinces) >= 6
    assert provinces <= valid


def test_every_cooperative_sits_in_a_real_post_2025_commune_or_ward():
    for cooperative in data.COOPERATIVES:
        wards = {w.name for w in Ward.iter_by_province(cooperative["province_code"])}
        assert cooperative["ward_name"] in wards, cooperative["slug"]


def test_demo_has_sixty_products_across_the_seven_ocop_categories():
    per_category = Counter(p["category"] for p in data.PRODUCTS)
    slugs = {c["slug"] for c in data.CATEGORIES}

    assert len(data.PRODUCTS) >= 60
    assert len(data.CATEGORIES) >= 7
    assert set(per_category) <= slugs
    assert len(per_category) >= 7


def test_every_product_belongs_to_a_demo_cooperative_with_a_whole_dong_price():
    cooperatives = {c["slug"] for c in data.COOPERATIVES}
    for product in data.PRODUCTS:
        assert product["cooperative"] in cooperatives
        assert isinstance(product["price"], int) and product["price"] > 0
        assert product["ocop_stars"] in (3, 4, 5)


def test_product_gtins_are_unique_vietnamese_gtin13_with_valid_check_digits():
    gtins = [p["gtin"] for p in data.PRODUCTS if p["gtin"]]

    assert len(gtins) == len(set(gtins))
    for gtin in gtins:
        assert len(gtin) == 13 and gtin.startswith("893"), gtin
        assert _gtin_check_digit_ok(gtin), gtin


def test_demo_texts_are_nfc_normalised_vietnamese():
    titles = [p["title"] for p in data.PRODUCTS]

    assert len(titles) == len(set(titles))
    for text in titles + [c["name"] for c in data.COOPERATIVES]:
        assert unicodedata.is_normalized("NFC", text), text
