"""The facet sidebar and the "active filters" row, ready for the template."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from marketplace import places
from search.forms import PRICE_LABELS, STAR_LABELS
from search.queries import PRICE_RANGES

Category = get_model("catalogue", "Category")
Certificate = get_model("catalogue", "Certificate")
Cooperative = get_model("partner", "Cooperative")

# Query-string name, title, and the Filters attribute of each facet, in sidebar order.
FACETS = [
    ("category", "category", _("Danh mục"), "categories"),
    ("province", "province", _("Tỉnh/thành"), "provinces"),
    ("stars", "stars", _("Hạng sao OCOP"), "stars"),
    ("cooperative", "cooperative", _("Hợp tác xã"), "cooperatives"),
    ("certification", "cert", _("Chứng nhận"), "certifications"),
    ("price", "price", _("Khoảng giá"), "prices"),
    ("in_stock", "in_stock", _("Tình trạng"), "in_stock"),
]
# Facets the database fallback can offer without counting (no query per option).
FALLBACK_FACETS = {"stars", "certification", "price", "in_stock"}


@dataclass
class Option:
    value: str
    label: str
    count: int | None
    selected: bool
    url: str


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)


def _toggle_url(path, params, param, value):
    """Return ``path`` with ``value`` added to or removed from ``param``; page 1."""
    query = params.copy()
    query.pop("page", None)
    values = query.getlist(param)
    if value in values:
        values.remove(value)
    else:
        values.append(value)
    query.setlist(param, values)
    encoded = query.urlencode()
    return f"{path}?{encoded}" if encoded else path


def _labels(name, values):
    """Return {value: label} for the option values of facet ``name``."""
    if name == "category":
        ids = [int(v) for v in values if v.isdigit()]
        return {
            str(pk): n for pk, n in Category.objects.filter(pk__in=ids).values_list("pk", "name")
        }
    if name == "province":
        return {str(code): n for code, n in places.province_names().items()}
    if name == "stars":
        return {k: str(v) for k, v in STAR_LABELS.items()}
    if name == "cooperative":
        return dict(
            Cooperative.objects.filter(slug__in=values).values_list("slug", "partner__name")
        )
    if name == "certification":
        return {k: str(v) for k, v in Certificate.Kind.choices}
    if name == "price":
        return {k: str(v) for k, v in PRICE_LABELS.items()}
    return {"1": str(_("Còn hàng"))}


def _fixed_order(name):
    if name == "stars":
        return list(STAR_LABELS)
    if name == "price":
        return [key for key, *_ in PRICE_RANGES]
    if name == "certification":
        return [k for k, _label in Certificate.Kind.choices]
    if name == "in_stock":
        return ["1"]
    return None


def build_facets(*, counts, filters, path, params):
    """Return (facets, active) for the sidebar and the removable "active filters".

    ``counts`` is facet name → {value: count} from the search server, or None when the
    database answered: then only the facets in ``FALLBACK_FACETS`` are offered, without
    counts.
    """
    facets, active = [], []
    for name, param, label, attribute in FACETS:
        chosen = getattr(filters, attribute)
        selected = ["1"] if chosen is True else [] if chosen is False else [str(v) for v in chosen]
        if counts is None:
            if name not in FALLBACK_FACETS and not selected:
                continue
            facet_counts = dict.fromkeys(_fixed_order(name) or [], None)
        else:
            facet_counts = counts.get(name, {})
        values = list(facet_counts)
        values += [v for v in selected if v not in facet_counts]
        order = _fixed_order(name)
        if order:
            values = [v for v in order if v in values]
        else:
            values.sort(key=lambda v: -(facet_counts.get(v) or 0))
        labels = _labels(name, values)
        facet = Facet(name=param, label=label)
        for value in values:
            if value not in labels:
                continue
            option = Option(
                value=value,
                label=labels[value],
                count=facet_counts.get(value),
                selected=value in selected,
                url=_toggle_url(path, params, param, value),
            )
            facet.options.append(option)
            if option.selected:
                active.append(option)
        if facet.options and (counts is not None or name in FALLBACK_FACETS):
            facets.append(facet)
    return facets, active
