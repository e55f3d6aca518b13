from oscar.apps.catalogue.views import *  # noqa: F403
from oscar.apps.catalogue.views import ProductDetailView as CoreProductDetailView
from oscar.core.loading import get_model

from catalogue import selectors
from catalogue.recently_viewed import recently_viewed_fill
from marketplace import page_cache

Product = get_model("catalogue", "Product")


class ProductDetailView(CoreProductDetailView):
    def get(self, request, *args, **kwargs):
        # A visitor without a session, basket or message gets the page kept for all such
        # visitors (marketplace.page_cache); the view is counted either way (_visited).
        return page_cache.serve(
            request, lambda: super(ProductDetailView, self).get(request, *args, **kwargs),
            fill=self._visited,
        )  # fmt: skip

    def send_signal(self, request, response, product):
        """Sent by ``_visited`` for every page shown, from the cache or not."""

    def _visited(self, request, response):
        # The receivers (the buffered view counter, the history cookie) read only the
        # product's id: a page from the cache costs no query for it.
        product = Product(pk=int(self.kwargs["pk"]))
        super().send_signal(request, response, product)
        recently_viewed_fill(request, response, product_id=product.pk)

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
