from django.urls import path

from marketplace.partner.cooperative_dashboard import (
    CooperativeOverviewView,
    CooperativeProfileEditView,
)

urlpatterns = [
    path("", CooperativeOverviewView.as_view(), name="cooperative-overview"),
    path("profile/", CooperativeProfileEditView.as_view(), name="cooperative-profile-edit"),
]
