"""What a cooperative's overview page reads: sales by month, best sellers, stock, certificates."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from oscar.core.loading import get_model

Line = get_model("order", "Line")
StockRecord = get_model("partner", "StockRecord")
Certificate = get_model("catalogue", "Certificate")

# Stock at or below this many units counts as low when no threshold is set.
DEFAULT_LOW_STOCK = 5


@dataclass
class MonthSales:
    month: datetime.date
    revenue: Decimal
    quantity: int
    share: float  # of the best month, 0–1, for the bar chart


def _month_starts(count, today):
    month = today.replace(day=1)
    months = []
    for _ in range(count):
        months.append(month)
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    return list(reversed(months))


def sales_by_month(*, cooperative, months=12, today=None):
    """Return the cooperative's revenue and units for each of the last ``months`` months.

    Only the cooperative's own order lines count; months without sales are zero.
    """
    today = today or timezone.localdate()
    starts = _month_starts(months, today)
    since = datetime.datetime.combine(starts[0], datetime.time.min, timezone.get_current_timezone())
    rows = (
        Line.objects.filter(partner=cooperative.partner, order__date_placed__gte=since)
        .annotate(month=TruncMonth("order__date_placed"))
        .values("month")
        .annotate(revenue=Sum("line_price_incl_tax"), quantity=Sum("quantity"))
    )
    by_month = {row["month"].date(): row for row in rows}
    best = max((row["revenue"] for row in rows), default=Decimal(0)) or Decimal(1)
    return [
        MonthSales(
            month=start,
            revenue=by_month.get(start, {}).get("revenue") or Decimal(0),
            quantity=by_month.get(start, {}).get("quantity") or 0,
            share=float((by_month.get(start, {}).get("revenue") or 0) / best),
        )
        for start in starts
    ]


@dataclass
class Bar:
    x: int
    y: int
    height: int
    sales: MonthSales


CHART_BASELINE, CHART_HEIGHT, CHART_STEP, CHART_BAR_WIDTH = 190, 170, 50, 36


def chart_bars(months):
    """Return the SVG geometry of one bar per month, tallest for the best month."""
    bars = []
    for index, sales in enumerate(months):
        height = round(sales.share * CHART_HEIGHT)
        bars.append(Bar(x=index * CHART_STEP + 7, y=CHART_BASELINE - height, height=height,
                        sales=sales))  # fmt: skip
    return bars


def top_products(*, cooperative, limit=5):
    """Return the cooperative's best sellers by revenue: title, units, revenue, orders."""
    return list(
        Line.objects.filter(partner=cooperative.partner)
        .values("product_id", "title")
        .annotate(
            revenue=Sum("line_price_incl_tax"),
            quantity=Sum("quantity"),
            orders=Count("order", distinct=True),
        )
        .order_by("-revenue", "title")[:limit]
    )


def low_stock(*, cooperative):
    """Return the cooperative's stock records at or under their low-stock threshold."""
    return list(
        StockRecord.objects.filter(partner=cooperative.partner, product__is_public=True)
        .filter(
            Q(low_stock_threshold__isnull=False, num_in_stock__lte=F("low_stock_threshold"))
            | Q(low_stock_threshold__isnull=True, num_in_stock__lte=DEFAULT_LOW_STOCK)
        )
        .select_related("product")
        .order_by("num_in_stock", "product__title")
    )


def certificate_warnings(*, cooperative, today=None):
    """Return (expired, expiring soon) certificates of the cooperative's products."""
    today = today or timezone.localdate()
    certificates = Certificate.objects.filter(product__cooperative=cooperative).select_related(
        "product"
    )
    latest_by_product_kind = {}
    for certificate in certificates.order_by("expires_on"):
        # A renewed certificate replaces the expired one: judge only the newest per kind.
        latest_by_product_kind[(certificate.product_id, certificate.kind)] = certificate
    newest = sorted(latest_by_product_kind.values(), key=lambda c: c.expires_on)
    expired = [c for c in newest if c.is_expired_on(today)]
    soon = [c for c in newest if c.expires_soon_on(today)]
    return expired, soon
