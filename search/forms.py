import re

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.search.forms import *  # noqa: F403
from oscar.core.loading import get_model

from marketplace import places
from search.queries import PRICE_RANGES, Filters, Sort

Certificate = get_model("catalogue", "Certificate")

SORT_LABELS = {
    Sort.RELEVANCE: _("Phù hợp nhất"),
    Sort.NEWEST: _("Mới nhất"),
    Sort.PRICE_ASC: _("Giá tăng dần"),
    Sort.PRICE_DESC: _("Giá giảm dần"),
    Sort.TITLE_ASC: _("Tên A–Z"),
    Sort.RATING: _("Đánh giá cao"),
}
PRICE_LABELS = {
    "0-100000": _("Dưới 100.000 ₫"),
    "100000-200000": _("100.000 – 200.000 ₫"),
    "200000-500000": _("200.000 – 500.000 ₫"),
    "500000-": _("Từ 500.000 ₫"),
}
STAR_LABELS = {"5": _("5 sao"), "4": _("4 sao"), "3": _("3 sao")}
_SLUG = re.compile(r"^[-a-z0-9_]{1,128}$")


class BrowseForm(forms.Form):
    """The listing's query string: search text, sort order and facet selections.

    Facets take several values each (``?province=25&province=1``); values that are not
    valid (an old link, a hand-edited URL) are ignored rather than refused.
    """

    # Every query parameter a listing reads (the facets' names are in ``filters``).
    PARAMS = ("q", "sort_by", "page", "category", "province", "stars", "cooperative", "cert",
              "price", "in_stock")  # fmt: skip

    q = forms.CharField(required=False, max_length=200)
    sort_by = forms.ChoiceField(
        label=_("Sắp xếp theo"),
        required=False,
        choices=list(SORT_LABELS.items()),
        widget=forms.Select(attrs={"class": "form-control", "onchange": "this.form.submit()"}),
    )

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.data_lists = data if data is not None else {}

    def _values(self, name):
        getter = getattr(self.data_lists, "getlist", None)
        values = getter(name) if getter else []
        return list(dict.fromkeys(v.strip() for v in values if v.strip()))[:50]

    def _ints(self, name, allowed=None):
        ints = []
        for value in self._values(name):
            if value.isdigit() and len(value) < 10 and (allowed is None or int(value) in allowed):
                ints.append(int(value))
        return ints

    def query(self):
        """Return the search text ("" when absent or too long)."""
        self.is_valid()
        return self.cleaned_data.get("q") or ""

    def sort(self):
        """Return the chosen order: relevance for a search, newest for browsing."""
        self.is_valid()
        default = Sort.RELEVANCE if self.query() else Sort.NEWEST
        return self.cleaned_data.get("sort_by") or default

    def filters(self):
        """Return the valid facet selections as ``Filters``."""
        kinds = {k for k, _label in Certificate.Kind.choices}
        return Filters(
            categories=self._ints("category"),
            provinces=self._ints("province", allowed=places.province_names()),
            stars=self._ints("stars", allowed={3, 4, 5}),
            cooperatives=[v for v in self._values("cooperative") if _SLUG.match(v)],
            certifications=[v for v in self._values("cert") if v in kinds],
            prices=[v for v in self._values("price") if v in {k for k, *_ in PRICE_RANGES}],
            in_stock=self._values("in_stock") == ["1"],
        )
