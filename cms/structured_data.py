"""schema.org JSON-LD for search engines: Product with Offer, Organization, Article."""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from marketplace.links import absolute_url
from marketplace.sanitize import html_text

SCHEMA = "https://schema.org"
# Inside <script>, "</script>" or "<!--" in a product name would end the block early.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(data):
    """Return a <script type="application/ld+json"> element holding ``data``, safely escaped."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308


def _text(value, words=60):
    return Truncator(html_text(value).strip()).words(words)


def _absolute(request, url):
    return absolute_url(url) if url else None


def product_data(*, request, product):
    """Return the Product (with its Offer in VND) of a product page."""
    data = {
        "@context": SCHEMA,
        "@type": "Product",
        "name": product.get_title(),
        "url": _absolute(request, product.get_absolute_url()),
        "sku": product.upc or str(product.pk),
    }
    if product.upc and product.upc.isdigit() and len(product.upc) in (8, 12, 13, 14):
        data[f"gtin{len(product.upc)}" if len(product.upc) != 14 else "gtin14"] = product.upc
    description = _text(product.description)
    if description:
        data["description"] = description
    image = product.primary_image()
    original = getattr(image, "original", None)
    if getattr(image, "pk", None) and original:
        data["image"] = [_absolute(request, original.url)]
    if product.cooperative_id:
        data["brand"] = {"@type": "Brand", "name": product.cooperative.name}
    if getattr(product, "ocop_stars", None):
        data["award"] = f"OCOP {product.ocop_stars}★"
    info = request.strategy.fetch_for_product(product)
    if info.price.exists:
        offer = {
            "@type": "Offer",
            "url": data["url"],
            "priceCurrency": info.price.currency or settings.OSCAR_DEFAULT_CURRENCY,
            "price": f"{info.price.incl_tax:.0f}",
            "availability": f"{SCHEMA}/"
            + ("InStock" if info.availability.is_available_to_buy else "OutOfStock"),
            "itemCondition": f"{SCHEMA}/NewCondition",
        }
        if product.cooperative_id:
            offer["seller"] = {"@type": "Organization", "name": product.cooperative.name}
        data["offers"] = offer
    return data


def cooperative_data(*, request, cooperative):
    """Return the Organization of a cooperative's profile."""
    data = {
        "@context": SCHEMA,
        "@type": "Organization",
        "name": cooperative.name,
        "url": _absolute(request, cooperative.get_absolute_url()),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": cooperative.address or None,
            "addressLocality": cooperative.ward_name,
            "addressRegion": cooperative.province_name,
            "addressCountry": "VN",
        },
    }
    story = cooperative.story_en if request.LANGUAGE_CODE == "en" else ""
    description = _text(story or cooperative.story)
    if description:
        data["description"] = description
    if cooperative.founded_year:
        data["foundingDate"] = str(cooperative.founded_year)
    if cooperative.phone:
        data["telephone"] = cooperative.phone
    if cooperative.email:
        data["email"] = cooperative.email
    if cooperative.logo:
        data["logo"] = _absolute(request, cooperative.logo.url)
    data["address"] = {k: v for k, v in data["address"].items() if v}
    return data


def article_data(*, request, page, image_url=None):
    """Return the Article of a story page."""
    url = page.get_full_url(request)
    data = {
        "@context": SCHEMA,
        "@type": "Article",
        "headline": Truncator(page.seo_title or page.title).chars(110),
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": page.locale.language_code,
        "datePublished": page.date.isoformat(),
        "publisher": {"@type": "Organization", "name": settings.OSCAR_SHOP_NAME},
    }
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    description = _text(page.search_description or page.intro)
    if description:
        data["description"] = description
    if image_url:
        data["image"] = [_absolute(request, image_url)]
    if page.cooperative_id:
        data["author"] = {
            "@type": "Organization",
            "name": page.cooperative.name,
            "url": _absolute(request, page.cooperative.get_absolute_url()),
        }
    else:
        data["author"] = {"@type": "Organization", "name": settings.OSCAR_SHOP_NAME}
    return data
