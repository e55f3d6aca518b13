"""What the cooperative endpoints list, all scoped by ``marketplace.access``.

Each function takes the signed-in ``user`` (a token's login or a browser session's) and
returns only what that user's cooperative may reach, with what its serializer reads
fetched in bulk. A staff login acts for no cooperative and never gets here
(``ActsForCooperative``).
"""

from django.db.models import Prefetch
from oscar.core.loading import get_model

from catalogue.selectors import valid_ocop_stars
from marketplace import access

Batch = get_model("traceability", "Batch")
Line = get_model("order", "Line")
LineBatch = get_model("traceability", "LineBatch")
Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")
Shipment = get_model("order", "Shipment")
StockRecord = get_model("partner", "StockRecord")
TraceEvent = get_model("traceability", "TraceEvent")


def own_cooperatives(user):
    return access.cooperatives_for(user).select_related("partner")


def own_stockrecords(user):
    records = StockRecord.objects.select_related("product__parent")
    return access.stockrecords_for(user, records).order_by("pk")


def own_products(user):
    """Return the cooperative's products, drafts too, each with its ``own_stockrecords``."""
    products = Product.objects.select_related("parent").annotate(ocop_stars=valid_ocop_stars())
    return (
        access.products_for(user, products)
        .prefetch_related(
            Prefetch(
                "stockrecords",
                queryset=access.stockrecords_for(user, StockRecord.objects.order_by("pk")),
                to_attr="own_stockrecords",
            )
        )
        .order_by("pk")
    )


def own_shipments(user, *, status=None):
    shipments = access.shipments_for(user, Shipment.objects.select_related("order"))
    if status:
        shipments = shipments.filter(status=status)
    return shipments.order_by("-created_at", "-pk")


def own_orders(user, *, shipment_status=None):
    """Return the orders holding the cooperative's lines, newest first.

    Each carries ``own_lines`` (its lines only, with their lots) and ``own_shipments``
    (its parcel); ``shipment_status`` keeps the orders whose parcel has that status.
    """
    orders = access.orders_for(user, Order.objects.select_related("shipping_address"))
    if shipment_status:
        orders = orders.filter(shipments__in=own_shipments(user, status=shipment_status))
    lines = access.lines_for(user, Line.objects.order_by("pk")).prefetch_related(
        Prefetch("lot_allocations", queryset=LineBatch.objects.select_related("batch"))
    )
    return orders.prefetch_related(
        Prefetch("lines", queryset=lines, to_attr="own_lines"),
        Prefetch(
            "shipments",
            queryset=access.shipments_for(user, Shipment.objects.order_by("pk")),
            to_attr="own_shipments",
        ),
    ).order_by("-date_placed", "-pk")


def own_batches(user):
    batches = Batch.objects.select_related("product__parent")
    return access.batches_for(user, batches).order_by("-produced_on", "-pk")


def own_batches_with_events(user):
    events = access.trace_events_for(user, TraceEvent.objects.order_by("sequence"))
    return own_batches(user).prefetch_related(
        Prefetch("events", queryset=events.prefetch_related("photos"))
    )


def batch_products(user, cooperative):
    """Return the products a lot may be made of: the cooperative's own."""
    return access.products_for(user, Product.objects.filter(cooperative=cooperative))
