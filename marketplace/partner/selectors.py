from oscar.core.loading import get_model

from catalogue.selectors import product_cards

Cooperative = get_model("partner", "Cooperative")
Certificate = get_model("catalogue", "Certificate")


def public_cooperatives():
    """Return the cooperatives shoppers may see: approved ones, with their partner."""
    return Cooperative.objects.filter(status=Cooperative.Status.APPROVED).select_related("partner")


def cooperative_for_profile(*, slug, viewer):
    """Return the cooperative shown at ``slug``; staff may also see unapproved ones.

    Raise ``Cooperative.DoesNotExist`` when there is nothing to show this viewer.
    """
    cooperatives = (
        Cooperative.objects.select_related("partner") if viewer.is_staff else public_cooperatives()
    )
    return cooperatives.prefetch_related("photos").get(slug=slug)


def cooperative_products(*, cooperative):
    """Return the cooperative's products on sale, as cards."""
    return product_cards().filter(cooperative=cooperative).order_by("title", "pk")


def cooperative_certificates(*, cooperative):
    """Return the valid certificates of the cooperative's products, newest first."""
    return (
        Certificate.objects.valid_on()
        .filter(product__cooperative=cooperative)
        .select_related("product")
        .order_by("-stars", "-issued_on")
    )
