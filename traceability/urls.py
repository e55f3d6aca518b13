from django.urls import path, re_path

from traceability import alert_views, qr_views, root_views, views

app_name = "traceability"

urlpatterns = [
    # Before any catch-all for /t/<code>/: these end in qr.png / qr.svg.
    path("t/<str:short_code>/qr.<str:fmt>", qr_views.BatchQrView.as_view(), name="qr"),
    path(
        "shop/dashboard/batches/<int:pk>/labels.pdf",
        qr_views.BatchLabelSheetView.as_view(),
        name="label-sheet",
    ),
    # The GS1 Digital Link resolver: a GTIN and its qualifiers (traceability.digital_link
    # reads them; servers decode %2F, so a lot code with a slash arrives as more path).
    # Anything else under /01 is malformed (400), under /t the resolver's friendly 404.
    re_path(r"^01/(?P<gtin>[^/]+)(?P<rest>/[\s\S]*)?$", views.digital_link, name="digital-link"),
    re_path(r"^01(?:/[\s\S]*)?$", views.malformed),
    path("t/<str:code>/epcis.jsonld", views.batch_epcis, name="epcis"),
    path("t/<str:code>/alerts/", alert_views.recall_alert_request, name="alert-request"),
    path("t/alerts/<str:token>/confirm/", alert_views.recall_alert_confirm, name="alert-confirm"),
    path("t/alerts/<str:token>/stop/", alert_views.recall_alert_stop, name="alert-stop"),
    re_path(r"^t/(?P<code>[^/]*)/?$", views.batch_by_short_code, name="short"),
    re_path(r"^t(?:/[\s\S]*)?$", views.path_not_found),
    path(".well-known/gs1resolver", views.resolver_description_view, name="resolver"),
    # The hash chain's published roots (traceability.anchoring), kept for good.
    path("trace/chain-key.pem", root_views.chain_key, name="chain-key"),
    path("trace/roots/<slug:slug>/", root_views.cooperative_roots, name="chain-roots"),
    path("trace/roots/<slug:slug>/<str:day>.json", root_views.chain_root, name="chain-root"),
]
