"""One product as a feed item: the fields of Google's product data specification, which
Meta's catalogue reads too, in the active language.

Texts are plain text: a cooperative's HTML (and any script in it) is reduced to its words,
and characters XML cannot carry are dropped. Prices and availability are the shop's own
(the pricing strategy a product page asks). A product the shop cannot show in a channel
is left out and counted: without a price (it cannot be bought) or without a picture
(Google and Meta refuse items without ``image_link``).
"""

import re
from collections import Counter

from django.utils.text import Truncator
from oscar.core.loading import get_class

from catalogue.gtin import gtin_is_valid
from marketplace.links import absolute_url
from marketplace.sanitize import html_text

Selector = get_class("partner.strategy", "Selector")

# The columns of the CSV, in order; the XML writes the same names as ``g:`` elements.
FIELDS = (
    "id", "title", "description", "link", "image_link", "additional_image_link",
    "availability", "price", "condition", "brand", "gtin", "identifier_exists",
    "google_product_category", "product_type", "item_group_id", "shipping_weight",
)  # fmt: skip
# Google's limits, in characters.
TITLE_MAX, DESCRIPTION_MAX, BRAND_MAX, PRODUCT_TYPE_MAX = 150, 5000, 70, 750
ADDITIONAL_IMAGES_MAX = 10
IN_STOCK, OUT_OF_STOCK = "in_stock", "out_of_stock"

# Google's product taxonomy (ids of taxonomy-with-ids.en-US), by the slug of the shop's
# top-level category. A category not named here gets none: Google then chooses one.
GOOGLE_CATEGORIES = {
    "che-tra": "2073",  # Food, Beverages & Tobacco > Beverages > Tea & Infusions
    "do-uong": "413",  # Food, Beverages & Tobacco > Beverages
    "gao": "422",  # Food, Beverages & Tobacco > Food Items
    "mat-ong": "422",
    "trai-cay": "422",
    "dac-san-che-bien": "422",
    "nuoc-mam-gia-vi": "422",
}

# Characters XML 1.0 cannot carry (C0 controls but tab and newlines, lone surrogates,
# non-characters), and C1 controls no reader wants.
_NOT_TEXT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)
# Block-level tags part words: "<p>Chè</p><p>Mật ong</p>" reads "Chè Mật ong", not "ChèMật ong".
_BLOCK_TAG = re.compile(r"<(?=/?(?:p|br|li|ul|ol|h[1-6]|div|blockquote|tr|td|th)\b)", re.I)


def plain_text(value, limit):
    """Return ``value`` (text or a seller's HTML) as one line of plain text of at most
    ``limit`` characters."""
    text = str(value or "")
    # Escaped markup ("&lt;script&gt;") becomes markup once unescaped: strip until stable.
    for _attempt in range(5):
        stripped = html_text(_BLOCK_TAG.sub(" <", text))
        if stripped == text:
            break
        text = stripped
    text = " ".join(_NOT_TEXT.sub(" ", text).split())
    return Truncator(text).chars(limit)


def _price(amount):
    """Return whole đồng as Google writes a price: "150000 VND"."""
    return f"{amount:.0f} VND"


def _weight(kilograms):
    return f"{kilograms.normalize():f} kg"


def _image_url(image):
    original = getattr(image, "original", None)
    if not original:
        return ""
    url = original.url
    # A storage on another host (a CDN) gives whole addresses; ours gives paths.
    return absolute_url(url) if url.startswith("/") else url


class FeedItems:
    """Iterate over the items of ``products`` (``selectors.feed_products``) in the active
    language; ``skipped`` counts the products left out, by reason."""

    def __init__(self, products, categories):
        self.products = products
        self.categories = categories  # selectors.category_paths(), in the same language
        self.skipped = Counter()
        self.strategy = Selector().strategy()

    def __iter__(self):
        for product in self.products:
            if product.is_parent:
                for variant in product.feed_variants:
                    item = self._item(variant, parent=product)
                    if item is not None:
                        yield item
                continue
            item = self._item(product)
            if item is not None:
                yield item

    def _item(self, product, parent=None):
        """Return the fields of ``product`` (a variant of ``parent``), or None when it
        cannot be listed."""
        owner = parent or product  # a variant's page, categories and seller are its parent's
        info = self.strategy.fetch_for_product(product)
        if not info.price.exists or info.price.incl_tax is None or info.price.incl_tax <= 0:
            self.skipped["price"] += 1
            return None
        images = list(product.images.all()) or (list(parent.images.all()) if parent else [])
        urls = [url for url in map(_image_url, images) if url]
        if not urls:
            self.skipped["image"] += 1
            return None
        title = plain_text(product.title or owner.title, TITLE_MAX)
        if not title:
            self.skipped["title"] += 1
            return None
        gtin = (product.upc or "").strip()
        gtin = gtin if gtin_is_valid(gtin) else ""
        root_slug, category_path = self._category(owner)
        weight = product.shipping_weight_kg
        if weight is None and parent is not None:
            weight = parent.shipping_weight_kg
        description = product.description or owner.description
        return {
            "id": str(product.pk),
            "title": title,
            "description": plain_text(description, DESCRIPTION_MAX) or title,
            "link": absolute_url(owner.get_absolute_url()),
            "image_link": urls[0],
            "additional_image_link": urls[1 : 1 + ADDITIONAL_IMAGES_MAX],
            "availability": IN_STOCK if info.availability.is_available_to_buy else OUT_OF_STOCK,
            "price": _price(info.price.incl_tax),
            "condition": "new",
            "brand": plain_text(owner.cooperative.name, BRAND_MAX),
            "gtin": gtin,
            "identifier_exists": "" if gtin else "no",
            "google_product_category": GOOGLE_CATEGORIES.get(root_slug, ""),
            "product_type": plain_text(" > ".join(category_path), PRODUCT_TYPE_MAX),
            "item_group_id": str(parent.pk) if parent else "",
            "shipping_weight": _weight(weight) if weight else "",
        }

    def _category(self, product):
        """Return (root slug, names) of the product's deepest public category."""
        known = [self.categories[c.pk] for c in product.feed_categories if c.pk in self.categories]
        if not known:
            return "", []
        return max(known, key=lambda found: (len(found[1]), found[1]))
