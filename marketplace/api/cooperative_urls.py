"""A cooperative's own endpoints: /api/v1/cooperative/...

Each name starts with ``cooperative-`` in the ``api`` namespace; the isolation tests
(tests/functional/test_api_cooperative_isolation.py) request every one of them with
another cooperative's objects, so a new endpoint here must be added there too.
"""

from django.urls import path

from marketplace.api.cooperative_views import catalogue, orders, trace

urlpatterns = [
    path("", catalogue.CooperativeDetailView.as_view(), name="cooperative-profile"),
    path("products/", catalogue.ProductListView.as_view(), name="cooperative-product-list"),
    path(
        "products/<int:pk>/",
        catalogue.ProductDetailView.as_view(),
        name="cooperative-product-detail",
    ),
    path(
        "stock-records/",
        catalogue.StockRecordListView.as_view(),
        name="cooperative-stock-record-list",
    ),
    path(
        "stock-records/<int:pk>/",
        catalogue.StockRecordDetailView.as_view(),
        name="cooperative-stock-record-detail",
    ),
    path("orders/", orders.OrderListView.as_view(), name="cooperative-order-list"),
    path("orders/<str:number>/", orders.OrderDetailView.as_view(), name="cooperative-order-detail"),
    path("shipments/", orders.ShipmentListView.as_view(), name="cooperative-shipment-list"),
    path(
        "shipments/<int:pk>/",
        orders.ShipmentDetailView.as_view(),
        name="cooperative-shipment-detail",
    ),
    path(
        "shipments/<int:pk>/advance/",
        orders.ShipmentAdvanceView.as_view(),
        name="cooperative-shipment-advance",
    ),
    path("batches/", trace.BatchListView.as_view(), name="cooperative-batch-list"),
    path("batches/<int:pk>/", trace.BatchDetailView.as_view(), name="cooperative-batch-detail"),
    path(
        "batches/<int:pk>/events/",
        trace.BatchEventCreateView.as_view(),
        name="cooperative-batch-events",
    ),
    path(
        "batches/<int:pk>/publish/",
        trace.BatchPublishView.as_view(),
        name="cooperative-batch-publish",
    ),
]
