from oscar.apps.catalogue.views import *  # noqa: F403
from oscar.apps.catalogue.views import ProductDetailView as CoreProductDetailView
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")


class ProductDetailView(CoreProductDetailView):
    def get_queryset(self):
        # The page reads the seller, stock, pictures and attributes of one product.
        return Product.objects.select_related("product_class").prefetch_related(
            "stockrecords__partner", "images", "attribute_values__attribute"
        )
