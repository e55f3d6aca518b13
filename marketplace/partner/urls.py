from django.urls import path

from marketplace.partner import views

urlpatterns = [
    path(
        "cooperatives/<slug:slug>/",
        views.CooperativeProfileView.as_view(),
        name="cooperative-profile",
    ),
]
