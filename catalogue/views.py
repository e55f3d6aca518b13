from oscar.apps.catalogue.views import *  # noqa: F403
from oscar.apps.catalogue.views import ProductDetailView as CoreProductDetailView

from catalogue import selectors


class ProductDetailView(CoreProductDetailView):
    def get_queryset(self):
        return selectors.product_detail_queryset()

    def is_viewable(self, product, request):
        """Staff see every product; shoppers only those of approved cooperatives."""
        if request.user.is_staff:
            return True
        cooperative = product.cooperative
        return (
            super().is_viewable(product, request)
            and cooperative is not None
            and cooperative.is_approved
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["certificates"] = [c for c in self.object.certificates.all() if c.is_valid]
        return context
