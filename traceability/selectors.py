"""Reads for the public traceability page and the resolver: one batch with all it shows."""

import re

from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.gtin import VALID_LENGTHS, gtin14, gtin_is_valid
from traceability.links import batch_path
from traceability.models import SHORT_CODE_ALPHABET, Batch, ScanLog, TraceEvent

Certificate = get_model("catalogue", "Certificate")

PUBLIC_STATUSES = (Batch.Status.PUBLISHED, Batch.Status.RECALLED)
# The lot code validator's alphabet, checked before any query is made.
_LOT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-./]{0,19}$")
_SHORT_CODE = re.compile(rf"^[{SHORT_CODE_ALPHABET}]{{8}}$")


def _upc_candidates(gtin):
    """Return the stored forms a GTIN may have: ``08934567890120`` is also ``8934567890120``.

    Products keep the GTIN as printed (8, 12, 13 or 14 digits); URIs carry 14 digits.
    """
    padded = gtin14(gtin)
    return [padded[-length:] for length in VALID_LENGTHS if set(padded[: 14 - length]) <= {"0"}]


def _scan_count():
    return Coalesce(
        Subquery(
            ScanLog.objects.filter(batch=OuterRef("pk"))
            .order_by()
            .values("batch")
            .annotate(n=Count("pk"))
            .values("n")[:1]
        ),
        0,
    )


def public_batches(*, day=None):
    """Return published and recalled batches with everything their public page reads.

    One query for the batch, its product, cooperative and scan count, then one each for
    the events, the events' photos, the product's valid certificates and its images: the
    count does not grow with the number of events or photos.
    """
    day = day or timezone.localdate()
    valid_certificates = Certificate.objects.filter(
        verified_at__isnull=False, issued_on__lte=day, expires_on__gte=day
    ).order_by("kind", "-stars", "-issued_on")
    events = TraceEvent.objects.select_related("corrects").prefetch_related("photos")
    return (
        Batch.objects.filter(status__in=PUBLIC_STATUSES)
        .select_related("product__cooperative__partner")
        .annotate(scan_count=_scan_count())
        .prefetch_related(
            Prefetch("events", queryset=events.order_by("sequence")),
            Prefetch(
                "product__certificates", queryset=valid_certificates, to_attr="valid_certificates"
            ),  # fmt: skip
            "product__images",
        )
    )


def batch_for_digital_link(*, gtin, lot):
    """Return the public batch at ``/01/<gtin>/10/<lot>``, or None.

    Servers decode ``%2F`` before routing, so a lot code with a slash arrives split; the
    URL pattern hands over the rest of the path and a trailing slash is tolerated here.
    """
    if not gtin_is_valid(gtin):
        return None
    lots = [code for code in {lot, lot.removesuffix("/")} if _LOT.match(code)]
    if not lots:
        return None
    return (
        public_batches()
        .filter(product__upc__in=_upc_candidates(gtin), lot_code__in=lots)
        .order_by("-lot_code")  # "A/" before "A": the exact code wins
        .first()
    )


def latest_batch_for_gtin(*, gtin):
    """Return the latest published batch of the product with ``gtin``, or None."""
    if not gtin_is_valid(gtin):
        return None
    return (
        public_batches()
        .filter(product__upc__in=_upc_candidates(gtin), status=Batch.Status.PUBLISHED)
        .order_by("-produced_on", "-pk")
        .first()
    )


def batch_for_short_code(*, code):
    """Return the public batch with the site's short ``code`` (any letter case), or None."""
    code = code.strip("/").upper()
    if not _SHORT_CODE.match(code):
        return None
    return public_batches().filter(short_code=code).first()


def latest_batch_link(product):
    """Return the path of ``product``'s latest published batch, or "" (one query)."""
    batch = (
        Batch.objects.filter(product_id=product.pk, status=Batch.Status.PUBLISHED)
        .order_by("-produced_on", "-pk")
        .only("pk", "product_id", "lot_code", "short_code")
        .first()
    )
    if batch is None:
        return ""
    batch.product = product  # batch_path reads the product's GTIN: no second query
    return batch_path(batch)
