from django.urls import path, re_path

from traceability import qr_views, views

app_name = "traceability"

urlpatterns = [
    # Before any catch-all for /t/<code>/: these end in qr.png / qr.svg.
    path("t/<str:short_code>/qr.<str:fmt>", qr_views.BatchQrView.as_view(), name="qr"),
    path(
        "shop/dashboard/batches/<int:pk>/labels.pdf",
        qr_views.BatchLabelSheetView.as_view(),
        name="label-sheet",
    ),
    # The GS1 Digital Link resolver. Servers decode %2F before routing, so a lot code with
    # a slash arrives as more path: the lot takes the rest of the path. Anything else under
    # /01/ or /t/ gets the resolver's friendly 404 rather than Wagtail's.
    re_path(
        r"^01/(?P<gtin>[^/]*)/10/(?P<lot>[\s\S]+)$", views.batch_by_digital_link, name="batch"
    ),  # fmt: skip
    re_path(r"^01/(?P<gtin>[^/]*)/?$", views.product_by_digital_link, name="product"),
    re_path(r"^t/(?P<code>[^/]*)/?$", views.batch_by_short_code, name="short"),
    re_path(r"^(?:01|t)(?:/[\s\S]*)?$", views.path_not_found),
    path(".well-known/gs1resolver", views.resolver_description_view, name="resolver"),
]
