"""Where a batch lives on the web: its GS1 Digital Link path, or the site's short path."""

from urllib.parse import quote

from catalogue.gtin import gtin14, gtin_is_valid
from marketplace.links import absolute_url


def product_gtin14(product):
    """Return the product's GTIN padded to 14 digits, or None when it has no valid GTIN."""
    upc = (product.upc or "").strip()
    return gtin14(upc) if gtin_is_valid(upc) else None


def batch_path(batch):
    """Return ``/01/<GTIN-14>/10/<lot>`` (lot percent-encoded), or ``/t/<code>`` without a GTIN.

    Products of small cooperatives often have no GTIN (no GS1 membership): their QR codes
    use the site's own short path, and the page says so.
    """
    gtin = product_gtin14(batch.product)
    if gtin is None:
        return f"/t/{batch.short_code}"
    return f"/01/{gtin}/10/{quote(batch.lot_code, safe='')}"


def batch_uri(batch):
    """Return the absolute URI a batch's QR code carries."""
    return absolute_url(batch_path(batch))
