"""Catalogue, category and search pages, and suggestions while typing.

Pages are served from the search server (``search.selectors.listing_page``), and from
the database when it is not configured or cannot answer.
"""

from urllib.parse import unquote

from django.conf import settings
from django.contrib import messages
from django.core.paginator import InvalidPage
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from marketplace import page_cache, page_fragments
from marketplace.throttling import rate_limited
from search import connection
from search.forms import SORT_LABELS, BrowseForm
from search.selectors import listing_page
from search.suggest import suggest_json

Category = get_model("catalogue", "Category")


class ProductListView(TemplateView):
    """List products with facets, sorting, pagination and an optional search text."""

    # The search page lists the matching CMS stories too (in the same round trip).
    with_stories = False
    summary = _("Tất cả sản phẩm")
    category = None
    # The names of the template's fragments kept for every shopper (shared_fragment), or
    # none: a page whose fragments are all cached asks neither the search server nor the
    # database for its products.
    shared_fragments = ()

    def get(self, request, *args, **kwargs):
        # A visitor without a session, basket or message gets the page kept for all such
        # visitors (marketplace.page_cache), for the query parameters the form reads.
        return page_cache.serve(
            request, lambda: self._page(request, *args, **kwargs), params=BrowseForm.PARAMS
        )

    def _page(self, request, *args, **kwargs):
        self.form = BrowseForm(request.GET)
        self.fragment_parts, self.fragments = self._fragments_found(request)
        if self.fragments:
            self.listing = None
            return super().get(request, *args, **kwargs)
        try:
            self.listing = listing_page(
                form=self.form,
                category=self.category,
                page_number=request.GET.get("page"),
                per_page=settings.OSCAR_PRODUCTS_PER_PAGE,
                path=request.path,
                params=request.GET,
                stories_language=get_language() if self.with_stories else None,
                language=get_language(),
            )
        except InvalidPage:
            messages.error(request, _("Số trang không hợp lệ."))
            return redirect(request.path)
        return super().get(request, *args, **kwargs)

    def _fragments_found(self, request):
        """Return the page's fragment parameters and, when every fragment is cached, them."""
        if not self.shared_fragments:
            return None, {}
        params = sorted((k, v) for k, values in request.GET.lists() for v in values)
        # One parameter in the templates' {% shared_fragment ... fragment_parts %}.
        parts = (request.path, repr(params), request.user.is_staff)
        found = page_fragments.fragments_cached(self.shared_fragments, ["catalogue"], [parts])
        return parts, found

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(fragment_parts=self.fragment_parts, shared_fragments=self.fragments)
        listing = self.listing
        query = self.form.query()
        if listing is None:  # Served from the cached fragments (only the server's are kept).
            context.update(form=self.form, summary=self.summary, category=self.category,
                           query=query, from_search_server=connection.is_configured())  # fmt: skip
            return context
        if connection.is_configured() and not listing.from_search_server:
            # The database's stand-in while the search server is away is not kept for
            # everyone: the next shopper after it is back gets the server's answer. The
            # whole page is kept only until the server is tried again, so that an outage
            # does not send every visitor to the database.
            context["fragment_parts"] = None
            page_cache.keep_at_most(self.request, settings.ES_RETRY_SECONDS)
        sort_choices = [
            (value, label) for value, label in SORT_LABELS.items() if query or value != "relevance"
        ]
        context.update(
            form=self.form,
            summary=self.summary,
            category=self.category,
            query=query,
            sort=self.form.sort(),
            sort_choices=sort_choices,
            products=listing.page.object_list,
            page_obj=listing.page,
            paginator=listing.paginator,
            is_paginated=listing.paginator.num_pages > 1,
            facets=listing.facets,
            active_filters=listing.active_filters,
            suggestion=listing.suggestion,
            from_search_server=listing.from_search_server,
        )
        return context


class CatalogueView(ProductListView):
    template_name = "oscar/catalogue/browse.html"
    shared_fragments = ("listing-side", "listing-main")


class ProductCategoryView(ProductListView):
    template_name = "oscar/catalogue/category.html"
    shared_fragments = ("listing-side", "listing-main")

    def _page(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, pk=self.kwargs["pk"])
        if not (self.category.is_public or request.user.is_staff):
            raise Http404()
        expected_path = self.category.get_absolute_url()
        if unquote(expected_path) != unquote(request.path):
            return HttpResponsePermanentRedirect(expected_path)
        return super()._page(request, *args, **kwargs)

    @property
    def summary(self):
        return self.category.name


@method_decorator(rate_limited("search"), name="dispatch")
class FacetedSearchView(ProductListView):
    """The search results page (named as in Oscar, which looks it up by this name)."""

    template_name = "oscar/search/results.html"
    with_stories = True

    @property
    def summary(self):
        query = self.form.query()
        return _("Kết quả cho “%(query)s”") % {"query": query} if query else _("Tìm kiếm")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.listing.from_search_server:
            context["stories"] = self.listing.stories
        return context


@method_decorator(rate_limited("search-suggest", json=True), name="dispatch")
class SuggestView(View):
    """``/shop/search/suggest/?q=``: products, categories, cooperatives, stories as JSON."""

    def get(self, request):
        body = suggest_json(request.GET.get("q", ""), language=get_language())
        response = HttpResponse(body, content_type="application/json")
        response["Cache-Control"] = "max-age=60"
        return response
