"""GTIN (GS1 trade item numbers): validation and the 14-digit form used in URIs."""

VALID_LENGTHS = (8, 12, 13, 14)


def gtin_check_digit(body):
    """Return the mod-10 check digit for the digits ``body`` (everything but the check digit)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def gtin_is_valid(value):
    """Return True for an 8, 12, 13 or 14 digit GTIN whose check digit is right."""
    value = (value or "").strip()
    if not value.isascii() or not value.isdigit() or len(value) not in VALID_LENGTHS:
        return False
    return gtin_check_digit(value[:-1]) == int(value[-1])


def gtin14(value):
    """Return the GTIN padded to 14 digits, as GS1 Digital Link URIs carry it."""
    return value.strip().zfill(14)
