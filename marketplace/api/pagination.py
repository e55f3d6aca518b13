"""Pages of results: ``?page=2&page_size=50``, with the total count and the next address."""

from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
