"""Pages of results: ``?page=2&page_size=50``, with the total count and the next address."""

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    """DRF's page numbers, with ``page_size`` checked rather than quietly ignored.

    A ``page_size`` that is not a whole number from 1 to 100 is a 400, as any other
    refused parameter is; the schema says the range.
    """

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    invalid_page_message = _("Không có trang kết quả này.")

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not (raw.isascii() and raw.isdigit() and 1 <= int(raw) <= self.max_page_size):
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        _("Số kết quả mỗi trang là số nguyên từ 1 đến %(max)s.")
                        % {"max": self.max_page_size}
                    ]
                }
            )
        return int(raw)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size)
            elif parameter["name"] == self.page_query_param:
                parameter["schema"].update(minimum=1)
        return parameters
