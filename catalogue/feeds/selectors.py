"""The feeds' products: exactly those the shop lists publicly, with what an item reads."""

from django.db.models import Prefetch
from oscar.core.loading import get_model

from catalogue.selectors import product_cards

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")


def feed_products():
    """Return the products the shop lists (``product_cards``: public, not a variant, of an
    approved cooperative), oldest first, with their public categories and variants.

    Each product carries ``feed_categories`` and, for a parent, ``feed_variants`` (its
    public children with their stock records and pictures).
    """
    return (
        product_cards()
        .prefetch_related(
            Prefetch(
                "categories", queryset=Category.objects.browsable(), to_attr="feed_categories"
            ),
            Prefetch(
                "children",
                queryset=Product.objects.public().prefetch_related("stockrecords", "images")
                .order_by("pk"),
                to_attr="feed_variants",
            ),
        )
        .order_by("pk")
    )  # fmt: skip


def category_paths():
    """Return {category id: (root category's slug, [names from the root down])} for the
    public categories, the names in the active language."""
    categories = list(Category.objects.browsable().order_by("path"))
    by_path = {category.path: category for category in categories}
    step = Category.steplen
    paths = {}
    for category in categories:
        ancestors = [by_path.get(category.path[:end]) for end in
                     range(step, len(category.path) + 1, step)]  # fmt: skip
        if None in ancestors:  # an ancestor is hidden: the shop does not list this path
            continue
        paths[category.pk] = (ancestors[0].slug, [ancestor.name for ancestor in ancestors])
    return paths
