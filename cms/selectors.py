from oscar.core.loading import get_model

from catalogue.selectors import product_cards

Category = get_model("catalogue", "Category")
Cooperative = get_model("partner", "Cooperative")

HOME_PRODUCTS = 8
HOME_COOPERATIVES = 6


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
    return list(
        Cooperative.objects.filter(status=Cooperative.Status.APPROVED)
        .select_related("partner")
        .order_by("created_at")[:HOME_COOPERATIVES]
    )


def top_categories():
    """Return the top-level public categories, for the home page's shortcuts."""
    return list(Category.get_root_nodes().filter(is_public=True))
