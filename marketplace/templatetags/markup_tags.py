"""Filters that keep the pages' HTML valid where the data would not.

``{{ phone|tel_uri }}``: a ``tel:`` address without the spaces people write in numbers.
``{{ form|without_ids }}``: a form of hidden fields only, shown once per product card (a
product may have two cards on a page), with no ids to repeat.
``{{ form|ids_for:"advanced" }}``: a form shown twice on a page, its second copy's ids
prefixed.
"""

import re

from django import template
from django.core.exceptions import ValidationError

from marketplace.partner.validators import normalise_vietnamese_phone

register = template.Library()


@register.filter
def tel_uri(phone):
    """Return the ``tel:`` address of ``phone``, in international form when it is valid.

    "0210 3812 345" → "tel:+842103812345". A space is not allowed in the address
    (RFC 3966); a number that does not parse keeps its digits (and a leading +).
    """
    phone = str(phone or "").strip()
    try:
        return f"tel:{normalise_vietnamese_phone(phone)}"
    except ValidationError:
        digits = re.sub(r"\D", "", phone)
        return f"tel:{'+' if phone.startswith('+') else ''}{digits}" if digits else ""


@register.filter
def without_ids(form):
    """Return ``form`` rendering its fields without id attributes.

    Django gives every instance of a form the same ids (``id_quantity``): a page of
    product cards would repeat them, and an id must be unique in a page. Hidden fields
    have no label to point at them, so they need no id.
    """
    form.auto_id = False
    return form


@register.filter
def ids_for(form, key):
    """Return ``form`` with field ids that name ``key`` (``id_<key>_order_number``)."""
    form.auto_id = f"id_{key}_%s"
    return form
