"""Keep the cached public lot pages current: each change to what a page shows replaces the
stamp of its batch, product or cooperative (``page_cache``), whoever makes the change (a
service, Oscar's dashboard forms, an import, the admin).

What a lot's page shows: the batch, its events and their photos, its scans; the product
(title, GTIN, origin, pictures, valid certificates); the cooperative (name, address,
approval). A batch saved (created, published, recalled) also renews its product's stamp:
``/01/<GTIN>`` leads to the product's latest public lot.
"""

from django.db.models.signals import post_delete, post_save
from oscar.core.loading import get_model

from traceability import page_cache
from traceability.signals import scans_recorded


def batch_changed(sender, instance, **kwargs):
    page_cache.product_changed(instance.product_id)


def event_changed(sender, instance, **kwargs):
    page_cache.batches_changed([instance.batch_id])


def event_photo_changed(sender, instance, raw=False, **kwargs):
    if raw:
        # Fixtures (loaddata) may hold the photo before its event, whose save renews the batch.
        return
    page_cache.batches_changed([instance.event.batch_id])


def scan_changed(sender, instance, **kwargs):
    page_cache.batches_changed([instance.batch_id])


def scans_changed(sender, batch_pks, **kwargs):
    page_cache.batches_changed(batch_pks)


def product_changed(sender, instance, **kwargs):
    page_cache.product_changed(instance.pk)


def product_part_changed(sender, instance, **kwargs):
    """A certificate or a picture of a product."""
    page_cache.product_changed(instance.product_id)


def cooperative_changed(sender, instance, **kwargs):
    page_cache.cooperative_changed(instance.pk)


def partner_changed(sender, instance, **kwargs):
    """The cooperative's name is its partner's."""
    Cooperative = get_model("partner", "Cooperative")
    for pk in Cooperative.objects.filter(partner_id=instance.pk).values_list("pk", flat=True):
        page_cache.cooperative_changed(pk)


# (app label, model, receiver, also on delete). Scans go only with their batch, whose
# deletion renews the stamps: a delete receiver on them would make Django load every scan
# of a deleted batch instead of deleting them in one query.
RECEIVERS = [
    ("traceability", "Batch", batch_changed, True),
    ("traceability", "TraceEvent", event_changed, True),
    ("traceability", "TraceEventPhoto", event_photo_changed, True),
    ("traceability", "ScanLog", scan_changed, False),
    ("catalogue", "Product", product_changed, True),
    ("catalogue", "ProductImage", product_part_changed, True),
    ("catalogue", "Certificate", product_part_changed, True),
    ("partner", "Cooperative", cooperative_changed, True),
    ("partner", "Partner", partner_changed, True),
]


def connect():
    """Connect the receivers (from ``TraceabilityConfig.ready``)."""
    for app_label, model_name, receiver, on_delete in RECEIVERS:
        model = get_model(app_label, model_name)
        uid = f"trace-page-{app_label}-{model_name}"
        post_save.connect(receiver, sender=model, dispatch_uid=f"{uid}-save")
        if on_delete:
            post_delete.connect(receiver, sender=model, dispatch_uid=f"{uid}-delete")
    scans_recorded.connect(scans_changed, dispatch_uid="trace-page-scans")
