from django.urls import path

from marketplace.partner import views

urlpatterns = [
    # Fixed paths first: "apply" and "application" would otherwise be read as slugs.
    path("cooperatives/apply/", views.CooperativeApplyView.as_view(), name="cooperative-apply"),
    path(
        "cooperatives/apply/done/",
        views.CooperativeApplyDoneView.as_view(),
        name="cooperative-apply-done",
    ),
    path(
        "cooperatives/application/",
        views.CooperativeApplicationView.as_view(),
        name="cooperative-application",
    ),
    path(
        "cooperatives/<slug:slug>/",
        views.CooperativeProfileView.as_view(),
        name="cooperative-profile",
    ),
]
