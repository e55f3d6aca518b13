from django.db.models import OuterRef, Subquery
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
Certificate = get_model("catalogue", "Certificate")
Cooperative = get_model("partner", "Cooperative")


def valid_ocop_stars(*, day=None):
    """Return a subquery: the product's OCOP stars on ``day``, from valid certificates only."""
    return Subquery(
        Certificate.objects.valid_on(day)
        .filter(product=OuterRef("pk"), kind=Certificate.Kind.OCOP)
        .order_by("-stars")
        .values("stars")[:1]
    )


def product_cards():
    """Return the products on sale, with everything a product card reads fetched in bulk.

    Only products of approved cooperatives are on sale. Oscar's ``base_queryset``
    annotates whether a product has options and prefetches images and stock records;
    each product also carries ``ocop_stars`` (None without a valid OCOP certificate).
    """
    return (
        Product.objects.browsable()
        .base_queryset()
        .filter(cooperative__status=Cooperative.Status.APPROVED)
        .select_related("cooperative__partner")
        .annotate(ocop_stars=valid_ocop_stars())
    )


def product_detail_queryset():
    """Return products for their own page, with cooperative, certificates and pictures."""
    return (
        Product.objects.select_related("product_class", "cooperative__partner")
        .prefetch_related(
            "stockrecords__partner", "images", "attribute_values__attribute", "certificates"
        )
        .annotate(ocop_stars=valid_ocop_stars())
    )
