from marketplace import access


def partner_product_visibility_q(user):
    """Match the products a cooperative user may see and edit: their cooperative's own.

    The rule lives in ``marketplace.access``; Oscar's dashboard asks here (by ``get_class``).
    """
    return access.product_visibility_q(user)
