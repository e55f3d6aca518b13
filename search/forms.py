from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.search.forms import *  # noqa: F403
from vietnam_provinces import Province

from marketplace.partner.selectors import public_cooperatives
from search.listing import Sort


def _province_choices():
    provinces = sorted(Province.iter_all(), key=lambda p: p.name)
    return [("", _("Tất cả tỉnh/thành"))] + [(str(int(p.code)), p.name) for p in provinces]


class BrowseForm(forms.Form):
    """The listing's own query string: filters, sort order and search text."""

    q = forms.CharField(required=False, max_length=200)
    sort_by = forms.ChoiceField(
        label=_("Sắp xếp theo"),
        required=False,
        choices=[
            (Sort.NEWEST, _("Mới nhất")),
            (Sort.PRICE_ASC, _("Giá tăng dần")),
            (Sort.PRICE_DESC, _("Giá giảm dần")),
            (Sort.TITLE_ASC, _("Tên A–Z")),
            (Sort.RATING, _("Đánh giá cao")),
        ],
        widget=forms.Select(attrs={"class": "form-control", "onchange": "this.form.submit()"}),
    )
    stars = forms.TypedChoiceField(
        label=_("Hạng sao OCOP"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[
            ("", _("Mọi hạng sao")),
            ("3", _("Từ 3 sao")),
            ("4", _("Từ 4 sao")),
            ("5", _("5 sao")),
        ],  # fmt: skip
        widget=forms.Select(attrs={"class": "form-control"}),
    )
    province = forms.TypedChoiceField(
        label=_("Tỉnh/thành"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=_province_choices,
        widget=forms.Select(attrs={"class": "form-control"}),
    )
    cooperative = forms.ChoiceField(
        label=_("Hợp tác xã"),
        required=False,
        choices=[],
        widget=forms.Select(attrs={"class": "form-control"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cooperative"].choices = [("", _("Tất cả hợp tác xã"))] + [
            (slug, name)
            for slug, name in public_cooperatives()
            .order_by("partner__name")
            .values_list("slug", "partner__name")
        ]

    def listing_kwargs(self):
        """Return the keyword arguments for ``product_listing``; bad values are ignored."""
        if not self.is_valid():
            # Keep the valid parts of a partly bad query string (e.g. an old link).
            data = {k: v for k, v in self.cleaned_data.items() if k not in self.errors}
        else:
            data = self.cleaned_data
        return {
            "query": data.get("q") or "",
            "sort": data.get("sort_by") or Sort.NEWEST,
            "cooperative_slug": data.get("cooperative") or "",
            "min_stars": data.get("stars"),
            "province_code": data.get("province"),
        }
