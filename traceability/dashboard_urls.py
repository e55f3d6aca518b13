from django.urls import path, re_path

from traceability import dashboard_views as views

urlpatterns = [
    path("", views.BatchListView.as_view(), name="batch-list"),
    path("new/", views.BatchCreateView.as_view(), name="batch-create"),
    path(
        "lines/<int:line_id>/batch/",
        views.LineBatchAssignView.as_view(),
        name="line-batch-assign",
    ),
    path("<int:pk>/", views.BatchDetailView.as_view(), name="batch-detail"),
    re_path(
        r"^(?P<pk>[0-9]+)/epcis\.(?P<fmt>jsonld|csv)$",
        views.BatchExportView.as_view(),
        name="batch-export",
    ),
    re_path(
        r"^(?P<pk>[0-9]+)/(?P<action>publish|recall)/$",
        views.BatchActionView.as_view(),
        name="batch-action",
    ),
]
