"""The base of every cooperative endpoint."""

from django.http import Http404
from rest_framework import exceptions

from marketplace.api.views import CooperativeAPIMixin


class CooperativeEndpoint(CooperativeAPIMixin):
    """A ``CooperativeAPIMixin`` view whose lookups fail with a plain "not found".

    Django's message names the model ("No Shipment matches the given query."); another
    cooperative's object and one that does not exist must read the same, in the
    answer's language.
    """

    def get_object(self):
        try:
            return super().get_object()
        except Http404:
            raise exceptions.NotFound() from None
