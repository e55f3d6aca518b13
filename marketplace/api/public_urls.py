"""Public, read-only endpoints: /api/v1/products/, categories, cooperatives, lots, search."""

urlpatterns = []
