from oscar.core.utils import slugify


def test_vietnamese_titles_slug_to_readable_ascii_with_crossed_d_kept():
    assert slugify("Đặc sản Đà Lạt") == "dac-san-da-lat"
    assert slugify("Chè Tân Cương đặc biệt") == "che-tan-cuong-dac-biet"
