"""Reads for the public traceability page and the resolver: one batch with all it shows."""

import datetime
import re
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce, TruncDate, TruncMinute
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.gtin import VALID_LENGTHS, gtin14, gtin_is_valid
from catalogue.models import in_force_certificate_q, valid_certificate_q
from traceability.counterfeit import BURST_MINUTES, ScanCounts, busiest_window, scan_flags
from traceability.links import batch_path
from traceability.models import SHORT_CODE_ALPHABET, Batch, ScanLog, TraceEvent

Certificate = get_model("catalogue", "Certificate")
Product = get_model("catalogue", "Product")

PUBLIC_STATUSES = (Batch.Status.PUBLISHED, Batch.Status.RECALLED)
# The lot code validator's alphabet, checked before any query is made.
_LOT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-./]{0,19}$")
_SHORT_CODE = re.compile(rf"^[{SHORT_CODE_ALPHABET}]{{8}}$")


def _listed_certificates(day):
    """The certificates a lot's page lists: the valid ones, and those staff revoked while
    they would still be in force (shown as revoked). See ``certificates_split``."""
    revoked = Q(revoked_at__isnull=False) & in_force_certificate_q(day=day)
    return Certificate.objects.filter(valid_certificate_q(day=day) | revoked).order_by(
        "kind", "-stars", "-issued_on"
    )


def certificates_split(product):
    """Return (valid, revoked) certificates of a product read with ``trace_certificates``."""
    listed = getattr(product, "trace_certificates", ())
    return (
        [c for c in listed if c.revoked_at is None],
        [c for c in listed if c.revoked_at is not None],
    )


def _upc_candidates(gtin):
    """Return the stored forms a GTIN may have: ``08934567890120`` is also ``8934567890120``.

    Products keep the GTIN as printed (8, 12, 13 or 14 digits); URIs carry 14 digits.
    """
    padded = gtin14(gtin)
    return [padded[-length:] for length in VALID_LENGTHS if set(padded[: 14 - length]) <= {"0"}]


def _scan_count(count=None, **since):
    return Coalesce(
        Subquery(
            ScanLog.objects.filter(batch=OuterRef("pk"), **since)
            .order_by()
            .values("batch")
            .annotate(n=count or Count("pk"))
            .values("n")[:1]
        ),
        0,
    )


def _scan_annotations(prefix, **since):
    """Annotate scans, distinct clients and distinct places (see ScanCounts) as prefix_*."""
    return {
        f"{prefix}_count": _scan_count(**since),
        f"{prefix}_clients": _scan_count(Count("client_key", distinct=True), **since),
        f"{prefix}_places": _scan_count(Count("place_key", distinct=True), **since),
    }


def batch_scan_counts(batch):
    """Return ``(overall, last BURST_MINUTES)`` ScanCounts of a batch from public_batches."""
    return (
        ScanCounts(batch.scan_count, batch.scan_clients, batch.scan_places),
        ScanCounts(batch.recent_scan_count, batch.recent_scan_clients, batch.recent_scan_places),
    )


def batch_scan_counts_refresh(batch):
    """Read ``batch``'s scan counts again (one query), after its page's own scan was written."""
    counts = _scan_counts()
    fresh = Batch.objects.filter(pk=batch.pk).annotate(**counts).values(*counts)[0]
    for name, value in fresh.items():
        setattr(batch, name, value)


def _scan_counts():
    recent = timezone.now() - datetime.timedelta(minutes=BURST_MINUTES)
    return {
        **_scan_annotations("scan"),
        **_scan_annotations("recent_scan", scanned_at__gte=recent),
    }


