"""Products for the search tests: a small catalogue across provinces, stars and prices."""

from tests import factories

THAI_NGUYEN, PHU_THO, HUNG_YEN, THANH_HOA, HA_NOI = 19, 25, 33, 38, 1


def product(cooperative, title, price, *, province=None, stars=None, category=None, stock=20,
            description=""):  # fmt: skip
    """Return an on-sale product, with a verified OCOP certificate when ``stars`` is given."""
    made = factories.ocop_product(
        cooperative=cooperative, title=title, price=price, category=category, num_in_stock=stock
    )
    made.origin_province_code = province or cooperative.province_code
    made.description = description
    made.save()
    if stars:
        factories.ocop_certificate(product=made, stars=stars)
    return made


def catalogue():
    """Create the search tests' catalogue; return {short name: product}."""
    tea_coop = factories.CooperativeFactory(partner__name="HTX Chè Tân Cương", slug="htx-tan-cuong")
    honey_coop = factories.CooperativeFactory(partner__name="HTX Ong Mật Hưng Yên", slug="htx-ong")
    rice_coop = factories.CooperativeFactory(partner__name="HTX Gạo Thanh Hóa", slug="htx-gao")
    tea = factories.category("Chè")
    honey = factories.category("Mật ong")
    return {
        "thai_nguyen_tea": product(tea_coop, "Chè Thái Nguyên Tân Cương", 250_000,
                                   province=THAI_NGUYEN, stars=5, category=tea),
        "phu_tho_tea": product(tea_coop, "Chè xanh Phú Thọ", 90_000, province=PHU_THO, stars=5,
                               category=tea),
        "phu_tho_green": product(tea_coop, "Chè búp Long Cốc", 150_000, province=PHU_THO, stars=4,
                                 category=tea),
        "bamboo": product(tea_coop, "Chẻ tre đan giỏ", 60_000, province=PHU_THO, stars=3),
        "honey": product(honey_coop, "Mật ong hoa nhãn", 180_000, province=HUNG_YEN, stars=4,
                         category=honey),
        "fish_sauce": product(honey_coop, "Nước mắm cốt", 120_000, province=HUNG_YEN,
                              stock=0),
        "rice": product(rice_coop, "Gạo ST25 đặc sản", 45_000, province=THANH_HOA, stars=5),
        "sticky_rice": product(rice_coop, "Xôi nếp Hòa Bình", 55_000, province=HA_NOI),
    }  # fmt: skip
