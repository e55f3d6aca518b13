from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.search.forms import *  # noqa: F403

from search.listing import Sort


class BrowseForm(forms.Form):
    """The listing's own query string: sort order, cooperative and search text."""

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
    cooperative = forms.SlugField(required=False, max_length=128)

    def listing_kwargs(self):
        """Return the keyword arguments for ``product_listing``; bad values are ignored."""
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "query": data.get("q") or "",
            "sort": data.get("sort_by") or Sort.NEWEST,
            "cooperative_slug": data.get("cooperative") or "",
        }
