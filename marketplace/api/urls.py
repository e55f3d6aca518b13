"""/api/v1/: the public catalogue, a cooperative's own data, the schema and its docs."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from marketplace.api import exceptions

app_name = "api"

urlpatterns = [
    path("v1/", include("marketplace.api.public_urls")),
    path("v1/cooperative/", include("marketplace.api.cooperative_urls")),
    path("v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI, its start-up script served from its own address (the strict CSP).
    path(
        "v1/docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema", template_name="api/swagger_ui.html"
        ),
        name="docs",
    ),
    re_path(r"^", exceptions.not_found),
]
