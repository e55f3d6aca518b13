"""The cooperative, its products, and their stock and prices (scope family ``catalogue``)."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.response import Response

from marketplace.api import cooperative_selectors as selectors
from marketplace.api.cooperative_serializers.catalogue import (
    CooperativeSerializer,
    ProductSerializer,
    StockRecordSerializer,
    StockRecordUpdateSerializer,
)
from marketplace.api.cooperative_views.base import CooperativeEndpoint
from marketplace.api.cooperative_views.docs import PARAMETERS, responses
from marketplace.partner import services

TAGS = ["cooperative: catalogue"]


@extend_schema_view(
    get=extend_schema(
        operation_id="cooperative_retrieve",
        tags=TAGS,
        parameters=PARAMETERS,
        summary="The cooperative the token acts for (scope catalogue:read)",
        description="Its profile, with its payout account and tax profile.",
        responses=responses({200: CooperativeSerializer}, missing=False),
    ),
)
class CooperativeDetailView(CooperativeEndpoint, generics.RetrieveAPIView):
    scope_family = "catalogue"
    serializer_class = CooperativeSerializer

    def get_object(self):
        return generics.get_object_or_404(
            selectors.own_cooperatives(self.request.user), pk=self.cooperative.pk
        )


@extend_schema_view(
    get=extend_schema(
        tags=TAGS,
        parameters=PARAMETERS,
        summary="The cooperative's products (scope catalogue:read)",
        description="Every product, drafts and products not on sale too, with its stock records.",
        responses=responses({200: ProductSerializer(many=True)}),
    ),
)
class ProductListView(CooperativeEndpoint, generics.ListAPIView):
    scope_family = "catalogue"
    serializer_class = ProductSerializer

    def get_queryset(self):
        return selectors.own_products(self.request.user)


@extend_schema_view(
    get=extend_schema(
        tags=TAGS,
        parameters=PARAMETERS,
        summary="One of the cooperative's products (scope catalogue:read)",
        responses=responses({200: ProductSerializer}),
    ),
)
class ProductDetailView(CooperativeEndpoint, generics.RetrieveAPIView):
    scope_family = "catalogue"
    serializer_class = ProductSerializer

    def get_queryset(self):
        return selectors.own_products(self.request.user)


@extend_schema_view(
    get=extend_schema(
        tags=TAGS,
        parameters=PARAMETERS,
        summary="Stock and prices of the cooperative's products (scope catalogue:read)",
        responses=responses({200: StockRecordSerializer(many=True)}),
    ),
)
class StockRecordListView(CooperativeEndpoint, generics.ListAPIView):
    scope_family = "catalogue"
    serializer_class = StockRecordSerializer

    def get_queryset(self):
        return selectors.own_stockrecords(self.request.user)


@extend_schema_view(
    get=extend_schema(
        tags=TAGS,
        parameters=PARAMETERS,
        summary="One stock record (scope catalogue:read)",
        responses=responses({200: StockRecordSerializer}),
    ),
)
class StockRecordDetailView(CooperativeEndpoint, generics.RetrieveAPIView):
    """GET one stock record; PATCH its stock and/or price."""

    scope_family = "catalogue"
    http_method_names = ["get", "patch", "head", "options"]

    def get_queryset(self):
        return selectors.own_stockrecords(self.request.user)

    def get_serializer_class(self):
        if self.request.method == "PATCH":
            return StockRecordUpdateSerializer
        return StockRecordSerializer

    @extend_schema(
        tags=TAGS, parameters=PARAMETERS, request=StockRecordUpdateSerializer,
        summary="Set the stock and/or the price (scope catalogue:write)",
        description=(
            "The stock may not fall below the units held for orders not yet shipped "
            "(`num_allocated`); the price is whole đồng, from 1 to 1,000,000,000. The shop's "
            "pages and search follow at once."
        ),
        responses=responses({200: StockRecordSerializer}, invalid=StockRecordUpdateSerializer),
    )  # fmt: skip
    def patch(self, request, *args, **kwargs):
        record = self.get_object()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        record = services.stockrecord_update(
            stockrecord=record, by=request.user, **serializer.validated_data
        )
        record = self.get_queryset().get(pk=record.pk)
        return Response(StockRecordSerializer(record, context=self.get_serializer_context()).data)
