"""What the public API reads: the shop's own rules, with what the answers need fetched in bulk.

Products are the catalogue's (``catalogue.selectors.product_cards``: public products of
approved cooperatives, filtered as ``search.listing.product_listing`` does), cooperatives
the approved ones (``partner.selectors.public_cooperatives``), lots the public ones
(``traceability.selectors``: published or recalled). Every queryset here costs the same
number of queries whatever the size of the page.
"""

from django.db.models import Prefetch, prefetch_related_objects
from oscar.core.loading import get_model

from catalogue.selectors import product_cards
from marketplace.partner.selectors import public_cooperatives
from search.listing import product_listing
from search.queries import Filters
from traceability.models import Batch, TraceEvent
from traceability.selectors import PUBLIC_STATUSES, batch_for_short_code

Category = get_model("catalogue", "Category")
Certificate = get_model("catalogue", "Certificate")

OCOP_STARS = (3, 4, 5)


def with_product_relations(products):
    """Return ``products`` (a queryset or a list) with their public categories and valid
    certificates prefetched, as ``api_categories`` and ``api_certificates``."""
    lookups = (
        Prefetch("categories", queryset=Category.objects.browsable(), to_attr="api_categories"),
        Prefetch(
            "certificates",
            queryset=Certificate.objects.valid_on().order_by("kind", "-stars", "-issued_on", "pk"),
            to_attr="api_certificates",
        ),
    )
    if isinstance(products, list):
        prefetch_related_objects(products, *lookups)
        return products
    return products.prefetch_related(*lookups)


def categories_with_descendants(slug):
    """Return the ids of the public categories called ``slug`` and of all below them."""
    ids = set()
    for category in Category.objects.browsable().filter(slug=slug):
        ids.update(category.get_descendants_and_self().values_list("pk", flat=True))
    return sorted(ids)


def api_products(*, category="", cooperative="", province=None, min_stars=None, in_stock=False):
    """Return the products the catalogue lists, newest first, narrowed by the filters.

    ``category`` is a category's slug (its subcategories count too), ``cooperative`` a
    cooperative's, ``province`` the origin province's code; ``min_stars`` keeps products
    with at least that many OCOP stars from a valid certificate.
    """
    filters = Filters(
        cooperatives=[cooperative] if cooperative else [],
        provinces=[province] if province is not None else [],
        stars=[s for s in OCOP_STARS if s >= min_stars] if min_stars is not None else [],
        in_stock=in_stock,
    )
    if category:
        # A slug no public category has lists nothing (an empty id list would list all).
        filters.categories = categories_with_descendants(category) or [0]
    return with_product_relations(product_listing(filters=filters))


def api_product(pk):
    """Return the catalogue's product ``pk`` for its own answer, or None."""
    return with_product_relations(product_cards()).filter(pk=pk).first()


def public_categories():
    """Return the categories shoppers can browse, in tree order."""
    return Category.objects.browsable().order_by("path")


def category_by_slug(slug):
    """Return the public category called ``slug`` (the highest in the tree if several), or
    None."""
    return public_categories().filter(slug=slug).order_by("depth", "path").first()


def category_slugs_by_path():
    """Return ``{path: slug}`` of every public category (to name parents, build full slugs)."""
    return dict(public_categories().values_list("path", "slug"))


def api_cooperatives():
    """Return the approved cooperatives, by name."""
    return public_cooperatives().order_by("partner__name", "pk")


def _public_lots():
    events = TraceEvent.objects.select_related("corrects").prefetch_related("photos")
    return (
        Batch.objects.filter(status__in=PUBLIC_STATUSES)
        .select_related("product__cooperative__partner")
        .prefetch_related(Prefetch("events", queryset=events.order_by("sequence")))
    )


def is_listed(pk):
    """Return True when the catalogue lists product ``pk`` (one query, nothing prefetched)."""
    return product_cards().filter(pk=pk).exists()


def product_lots(pk):
    """Return product ``pk``'s public lots (published or recalled), the latest first."""
    return _public_lots().filter(product_id=pk).order_by("-produced_on", "-pk")


def lot_by_short_code(code):
    """Return the public lot whose QR page is ``/t/<code>`` (any letter case), or None."""
    return batch_for_short_code(code=code)
