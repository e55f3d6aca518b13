from django.core.exceptions import PermissionDenied
from django.utils.decorators import method_decorator
from oscar.apps.dashboard.catalogue.views import *  # noqa: F403
from oscar.apps.dashboard.catalogue.views import (
    ProductCreateUpdateView as CoreProductCreateUpdateView,
)
from oscar.apps.dashboard.catalogue.views import ProductLookupView as CoreProductLookupView

from marketplace import access
from marketplace.throttling import rate_limited


@method_decorator(rate_limited("upload", uploads_only=True), name="dispatch")
class ProductCreateUpdateView(CoreProductCreateUpdateView):
    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        user = self.request.user
        if not access.sees_everything(user):
            cooperative = access.acting_cooperative(user)
            if cooperative is None:
                # Applicants and suspended cooperatives cannot list products.
                raise PermissionDenied
            kwargs["cooperative"] = cooperative
        return kwargs


class ProductLookupView(CoreProductLookupView):
    """The product picker (recommendations): a cooperative finds its own products only.

    Oscar's lookup returns every browsable product, another cooperative's drafts too.
    """

    def get_queryset(self):
        return access.products_for(self.request.user, super().get_queryset())

    def get_args(self):
        # Oscar calls int() on ?page= and ?page_limit=: "?page=x" was a server error.
        initial, term = self.request.GET.get("initial"), self.request.GET.get("q")
        page = _positive_int(self.request.GET.get("page"), default=1)
        page_limit = min(_positive_int(self.request.GET.get("page_limit"), default=20), 100)
        return initial, term, page, page_limit


def _positive_int(value, *, default):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if number > 0 else default
