from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")


def product_cards():
    """Return browsable products with everything a product card reads fetched in bulk.

    Oscar's ``base_queryset`` annotates whether a product has options and prefetches
    images and stock records; the partner is added for the seller's name.
    """
    return Product.objects.browsable().base_queryset().prefetch_related("stockrecords__partner")
