"""One source of Vietnam's places: ``marketplace.places``."""

from marketplace import places

PHU_THO = 25


def test_the_34_provinces_come_in_the_official_order_and_by_name():
    choices = places.province_choices()

    assert len(choices) == 34
    assert (PHU_THO, "Phú Thọ") in choices
    assert places.province_choices_by_name() == sorted(choices, key=lambda c: c[1])


def test_a_ward_is_found_by_name_within_its_province_only():
    code = places.ward_code_by_name(PHU_THO, "Xã Cự Đồng")

    assert places.ward_name(code) == "Xã Cự Đồng"
    assert places.ward_in_province(code, PHU_THO)
    assert not places.ward_in_province(code, 1)
    assert (code, "Xã Cự Đồng") in dict(places.ward_choices())["Phú Thọ"]


def test_unknown_or_missing_codes_have_no_name():
    assert places.province_name(None) == places.province_name(999) == ""
    assert places.ward_name(None) == places.ward_name("x") == places.ward_name(999999) == ""
    assert places.province_code_by_name(" Phú Thọ ") == PHU_THO
    assert places.province_code_by_name("Vĩnh Phúc") is None  # merged into Phú Thọ in 2025
