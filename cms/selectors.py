from django.db.models import Exists, F, Min, OuterRef, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.selectors import product_cards
from marketplace.partner.selectors import public_cooperatives

Certificate = get_model("catalogue", "Certificate")
Category = get_model("catalogue", "Category")
Cooperative = get_model("partner", "Cooperative")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")

HOME_PRODUCTS = 8
HOME_COOPERATIVES = 6
STORY_PRODUCTS = 4


def home_featured_products(*, page):
    """Return the products chosen for the home page, newest first when none are chosen."""
    chosen = list(
        product_cards()
        .filter(home_page_features__page=page)
        .order_by("home_page_features__sort_order")[:HOME_PRODUCTS]
    )
    if chosen:
        return chosen
    return list(product_cards().order_by("-date_created")[:HOME_PRODUCTS])


def featured_cooperatives():
    """Return approved cooperatives to introduce on the home page."""
    return list(public_cooperatives().order_by("created_at")[:HOME_COOPERATIVES])


def top_categories():
    """Return the top-level public categories, for the home page's shortcuts."""
    return list(Category.get_root_nodes().filter(is_public=True))


def _in_stock():
    """Return a condition: the product has a stock record with stock left to sell."""
    return Exists(
        StockRecord.objects.filter(product=OuterRef("pk")).filter(
            num_in_stock__gt=Coalesce(F("num_allocated"), 0)
        )
    )


def products_in_stock():
    """Return product cards (approved cooperatives' public products) that can be bought now."""
    return product_cards().filter(_in_stock())


def products_by_rule(*, category=None, province_code=None, min_stars=None, max_stars=None,
                     cooperative=None):  # fmt: skip
    """Return the in-stock products matching every given rule, best-rated first.

    The category includes its subcategories; the province is the product's origin, or its
    cooperative's province when the product names none; stars are a valid OCOP rating.
    """
    products = products_in_stock()
    if category is not None:
        products = products.filter(
            Exists(
                ProductCategory.objects.filter(
                    product=OuterRef("pk"), category__path__startswith=category.path
                )
            )
        )
    if province_code:
        products = products.filter(
            Q(origin_province_code=province_code)
            | Q(origin_province_code__isnull=True, cooperative__province_code=province_code)
        )
    if min_stars or max_stars:
        # The rating is the best valid OCOP certificate's stars; asked of the few
        # certificates, not of every product's rating, the cost stays off the catalogue's size.
        rated = Certificate.objects.valid_on().filter(kind=Certificate.Kind.OCOP)
        products = products.filter(
            pk__in=rated.filter(stars__gte=min_stars or 0).values("product_id")
        )
        if max_stars:
            products = products.exclude(
                pk__in=rated.filter(stars__gt=max_stars).values("product_id")
            )
    if cooperative is not None:
        products = products.filter(cooperative=cooperative)
    return products.order_by(F("ocop_stars").desc(nulls_last=True), "title", "pk")


def campaign_products(*, page):
    """Return the campaign grid: the hand-picked products in stock, else the rule's products."""
    chosen = list(
        products_in_stock()
        .filter(campaign_features__page=page)
        .order_by("campaign_features__sort_order")[: page.grid_size]
    )
    if chosen or not page.has_rule:
        return chosen
    return list(
        products_by_rule(
            category=page.rule_category,
            province_code=page.rule_province_code,
            min_stars=page.rule_min_stars,
            max_stars=page.rule_max_stars,
            cooperative=page.rule_cooperative,
        )[: page.grid_size]
    )


def _stream_ids(stream, *, product_ids, cooperative_ids):
    """Collect the product and cooperative ids named in a StreamField's raw data."""

    def item_value(item):
        # ListBlock items are {"type": "item", "value": ..., "id": ...} (or bare, in old data).
        return item.get("value") if isinstance(item, dict) else item

    for block in stream.raw_data if stream else []:
        value = block.get("value") or {}
        if block.get("type") == "product" and value.get("product"):
            product_ids.add(value["product"])
        elif block.get("type") == "product_grid":
            product_ids.update(filter(None, map(item_value, value.get("products") or [])))
        elif block.get("type") == "cooperative" and value.get("cooperative"):
            cooperative_ids.add(value["cooperative"])


def stream_shop_objects(*streams):
    """Return the context the shop blocks read: the bodies' products and cooperatives by id.

    Two queries (plus the card's prefetches) whatever the number of blocks: products not
    on sale any more are simply missing, and their blocks say so.
    """
    product_ids, cooperative_ids = set(), set()
    for stream in streams:
        _stream_ids(stream, product_ids=product_ids, cooperative_ids=cooperative_ids)
    products = product_cards().in_bulk(product_ids) if product_ids else {}
    cooperatives = public_cooperatives().in_bulk(cooperative_ids) if cooperative_ids else {}
    return {"stream_products": products, "stream_cooperatives": cooperatives}


def seconds_to_next_expiry():
    """Return the seconds until the next live page expires (Wagtail's expiry date), or None.

    A page kept for every visitor (``marketplace.page_cache``) is kept no longer: an
    expired campaign leaves the home page and its address at once.
    """
    from wagtail.models import Page

    now = timezone.now()
    soonest = (
        Page.objects.live().filter(expire_at__gt=now).aggregate(Min("expire_at"))["expire_at__min"]
    )
    return None if soonest is None else (soonest - now).total_seconds()


def story_products(*, story):
    """Return a few of the story's cooperative's products on sale, in stock first."""
    if story.cooperative_id is None:
        return []
    return list(
        products_in_stock()
        .filter(cooperative_id=story.cooperative_id)
        .order_by("title")[:STORY_PRODUCTS]
    )
