"""Wagtail admin choosers for shop objects: products and cooperatives.

Editors pick them in a modal with a search box; the StreamField blocks in cms.blocks are
built from these viewsets, and ForeignKeys to these models use the same widget.
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic.chooser import (
    ChooseResultsView,
    ChooseView,
)
from wagtail.admin.viewsets.chooser import ChooserViewSet


class _TextSearchForm(BaseFilterForm):
    """A search box that matches words in the listed fields (the shop is not Wagtail-indexed)."""

    q = forms.CharField(
        label=_("Tìm"),
        widget=forms.TextInput(attrs={"placeholder": _("Tên, mã sản phẩm, hợp tác xã")}),
        required=False,
        max_length=100,
    )
    search_fields = ()

    def filter(self, objects):
        objects = super().filter(objects)
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            self.is_searching, self.search_query = True, query
            condition = Q()
            for field in self.search_fields:
                condition |= Q(**{f"{field}__icontains": query})
            objects = objects.filter(condition)
        return objects


class ProductSearchForm(_TextSearchForm):
    search_fields = ("title", "upc", "cooperative__partner__name")


class CooperativeSearchForm(_TextSearchForm):
    search_fields = ("partner__name", "slug")


class _ProductListMixin:
    filter_form_class = ProductSearchForm

    def get_object_list(self):
        Cooperative = get_model("partner", "Cooperative")
        return (
            get_model("catalogue", "Product")
            .objects.browsable()
            .filter(cooperative__status=Cooperative.Status.APPROVED)
            .select_related("cooperative__partner")
            .order_by("title", "pk")
        )


class ProductChooseView(_ProductListMixin, ChooseView):
    pass


class ProductChooseResultsView(_ProductListMixin, ChooseResultsView):
    pass


class ProductChooserViewSet(ChooserViewSet):
    model = "catalogue.Product"
    icon = "tag"
    choose_one_text = _("Chọn sản phẩm")
    choose_another_text = _("Chọn sản phẩm khác")
    edit_item_text = _("Sửa sản phẩm")
    per_page = 20
    choose_view_class = ProductChooseView
    choose_results_view_class = ProductChooseResultsView


class _CooperativeListMixin:
    filter_form_class = CooperativeSearchForm

    def get_object_list(self):
        Cooperative = get_model("partner", "Cooperative")
        return (
            Cooperative.objects.filter(status=Cooperative.Status.APPROVED)
            .select_related("partner")
            .order_by("partner__name")
        )


class CooperativeChooseView(_CooperativeListMixin, ChooseView):
    pass


class CooperativeChooseResultsView(_CooperativeListMixin, ChooseResultsView):
    pass


class CooperativeChooserViewSet(ChooserViewSet):
    model = "partner.Cooperative"
    icon = "group"
    choose_one_text = _("Chọn hợp tác xã")
    choose_another_text = _("Chọn hợp tác xã khác")
    edit_item_text = _("Sửa hợp tác xã")
    per_page = 20
    choose_view_class = CooperativeChooseView
    choose_results_view_class = CooperativeChooseResultsView


product_chooser_viewset = ProductChooserViewSet("product_chooser")
cooperative_chooser_viewset = CooperativeChooserViewSet("cooperative_chooser")
