from django.core.exceptions import PermissionDenied
from oscar.apps.dashboard.catalogue.views import *  # noqa: F403
from oscar.apps.dashboard.catalogue.views import (
    ProductCreateUpdateView as CoreProductCreateUpdateView,
)

from marketplace.access import own_cooperative


class ProductCreateUpdateView(CoreProductCreateUpdateView):
    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        user = self.request.user
        if not user.is_staff:
            cooperative = own_cooperative(user)
            if cooperative is None:
                # Applicants and suspended cooperatives cannot list products.
                raise PermissionDenied
            kwargs["cooperative"] = cooperative
        return kwargs
