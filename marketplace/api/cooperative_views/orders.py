"""The cooperative's part of its orders, and its parcels (scope family ``orders``)."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.response import Response

from marketplace.api import cooperative_selectors as selectors
from marketplace.api.cooperative_serializers.orders import (
    OrderSerializer,
    ShipmentAdvanceSerializer,
    ShipmentSerializer,
    ShipmentStatusFilterSerializer,
)
from marketplace.api.cooperative_views.base import CooperativeEndpoint
from marketplace.api.cooperative_views.docs import PARAMETERS, responses
from marketplace.order import services

TAGS = ["cooperative: orders"]


def _status_filter(request):
    """Return ``?status=`` (a shipment status) or None; an unknown or empty one is a 400."""
    query = ShipmentStatusFilterSerializer(data=request.query_params.dict())
    query.is_valid(raise_exception=True)
    return query.validated_data.get("status")


@extend_schema_view(
    get=extend_schema(
        tags=TAGS,
        parameters=[*PARAMETERS, ShipmentStatusFilterSerializer],
        summary="Orders holding the cooperative's lines, newest first (scope orders:read)",
        description=(
            "Each order with where to send it, the cooperative's own lines and its own "
            "parcel: never another cooperative's lines, nor the order's total. `status` "
            "keeps the orders whose parcel has that status."
        ),
        responses=responses(
            {200: OrderSerializer(many=True)}, invalid=ShipmentStatusFilterSerializer
        ),
    ),
)
class OrderListView(CooperativeEndpoint, generics.ListAPIView):
    scope_family = "orders"
    serializer_class = OrderSerializer

    def get_queryset(self):
        return selectors.own_orders(self.request.user, shipment_status=_status_filter(self.request))


@extend_schema_view(
    get=extend_schema(
        tags=TAGS,
        parameters=PARAMETERS,
        summary="One order, by its number: the cooperative's part (scope orders:read)",
        responses=responses({200: OrderSerializer}),
    ),
)
class OrderDetailView(CooperativeEndpoint, generics.RetrieveAPIView):
    scope_family = "orders"
    serializer_class = OrderSerializer
    lookup_field = "number"

    def get_queryset(self):
        return selectors.own_orders(self.request.user)


@extend_schema_view(
    get=extend_schema(
        tags=TAGS,
        parameters=[*PARAMETERS, ShipmentStatusFilterSerializer],
        summary="The cooperative's parcels, newest first (scope orders:read)",
        responses=responses(
            {200: ShipmentSerializer(many=True)}, invalid=ShipmentStatusFilterSerializer
        ),
    ),
)
class ShipmentListView(CooperativeEndpoint, generics.ListAPIView):
    scope_family = "orders"
    serializer_class = ShipmentSerializer

    def get_queryset(self):
        return selectors.own_shipments(self.request.user, status=_status_filter(self.request))


@extend_schema_view(
    get=extend_schema(
        tags=TAGS,
        parameters=PARAMETERS,
        summary="One of the cooperative's parcels (scope orders:read)",
        responses=responses({200: ShipmentSerializer}),
    ),
)
class ShipmentDetailView(CooperativeEndpoint, generics.RetrieveAPIView):
    scope_family = "orders"
    serializer_class = ShipmentSerializer

    def get_queryset(self):
        return selectors.own_shipments(self.request.user)


class ShipmentAdvanceView(CooperativeEndpoint, generics.GenericAPIView):
    """Move a parcel one step on, as the dashboard's fulfilment panel does."""

    scope_family = "orders"
    serializer_class = ShipmentAdvanceSerializer

    def get_queryset(self):
        return selectors.own_shipments(self.request.user)

    @extend_schema(
        tags=TAGS, parameters=PARAMETERS, request=ShipmentAdvanceSerializer,
        summary="Pack, ship or deliver a parcel (scope orders:write)",
        description=(
            "One step at a time: pending → packed → shipped → delivered. Shipping needs "
            "`carrier` and `tracking_code`, takes each line's units from the product's "
            "published lots (oldest first) and e-mails the customer, as delivering does. "
            "Only the marketplace's staff cancel a parcel."
        ),
        responses=responses({200: ShipmentSerializer}, invalid=ShipmentAdvanceSerializer),
    )  # fmt: skip
    def post(self, request, *args, **kwargs):
        shipment = self.get_object()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        services.shipment_advance(
            shipment=shipment, to_status=data["status"], carrier=data.get("carrier", ""),
            tracking_code=data.get("tracking_code", ""), by=request.user,
        )  # fmt: skip
        shipment = self.get_queryset().get(pk=shipment.pk)
        return Response(ShipmentSerializer(shipment, context=self.get_serializer_context()).data)
