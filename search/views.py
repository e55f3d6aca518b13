"""Catalogue, category and search pages served from the database listing."""

from urllib.parse import unquote

from django.conf import settings
from django.contrib import messages
from django.core.paginator import InvalidPage
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView
from oscar.core.loading import get_model

from search.forms import BrowseForm
from search.listing import product_listing

Category = get_model("catalogue", "Category")


class ProductListView(ListView):
    """List products with pagination, sorting and an optional search text."""

    context_object_name = "products"
    paginate_by = settings.OSCAR_PRODUCTS_PER_PAGE
    summary = _("Tất cả sản phẩm")
    category = None

    def get(self, request, *args, **kwargs):
        self.form = BrowseForm(request.GET)
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            # Django raises Http404 for page numbers out of range or not numbers.
            messages.error(request, _("Số trang không hợp lệ."))
            return redirect(request.path)

    def paginate_queryset(self, queryset, page_size):
        try:
            return super().paginate_queryset(queryset, page_size)
        except InvalidPage as error:
            raise Http404(str(error)) from error

    def get_queryset(self):
        return product_listing(category=self.category, **self.form.listing_kwargs())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            form=self.form,
            summary=self.summary,
            category=self.category,
            query=self.form.listing_kwargs()["query"],
        )
        return context


class CatalogueView(ProductListView):
    template_name = "oscar/catalogue/browse.html"


class ProductCategoryView(ProductListView):
    template_name = "oscar/catalogue/category.html"

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, pk=self.kwargs["pk"])
        if not (self.category.is_public or request.user.is_staff):
            raise Http404()
        expected_path = self.category.get_absolute_url()
        if unquote(expected_path) != unquote(request.path):
            return HttpResponsePermanentRedirect(expected_path)
        return super().get(request, *args, **kwargs)

    @property
    def summary(self):
        return self.category.name


class FacetedSearchView(ProductListView):
    """The search results page (named as in Oscar, which looks it up by this name)."""

    template_name = "oscar/search/results.html"

    @property
    def summary(self):
        query = self.form.listing_kwargs()["query"]
        return _("Kết quả cho “%(query)s”") % {"query": query} if query else _("Tìm kiếm")
