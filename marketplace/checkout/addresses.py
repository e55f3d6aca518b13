"""Vietnamese addresses of the 2025 units: province (tỉnh/thành phố) → commune/ward.

The shipping address keeps the names the courier reads: the ward in ``line4`` (Oscar's
"city") and the province in ``state``. The codes are looked up again from those names,
which are unique within their parent unit.
"""

import functools

from vietnam_provinces import Province, Ward

# Regions for shipping fees: the courier's zones (north, centre, south) by province code.
NORTH = frozenset({1, 4, 8, 11, 12, 14, 15, 19, 20, 22, 24, 25, 31, 33, 37})
CENTRE = frozenset({38, 40, 42, 44, 46, 48, 51, 52, 56, 66, 68})
SOUTH = frozenset({75, 79, 80, 82, 86, 91, 92, 96})


def region_of(province_code):
    """Return "north", "centre" or "south" for a province code."""
    if province_code in NORTH:
        return "north"
    if province_code in CENTRE:
        return "centre"
    return "south"


@functools.cache
def province_choices():
    """Return the 34 provinces as select choices, in the official order."""
    return [(int(p.code), p.name) for p in Province.iter_all()]


@functools.cache
def _provinces_by_name():
    return {p.name: int(p.code) for p in Province.iter_all()}


@functools.cache
def wards_of(province_code):
    """Return ``[(ward_code, ward_name), ...]`` of one province (empty for an unknown code)."""
    return [(int(w.code), w.name) for w in Ward.iter_by_province(province_code)]


def province_code_by_name(name):
    """Return the code of the province called ``name``, or None."""
    return _provinces_by_name().get((name or "").strip())


def ward_code_by_name(province_code, name):
    """Return the code of the ward called ``name`` in the province, or None."""
    name = (name or "").strip()
    return next((code for code, ward in wards_of(province_code) if ward == name), None)


def ward_in_province(ward_code, province_code):
    """True when the ward (by code) exists and belongs to the province."""
    try:
        return int(Ward.from_code(ward_code).province_code) == int(province_code)
    except (TypeError, ValueError):
        return False


def address_province_code(address):
    """Return the province code of an Oscar address in Vietnam, or None."""
    if address is None or getattr(address, "country_id", None) != "VN":
        return None
    return province_code_by_name(address.state)
