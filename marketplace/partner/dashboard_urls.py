"""Staff review of cooperatives, mounted at /shop/dashboard/cooperatives/ (see marketplace.urls)."""

from django.urls import path

from marketplace.partner import dashboard_views as views

urlpatterns = [
    path("", views.CooperativeListView.as_view(), name="dashboard-cooperative-list"),
    path("<int:pk>/", views.CooperativeDetailView.as_view(), name="dashboard-cooperative-detail"),
    path(
        "<int:pk>/approve/",
        views.CooperativeApproveView.as_view(),
        name="dashboard-cooperative-approve",
    ),
    path(
        "<int:pk>/reject/",
        views.CooperativeRejectView.as_view(),
        name="dashboard-cooperative-reject",
    ),
    path(
        "<int:pk>/suspend/",
        views.CooperativeSuspendView.as_view(),
        name="dashboard-cooperative-suspend",
    ),
]
