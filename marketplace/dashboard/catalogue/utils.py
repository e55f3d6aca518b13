from django.db.models import Q


def partner_product_visibility_q(user):
    """Match the products a cooperative user may see and edit: their cooperative's own.

    A product belongs to a cooperative through ``Product.cooperative``; Oscar's stock-record
    rule is kept too, for parent products whose children carry the stock records.
    """
    return (
        Q(cooperative__partner__users__pk=user.pk)
        | Q(children__stockrecords__partner__users__pk=user.pk)
        | Q(stockrecords__partner__users__pk=user.pk)
    )
