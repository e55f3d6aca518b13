"""Vietnam's places since the 2025 reform: 34 provinces and cities (tỉnh/thành phố), each
divided into communes and wards (xã/phường), from the ``vietnam-provinces`` package.

The one source of place choices, names and lookups: forms, addresses, search facets, the
CMS and the demo all ask here.
"""

import functools

from vietnam_provinces import Province, Ward


@functools.cache
def province_choices():
    """Return the 34 provinces as select choices ``[(code, name), …]``, in the official order."""
    return [(int(p.code), p.name) for p in Province.iter_all()]


@functools.cache
def province_choices_by_name():
    """Return the province choices in alphabetical order of their names."""
    return sorted(province_choices(), key=lambda choice: choice[1])


@functools.cache
def province_names():
    """Return ``{code: name}`` of the 34 provinces."""
    return dict(province_choices())


@functools.cache
def _provinces_by_name():
    return {name: code for code, name in province_choices()}


@functools.cache
def wards_of(province_code):
    """Return ``[(ward_code, ward_name), …]`` of one province (empty for an unknown code)."""
    return [(int(w.code), w.name) for w in Ward.iter_by_province(province_code)]


@functools.cache
def ward_choices():
    """Return every commune and ward, grouped by province (one <optgroup> each)."""
    return [(name, wards_of(code)) for code, name in province_choices()]


def province_name(code):
    """Return the province's official name, e.g. "Phú Thọ", or "" for no or an unknown code."""
    return province_names().get(_int_or_none(code), "")


def ward_name(code):
    """Return the commune or ward's official name, e.g. "Xã Cẩm Khê", or ""."""
    try:
        return Ward.from_code(int(code)).name
    except (TypeError, ValueError):
        return ""


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
        return int(Ward.from_code(int(ward_code)).province_code) == int(province_code)
    except (TypeError, ValueError):
        return False


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
