"""Vietnamese addresses of the 2025 units: province (tỉnh/thành phố) → commune/ward.

The shipping address keeps the names the courier reads: the ward in ``line4`` (Oscar's
"city") and the province in ``state``. The codes are looked up again from those names,
which are unique within their parent unit (``marketplace.places``).
"""

from marketplace.places import province_code_by_name

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


def address_province_code(address):
    """Return the province code of an Oscar address in Vietnam, or None."""
    if address is None or getattr(address, "country_id", None) != "VN":
        return None
    return province_code_by_name(address.state)
