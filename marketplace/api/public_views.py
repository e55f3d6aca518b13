"""The public API's endpoints: read-only, for anyone, what the shop shows (thin views).

Each answer is in ``?lang=`` (vi or en). What is not public (a product of a cooperative
not selling, a draft lot, an unapproved cooperative) is a 404, as an unknown one is.
"""

from django.core.paginator import InvalidPage
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from oscar.core.loading import get_class
from rest_framework import generics
from rest_framework.exceptions import NotFound

from catalogue.selectors import product_cards
from marketplace.api import public_selectors as selectors
from marketplace.api.pagination import Pagination
from marketplace.api.public_lot_serializers import LotSerializer
from marketplace.api.public_params import (
    LANGUAGE,
    NOT_FOUND,
    PAGE_NOT_FOUND,
    PRODUCT_FILTER_ERRORS,
    SEARCH_ERRORS,
    THROTTLED,
    ProductFilters,
    SearchQuery,
    read_params,
)
from marketplace.api.public_serializers import (
    CategorySerializer,
    CooperativeSerializer,
    ProductSerializer,
)
from marketplace.api.views import PublicAPIMixin
from search.forms import BrowseForm
from search.selectors import listing_page

Selector = get_class("partner.strategy", "Selector")

NO_PRODUCT = _("Không có sản phẩm này trong cửa hàng.")
NO_LOT = _("Không có lô hàng công khai nào mang mã này.")
NO_CATEGORY = _("Không có danh mục này.")
NO_COOPERATIVE = _("Không có hợp tác xã này trong cửa hàng.")
LIST_ERRORS = {404: PAGE_NOT_FOUND, 429: THROTTLED}
DETAIL_ERRORS = {404: NOT_FOUND, 429: THROTTLED}


def _path_parameter(name, kind, description):
    return OpenApiParameter(name, kind, OpenApiParameter.PATH, description=description)


PRODUCT_ID = _path_parameter("id", OpenApiTypes.INT, "The product's id.")
SHORT_CODE = _path_parameter(
    "short_code", OpenApiTypes.STR, "The lot's 8-character short code (any letter case)."
)
CATEGORY_SLUG = _path_parameter("slug", OpenApiTypes.STR, "The category's slug.")
COOPERATIVE_SLUG = _path_parameter("slug", OpenApiTypes.STR, "The cooperative's slug.")


def _found(instance, message):
    if instance is None:
        raise NotFound(message)
    return instance


class _PublicView(PublicAPIMixin):
    pagination_class = Pagination


class _ProductsMixin(_PublicView):
    serializer_class = ProductSerializer

    def get_serializer_context(self):
        # Prices and stock as the shop sells them (only approved cooperatives sell).
        return {**super().get_serializer_context(), "strategy": Selector().strategy(self.request)}


@extend_schema(
    tags=["catalogue"],
    summary="Products on sale",
    description="The products the shop's catalogue lists, newest first, with their valid "
    "certificates, price and stock.",
    parameters=[*LANGUAGE, ProductFilters],
    responses={200: ProductSerializer(many=True), 400: PRODUCT_FILTER_ERRORS, **LIST_ERRORS},
)
class ProductList(_ProductsMixin, generics.ListAPIView):
    def get_queryset(self):
        return selectors.api_products(**read_params(ProductFilters, self.request))


@extend_schema(
    tags=["catalogue"],
    summary="One product on sale",
    description="A product the catalogue lists; any other is a 404.",
    parameters=[*LANGUAGE, PRODUCT_ID],
    responses={200: ProductSerializer, **DETAIL_ERRORS},
)
class ProductDetail(_ProductsMixin, generics.RetrieveAPIView):
    def get_object(self):
        return _found(selectors.api_product(self.kwargs["pk"]), NO_PRODUCT)


@extend_schema(
    tags=["traceability"],
    summary="A product's public lots",
    description="The product's published and recalled lots, the latest first, each with its "
    "trace events. A product not on sale is a 404.",
    parameters=[*LANGUAGE, PRODUCT_ID],
    responses={200: LotSerializer(many=True), **LIST_ERRORS},
)
class ProductLots(_PublicView, generics.ListAPIView):
    serializer_class = LotSerializer

    def get_queryset(self):
        if not selectors.is_listed(self.kwargs["pk"]):
            raise NotFound(NO_PRODUCT)
        return selectors.product_lots(self.kwargs["pk"])


