from django.contrib.auth import get_user_model
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.db.models import F
from oscar.core.loading import get_model

from marketplace.analytics import buffer

ProductRecord = get_model("analytics", "ProductRecord")
UserRecord = get_model("analytics", "UserRecord")
UserProductView = get_model("analytics", "UserProductView")
Product = get_model("catalogue", "Product")
User = get_user_model()

# The errors after which a flush is worth trying again. Any other (bad data) would fail
# again: buffering its records again would block every later flush behind them.
FLUSH_AGAIN = (OperationalError, InterfaceError, IntegrityError)


def product_views_flush():
    """Write the buffered product views to Oscar's analytics tables; return views written.

    If the database is away (or a row went away meanwhile: the next flush skips it), the
    views drained are buffered again for the next flush, and the error is raised.
    """
    views, user_views = buffer.drain()
    if not views and not user_views:
        return 0
    try:
        return _product_views_write(views, user_views)
    except FLUSH_AGAIN:
        buffer.restore(views, user_views)
        raise


def _product_views_write(views, user_views):
    # Products deleted since they were viewed are skipped.
    existing = set(Product.objects.filter(pk__in=views.keys()).values_list("pk", flat=True))
    with transaction.atomic():
        known = set(
            ProductRecord.objects.filter(product_id__in=existing).values_list(
                "product_id", flat=True
            )
        )
        ProductRecord.objects.bulk_create(
            [ProductRecord(product_id=pk, num_views=0) for pk in existing - known],
            ignore_conflicts=True,
        )
        for product_id in existing:
            ProductRecord.objects.filter(product_id=product_id).update(
                num_views=F("num_views") + views[product_id]
            )
        _flush_user_views([uv for uv in user_views if uv[1] in existing])
    return sum(views[pk] for pk in existing)


def _flush_user_views(user_views):
    # Users deleted since they viewed are skipped, like deleted products.
    users = {uid for uid, _ in user_views}
    existing = set(User.objects.filter(pk__in=users).values_list("pk", flat=True))
    user_views = [uv for uv in user_views if uv[0] in existing]
    if not user_views:
        return
    per_user = {}
    for user_id, _product_id in user_views:
        per_user[user_id] = per_user.get(user_id, 0) + 1
    UserRecord.objects.bulk_create(
        [UserRecord(user_id=uid) for uid in per_user], ignore_conflicts=True
    )
    for user_id, count in per_user.items():
        UserRecord.objects.filter(user_id=user_id).update(
            num_product_views=F("num_product_views") + count
        )
    UserProductView.objects.bulk_create(
        [UserProductView(user_id=uid, product_id=pid) for uid, pid in user_views]
    )
