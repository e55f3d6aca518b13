"""Keep the search index in line with the database after each committed change.

Products, prices, stock, certificates and cooperatives change through Oscar's dashboard
and order placement as well as through the project's services, so the index follows
model signals (as haystack's signal processors do); CMS stories follow Wagtail's publish
and unpublish signals. Nothing is sent to the search server
inside a transaction: ids are collected and, once the transaction commits, handed to the
task ``search.tasks.index_sync`` (a worker sends them, retrying while the search server is
away); a rolled-back change is simply re-read from the database with the next sync.
"""

import threading
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from oscar.core.loading import get_model

from marketplace import cache_stamps
from marketplace.jobs.services import enqueue
from search import connection

_pending = threading.local()


@contextmanager
def paused():
    """Collect nothing inside the block (a bulk load followed by a rebuild)."""
    _pending.paused = True
    try:
        yield
    finally:
        _pending.paused = False


def _queue(kind, ids):
    # What shoppers see of the catalogue (or of the stories) changed: its caches too.
    cache_stamps.bump("cms" if kind == "stories" else "catalogue")
    if not connection.is_configured() or getattr(_pending, "paused", False):
        return
    state = getattr(_pending, "ids", None)
    if state is None:
        state = _pending.ids = {"products": set(), "cooperatives": set(), "stories": set()}
    state[kind].update(i for i in ids if i)
    transaction.on_commit(_flush)


def _flush():
    state = getattr(_pending, "ids", None)
    if not state or not any(state.values()):
        return  # An earlier callback of the same transaction sent everything.
    _pending.ids = None
    from search import tasks

    # Sent now, outside any transaction: this runs once the change is committed.
    enqueue(tasks.index_sync, **{kind: sorted(ids) for kind, ids in state.items()})


def product_changed(sender, instance, **kwargs):
    _queue("products", [instance.pk, instance.parent_id])


def product_part_changed(sender, instance, **kwargs):
    """A stock record, certificate or category link changed: its product changed."""
    _queue("products", [instance.product_id])


def cooperative_changed(sender, instance, **kwargs):
    _queue("cooperatives", [instance.pk])


def partner_changed(sender, instance, **kwargs):
    # The cooperative's name is its partner's name.
    cooperative = getattr(instance, "cooperative", None) if instance.pk else None
    if cooperative is not None:
        _queue("cooperatives", [cooperative.pk])


def shop_part_changed(sender, instance, **kwargs):
    """Something shop pages show but the index does not hold changed: a category's name,
    image or place in the tree; a product's picture, attribute, recommendation, review or
    batch; a cooperative's photo."""
    cache_stamps.bump("catalogue")


def page_changed(sender, instance, **kwargs):
    """Any Wagtail page was published, unpublished or deleted: cached page parts are stale."""
    cache_stamps.bump("cms")


def story_changed(sender, instance, **kwargs):
    """A story was published, unpublished, moved or deleted."""
    _queue("stories", [instance.pk])


def connect():
    """Connect the receivers (called once from the app's ``ready``)."""
    from wagtail.signals import page_published, page_unpublished

    from cms.models import StoryPage

    for name, signal in (
        ("published", page_published),
        ("unpublished", page_unpublished),
        ("deleted", post_delete),
    ):
        signal.connect(story_changed, sender=StoryPage, dispatch_uid=f"search-story-{name}")
    page_published.connect(page_changed, dispatch_uid="cache-page-published")
    page_unpublished.connect(page_changed, dispatch_uid="cache-page-unpublished")
    # Who may see a page, and which site a host serves, change what visitors get.
    from wagtail.models import PageViewRestriction, Site

    for model in (PageViewRestriction, Site):
        post_save.connect(page_changed, sender=model, dispatch_uid=f"cache-{model.__name__}-save")
        post_delete.connect(page_changed, sender=model, dispatch_uid=f"cache-{model.__name__}-del")
    for model in (
        get_model("catalogue", "Category"),
        get_model("catalogue", "ProductImage"),
        get_model("catalogue", "ProductAttributeValue"),
        get_model("catalogue", "ProductRecommendation"),
        get_model("reviews", "ProductReview"),
        get_model("traceability", "Batch"),
        get_model("partner", "CooperativePhoto"),
    ):
        name = model.__name__
        post_save.connect(shop_part_changed, sender=model, dispatch_uid=f"cache-{name}-save")
        post_delete.connect(shop_part_changed, sender=model, dispatch_uid=f"cache-{name}-del")
    for model, receiver in (
        (get_model("catalogue", "Product"), product_changed),
        (get_model("catalogue", "Certificate"), product_part_changed),
        (get_model("catalogue", "ProductCategory"), product_part_changed),
        (get_model("partner", "StockRecord"), product_part_changed),
        (get_model("partner", "Cooperative"), cooperative_changed),
        (get_model("partner", "Partner"), partner_changed),
    ):
        post_save.connect(receiver, sender=model, dispatch_uid=f"search-{model.__name__}-save")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"search-{model.__name__}-del")
