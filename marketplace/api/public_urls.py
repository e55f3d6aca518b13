"""Public, read-only endpoints: /api/v1/products/, categories, cooperatives, lots, search."""

from django.urls import path

from marketplace.api import public_views as views

urlpatterns = [
    path("products/", views.ProductList.as_view(), name="product-list"),
    path("products/<int:pk>/", views.ProductDetail.as_view(), name="product-detail"),
    path("products/<int:pk>/lots/", views.ProductLots.as_view(), name="product-lots"),
    path("lots/<str:short_code>/", views.LotDetail.as_view(), name="lot-detail"),
    path("categories/", views.CategoryList.as_view(), name="category-list"),
    path("categories/<slug:slug>/", views.CategoryDetail.as_view(), name="category-detail"),
    path("cooperatives/", views.CooperativeList.as_view(), name="cooperative-list"),
    path("cooperatives/<slug:slug>/", views.CooperativeDetail.as_view(), name="cooperative-detail"),
    path("search/", views.Search.as_view(), name="search"),
]
