from django.dispatch import receiver
from oscar.apps.catalogue.signals import product_viewed

from marketplace.analytics import buffer


@receiver(product_viewed, dispatch_uid="marketplace.analytics.buffer_product_view")
def buffer_product_view(sender, product, user, **kwargs):
    """Count a product view in the buffer; no database write on the request path."""
    if kwargs.get("raw", False):
        return
    user_id = user.pk if user is not None and user.is_authenticated else None
    buffer.record_product_view(product_id=product.pk, user_id=user_id)