@extend_schema(
    tags=["traceability"],
    summary="A public lot",
    description="The lot whose traceability page is /t/<short_code> (its QR code): a "
    "published or recalled lot, with its events in order. A draft is a 404.",
    parameters=[*LANGUAGE, SHORT_CODE],
    responses={200: LotSerializer, **DETAIL_ERRORS},
)
class LotDetail(_PublicView, generics.RetrieveAPIView):
    serializer_class = LotSerializer

    def get_object(self):
        return _found(selectors.lot_by_short_code(self.kwargs["short_code"]), NO_LOT)


class _CategoriesMixin(_PublicView):
    serializer_class = CategorySerializer

    def get_serializer_context(self):
        # One query names every category's parents: no query per category.
        slugs = selectors.category_slugs_by_path()
        return {**super().get_serializer_context(), "category_slugs": slugs}


@extend_schema(
    tags=["catalogue"],
    summary="Categories",
    description="The public categories, in tree order (a parent before its children).",
    parameters=LANGUAGE,
    responses={200: CategorySerializer(many=True), **LIST_ERRORS},
)
class CategoryList(_CategoriesMixin, generics.ListAPIView):
    def get_queryset(self):
        return selectors.public_categories()


@extend_schema(
    tags=["catalogue"],
    summary="One category",
    description="A public category by its slug (the highest in the tree when several share it).",
    parameters=[*LANGUAGE, CATEGORY_SLUG],
    responses={200: CategorySerializer, **DETAIL_ERRORS},
)
class CategoryDetail(_CategoriesMixin, generics.RetrieveAPIView):
    def get_object(self):
        return _found(selectors.category_by_slug(self.kwargs["slug"]), NO_CATEGORY)


@extend_schema(
    tags=["catalogue"],
    summary="Cooperatives",
    description="The cooperatives selling in the shop, by name: their public profile.",
    parameters=LANGUAGE,
    responses={200: CooperativeSerializer(many=True), **LIST_ERRORS},
)
class CooperativeList(_PublicView, generics.ListAPIView):
    serializer_class = CooperativeSerializer

    def get_queryset(self):
        return selectors.api_cooperatives()


@extend_schema(
    tags=["catalogue"],
    summary="One cooperative",
    description="A cooperative selling in the shop; any other is a 404.",
    parameters=[*LANGUAGE, COOPERATIVE_SLUG],
    responses={200: CooperativeSerializer, **DETAIL_ERRORS},
)
class CooperativeDetail(_PublicView, generics.RetrieveAPIView):
    serializer_class = CooperativeSerializer

    def get_object(self):
        cooperative = selectors.api_cooperatives().filter(slug=self.kwargs["slug"]).first()
        return _found(cooperative, NO_COOPERATIVE)


@extend_schema(
    tags=["search"],
    summary="Search products",
    description="The shop's search: the search server ranks the products when it answers, "
    "the database matches titles and cooperatives' names while it is away. Products come "
    "as /products/ writes them.",
    parameters=[*LANGUAGE, SearchQuery],
    responses={200: ProductSerializer(many=True), 400: SEARCH_ERRORS, **LIST_ERRORS},
)
class Search(_ProductsMixin, generics.ListAPIView):
    def get_queryset(self):
        # Only the browsable API asks (its filter form); the products come from list().
        return product_cards().none()

    def list(self, request, *args, **kwargs):
        query = read_params(SearchQuery, request)["q"]
        paginator = self.paginator
        try:
            listing = listing_page(
                form=BrowseForm({"q": query}),
                category=None,
                page_number=request.query_params.get(paginator.page_query_param),
                per_page=paginator.get_page_size(request),
                path=request.path,
                params=request.query_params,
                language=get_language(),
            )
        except InvalidPage:
            raise NotFound(Pagination.invalid_page_message) from None
        products = selectors.with_product_relations(list(listing.page.object_list))
        paginator.request, paginator.page = request, listing.page
        return paginator.get_paginated_response(self.get_serializer(products, many=True).data)
