"""A campaign's product rule by stars: the best valid OCOP rating decides, as on the cards."""

import datetime

import pytest
from django.utils import timezone

from cms.selectors import products_by_rule
from tests.factories import CooperativeFactory, ocop_certificate, ocop_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def rated():
    cooperative = CooperativeFactory()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)

    def product(title, *certificates):
        made = ocop_product(cooperative=cooperative, title=title, price=100000)
        for stars, options in certificates:
            ocop_certificate(product=made, stars=stars, **options)
        return made

    return {
        "three": product("Ba sao", (3, {})),
        "four": product("Bốn sao", (4, {})),
        "five": product("Năm sao", (5, {})),
        # A valid 3 and a valid 5: rated 5 (the best), so not a 3-or-4-star product.
        "three and five": product("Ba và năm sao", (3, {}), (5, {})),
        # 5 stars expired yesterday, 4 valid: rated 4.
        "expired five": product("Năm sao hết hạn", (5, {"expires_on": yesterday}), (4, {})),
        "unverified five": product("Năm sao chưa xác minh", (5, {"verified": False})),
        "unrated": product("Chưa xếp hạng"),
    }


def titles(products):
    return {product.title for product in products}


@pytest.mark.parametrize(
    ("min_stars", "max_stars", "expected"),
    [
        (4, None, {"four", "five", "three and five", "expired five"}),
        (None, 4, {"three", "four", "expired five"}),
        (3, 4, {"three", "four", "expired five"}),
        (5, 5, {"five", "three and five"}),
        (None, None, {"three", "four", "five", "three and five", "expired five",
                      "unverified five", "unrated"}),
    ],
)  # fmt: skip
def test_the_star_rule_reads_the_best_valid_rating(rated, min_stars, max_stars, expected):
    found = products_by_rule(min_stars=min_stars, max_stars=max_stars)

    assert titles(found) == titles(rated[name] for name in expected)
    # Best-rated first, as the grid shows them.
    stars = [product.ocop_stars or 0 for product in found]
    assert stars == sorted(stars, reverse=True)
