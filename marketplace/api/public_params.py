"""The public API's query parameters, read through serializers, and its error bodies.

A parameter that cannot be read (``?min_stars=many``, ``?province=99``, an empty ``q``)
is a 400 naming it: ``{"min_stars": ["…"]}``, never a guess and never a 500.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema_serializer, inline_serializer
from rest_framework import serializers

from marketplace import places
from marketplace.api.views import LANGUAGE_PARAMETER
from search.forms import BrowseForm

# The shop's search box takes this many characters at most; the API says so (400).
SEARCH_MAX_CHARS = BrowseForm.base_fields["q"].max_length


SLUG_ERRORS = {
    "invalid": _("Đường dẫn chỉ gồm chữ không dấu, chữ số, dấu - và _."),
    "max_length": _("Đường dẫn dài tối đa {max_length} ký tự."),
}
NUMBER_ERRORS = {
    "invalid": _("Hãy ghi một số nguyên."),
    "max_string_length": _("Số quá dài."),
}


class ProductFilters(serializers.Serializer):
    category = serializers.SlugField(
        required=False,
        max_length=255,
        error_messages=SLUG_ERRORS,
        help_text="A category's slug; its subcategories count too.",
    )
    cooperative = serializers.SlugField(
        required=False,
        max_length=128,
        error_messages=SLUG_ERRORS,
        help_text="A cooperative's slug.",
    )
    province = serializers.IntegerField(
        required=False,
        error_messages=NUMBER_ERRORS,
        help_text="The origin province's official code (34 provinces since July 2025), e.g. 25.",
    )
    min_stars = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=5,
        error_messages={
            **NUMBER_ERRORS,
            "min_value": _("Số sao từ 1 đến 5."),
            "max_value": _("Số sao từ 1 đến 5."),
        },
        help_text="At least this many OCOP stars, from a certificate valid today.",
    )
    in_stock = serializers.BooleanField(
        required=False,
        default=False,
        error_messages={"invalid": _("Hãy ghi true hoặc false.")},
        help_text="Only products that can be bought now.",
    )

    def validate_province(self, value):
        if value not in places.province_names():
            raise serializers.ValidationError(_("Không có tỉnh/thành nào mang mã này."))
        return value


class SearchQuery(serializers.Serializer):
    q = serializers.CharField(
        max_length=SEARCH_MAX_CHARS,
        help_text="What to look for: words of a product's title or of its cooperative's name, "
        "with or without Vietnamese diacritics.",
        error_messages={
            "required": _("Hãy nhập từ khoá tìm kiếm (tham số q)."),
            "blank": _("Hãy nhập từ khoá tìm kiếm (tham số q)."),
            "max_length": _("Từ khoá tìm kiếm dài tối đa {max_length} ký tự."),
            "null_characters_not_allowed": _("Từ khoá tìm kiếm có ký tự không hợp lệ."),
        },
    )


def read_params(serializer_class, request):
    """Return the validated query parameters, or raise the 400 that names the bad ones.

    Read as plain values, not as a form's: an empty ``?cooperative=`` is refused like any
    other bad value instead of counting as left out.
    """
    params = serializer_class(data=request.query_params.dict())
    params.is_valid(raise_exception=True)
    return params.validated_data


@extend_schema_serializer(component_name="PublicError")
class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What went wrong, in the request's language.")


def _field_errors(name, fields):
    return inline_serializer(
        name=name,
        fields={
            field: serializers.ListField(child=serializers.CharField(), required=False)
            for field in fields
        },
    )


NOT_FOUND = OpenApiResponse(ErrorSerializer, description="Nothing public at this address.")
PAGE_NOT_FOUND = OpenApiResponse(
    ErrorSerializer, description="No such page of results (or nothing public at this address)."
)
THROTTLED = OpenApiResponse(
    ErrorSerializer,
    description="Too many requests from this address; the Retry-After header says when to "
    "try again.",
)
PRODUCT_FILTER_ERRORS = OpenApiResponse(
    _field_errors("PublicProductFilterErrors", ProductFilters().fields),
    description="A filter's value cannot be read: each bad parameter with its messages.",
)
SEARCH_ERRORS = OpenApiResponse(
    _field_errors("PublicSearchQueryErrors", SearchQuery().fields),
    description="No search text, or too long a one.",
)
LANGUAGE = [LANGUAGE_PARAMETER]
