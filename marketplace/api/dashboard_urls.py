"""The cooperative's API tokens in the dashboard: /shop/dashboard/cooperative/api-tokens/."""

from django.urls import path

from marketplace.api.dashboard_views import AccessTokenListView, AccessTokenRevokeView

urlpatterns = [
    path("", AccessTokenListView.as_view(), name="cooperative-api-tokens"),
    path("<int:pk>/revoke/", AccessTokenRevokeView.as_view(), name="cooperative-api-token-revoke"),
]