def public_batches(*, day=None, include_drafts=False):
    """Return published and recalled batches with everything their public page reads.

    One query for the batch, its product, cooperative and scan counts (scans, distinct
    clients and places, all and within the last BURST_MINUTES, for the copied-code
    caution), then one each for the events, the
    events' photos, the product's valid certificates and its images: the count does not
    grow with the number of events or photos.
    """
    day = day or timezone.localdate()
    certificates = _listed_certificates(day)
    events = TraceEvent.objects.select_related("corrects").prefetch_related("photos")
    batches = (
        Batch.objects.all() if include_drafts else Batch.objects.filter(status__in=PUBLIC_STATUSES)
    )
    return (
        batches.select_related("product__cooperative__partner")
        .annotate(**_scan_counts())
        .prefetch_related(
            Prefetch("events", queryset=events.order_by("sequence")),
            Prefetch(
                "product__certificates", queryset=certificates, to_attr="trace_certificates"
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


def product_for_gtin(*, gtin):
    """Return the product the resolver may name for ``gtin``, or None.

    A product is named when its shop page is public or it has a public lot; it comes with
    its cooperative and its ``trace_certificates`` (``certificates_split``).
    """
    if not gtin_is_valid(gtin):
        return None
    day = timezone.localdate()
    product = (
        Product.objects.filter(upc__in=_upc_candidates(gtin))
        .select_related("cooperative__partner")
        .prefetch_related(
            Prefetch(
                "certificates", queryset=_listed_certificates(day), to_attr="trace_certificates"
            )
        )
        .first()
    )
    if product is None:
        return None
    if product_on_sale(product) or product.batches.filter(status__in=PUBLIC_STATUSES).exists():
        return product
    return None


def product_on_sale(product):
    """Return True when the product's shop page is public (its cooperative approved)."""
    cooperative = product.cooperative if product.cooperative_id else None
    return bool(product.is_public and cooperative is not None and cooperative.is_approved)


def latest_published_batch(product):
    """Return ``product``'s latest published lot (its page's address only), or None."""
    batch = (
        Batch.objects.filter(product_id=product.pk, status=Batch.Status.PUBLISHED)
        .order_by("-produced_on", "-pk")
        .only("pk", "product_id", "lot_code", "short_code", "status")
        .first()
    )
    if batch is not None:
        batch.product = product
    return batch


def example_batch():
    """Return a published lot of a product with a valid GTIN (the resolver's example)."""
    batches = (
        Batch.objects.filter(status=Batch.Status.PUBLISHED, product__upc__regex=r"^[0-9]{8,14}$")
        .select_related("product")
        .order_by("-published_at", "-pk")[:20]
    )
    return next((batch for batch in batches if gtin_is_valid(batch.product.upc)), None)


def is_short_code(code):
    """Return True when ``code`` has the form of the site's short codes (any letter case)."""
    return bool(_SHORT_CODE.fullmatch(code.upper()))


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


# The cooperative's batch page: scans over time and what they suggest.

SCAN_CHART_DAYS = 30
SCAN_CHART_BASELINE, SCAN_CHART_HEIGHT, SCAN_CHART_STEP, SCAN_CHART_BAR_WIDTH = 150, 130, 20, 14


@dataclass
class ScanDay:
    day: datetime.date
    scans: int
    x: int
    y: int
    height: int


@dataclass
class ScanReport:
    days: list
    total: int  # every scan since the lot was published
    last_days: int  # scans within the chart's days
    flags: object  # traceability.counterfeit.ScanFlags (distinct clients and places)


def batch_scan_report(*, batch, days=SCAN_CHART_DAYS, now=None):
    """Return ``batch``'s scans per day for the last ``days`` days as SVG bars, with flags.

    Three queries: the totals (scans, distinct clients and places) with the chart window's
    count, the scans per local day (TruncDate), and the scans per minute and client of the
    window, from which the busiest BURST_MINUTES window of distinct clients is found. Days
    without scans are zero-height bars.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    first_day = today - datetime.timedelta(days=days - 1)
    since = datetime.datetime.combine(first_day, datetime.time.min, timezone.get_current_timezone())
    scans = ScanLog.objects.filter(batch=batch).order_by()
    totals = scans.aggregate(
        total=Count("pk"),
        clients=Count("client_key", distinct=True),
        places=Count("place_key", distinct=True),
        window=Count("pk", filter=Q(scanned_at__gte=since)),
    )
    window = scans.filter(scanned_at__gte=since)
    per_day = dict(
        window.annotate(day=TruncDate("scanned_at")).values_list("day").annotate(n=Count("pk"))
    )
    # One row per minute and client: a client reloading the page adds no rows, only to n.
    per_minute = (
        window.annotate(minute=TruncMinute("scanned_at"))
        .values_list("minute", "client_key", "place_key")
        .annotate(n=Count("pk"))
    )
    best = max(per_day.values(), default=0) or 1
    chart = []
    for index in range(days):
        day = first_day + datetime.timedelta(days=index)
        count = per_day.get(day, 0)
        height = round(count / best * SCAN_CHART_HEIGHT)
        chart.append(ScanDay(day=day, scans=count, x=index * SCAN_CHART_STEP + 3,
                             y=SCAN_CHART_BASELINE - height, height=height))  # fmt: skip
    return ScanReport(
        days=chart,
        total=totals["total"],
        last_days=totals["window"],
        flags=scan_flags(
            batch=batch,
            overall=ScanCounts(totals["total"], totals["clients"], totals["places"]),
            windows=[busiest_window(per_minute)],
        ),
    )


def new_batch_defaults(*, cooperative, today=None):
    """Return the new-batch form's starting values for ``cooperative``: what it used last.

    The product, farm and place of its latest batch and latest event (a cooperative records
    the same field and product harvest after harvest), today's date, and a lot code made
    from it that none of its batches has yet (``260612-1``, ``260612-2``…). Three queries.
    """
    today = today or timezone.localdate()
    latest = (
        Batch.objects.filter(product__cooperative=cooperative)
        .order_by("-created_at", "-pk")
        .values("product_id", "farm_name", "farm_location", "farm_gln_extension")
        .first()
    ) or {}
    prefix = today.strftime("%y%m%d")
    taken = set(
        Batch.objects.filter(
            product__cooperative=cooperative, lot_code__startswith=prefix
        ).values_list("lot_code", flat=True)
    )
    number = 1
    while f"{prefix}-{number}" in taken:
        number += 1
    place = (
        TraceEvent.objects.filter(batch__product__cooperative=cooperative)
        .exclude(place="")
        .order_by("-created_at", "-pk")
        .values_list("place", flat=True)
        .first()
    )
    return {
        "product": latest.get("product_id"),
        "lot_code": f"{prefix}-{number}",
        "produced_on": today,
        "farm_name": latest.get("farm_name", ""),
        "farm_location": latest.get("farm_location", ""),
        "farm_gln_extension": latest.get("farm_gln_extension", ""),
        "event_kind": TraceEvent.Kind.HARVEST,
        "event_occurred_at": timezone.localtime().replace(second=0, microsecond=0),
        "event_place": place or latest.get("farm_location", "") or "",
    }
