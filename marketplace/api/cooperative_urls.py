"""A cooperative's own endpoints: /api/v1/cooperative/..."""

urlpatterns = []
