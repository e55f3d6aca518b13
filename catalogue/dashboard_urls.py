from django.urls import path

from catalogue import dashboard_views as views
from marketplace.jobs.urls import job_urls

urlpatterns = [
    path("", views.ProductImportView.as_view(), name="cooperative-product-import"),
    path(
        "template.csv",
        views.ProductImportTemplateView.as_view(),
        name="cooperative-product-import-template",
    ),
    *job_urls(prefix="jobs/", name="cooperative-product-import-job", kinds=views.JOB_KINDS),
    path(
        "jobs/<uuid:pk>/confirm/",
        views.ProductImportConfirmView.as_view(),
        name="cooperative-product-import-confirm",
    ),
]
