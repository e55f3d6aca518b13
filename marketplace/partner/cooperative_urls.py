from django.urls import path

from marketplace.partner.cooperative_dashboard import CooperativeOverviewView

urlpatterns = [
    path("", CooperativeOverviewView.as_view(), name="cooperative-overview"),
]
