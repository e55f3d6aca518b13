from django.core.exceptions import PermissionDenied
from django.utils.decorators import method_decorator
from oscar.apps.dashboard.catalogue.views import *  # noqa: F403
from oscar.apps.dashboard.catalogue.views import (
    ProductCreateUpdateView as CoreProductCreateUpdateView,
)

from marketplace.access import own_cooperative
from marketplace.throttling import rate_limited
from traceability import page_cache


@method_decorator(rate_limited("upload", uploads_only=True), name="dispatch")
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

    def forms_valid(self, form, formsets):
        response = super().forms_valid(form, formsets)
        # Oscar's product form and its image formset save here, not through a service: the
        # product's lot pages (title, GTIN, origin, picture) are invalidated explicitly.
        page_cache.product_changed(self.object.pk)
        return response
