from django.urls import path

from catalogue import dashboard_views as views

urlpatterns = [
    path("", views.ProductImportView.as_view(), name="cooperative-product-import"),
    path(
        "template.csv",
        views.ProductImportTemplateView.as_view(),
        name="cooperative-product-import-template",
    ),
    path(
        "<str:token>/",
        views.ProductImportPreviewView.as_view(),
        name="cooperative-product-import-preview",
    ),
]
