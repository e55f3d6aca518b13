import datetime

from django.db import transaction
from oscar.core.loading import get_model

from catalogue.models import OCOP_VALIDITY_MONTHS

Certificate = get_model("catalogue", "Certificate")


def _add_months(day, months):
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    # 29–31 of a month that is shorter becomes its last day.
    for last_day in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last_day))
        except ValueError:
            continue
    raise AssertionError("unreachable")


@transaction.atomic
def certificate_create(
    *, product, kind, authority, decision_number, issued_on, stars=None, expires_on=None,
    document=None,
):  # fmt: skip
    """Record a product certificate; an OCOP rating expires 36 months after issue by default."""
    if expires_on is None:
        expires_on = _add_months(issued_on, OCOP_VALIDITY_MONTHS)
    certificate = Certificate(
        product=product,
        kind=kind,
        stars=stars if kind == Certificate.Kind.OCOP else None,
        authority=authority,
        decision_number=decision_number,
        issued_on=issued_on,
        expires_on=expires_on,
    )
    if document is not None:
        certificate.document = document
    certificate.full_clean()
    certificate.save()
    return certificate
