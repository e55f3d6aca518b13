import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalogue.models import EXPIRY_WARNING_DAYS, OCOP_VALIDITY_MONTHS
from marketplace import access

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
    document=None, verified_by=None,
):  # fmt: skip
    """Record a product certificate; an OCOP rating expires 36 months after issue by default.

    Without ``verified_by`` (a staff user) the certificate waits for staff to check it and
    shows no badge until then.
    """
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
    if verified_by is not None:
        certificate.verified_by, certificate.verified_at = verified_by, timezone.now()
    certificate.full_clean()
    certificate.save()
    return certificate


@transaction.atomic
def certificate_verify(*, certificate, by):
    """Mark the certificate checked by staff member ``by``: its badge shows from now on."""
    if not access.sees_everything(by):
        raise PermissionDenied
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.verified_at is not None:
        raise ValidationError(_("Chứng nhận này đã được xác minh."), code="already_verified")
    certificate.verified_at, certificate.verified_by = timezone.now(), by
    certificate.rejection_reason = ""
    certificate.save(update_fields=["verified_at", "verified_by", "rejection_reason"])
    return certificate


@transaction.atomic
def certificate_reject(*, certificate, reason, by):
    """Refuse the certificate with a reason the cooperative will read; no badge shows."""
    if not access.sees_everything(by):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Hãy ghi lý do từ chối."), code="reason_required")
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    certificate.verified_at, certificate.verified_by = None, None
    certificate.rejection_reason = reason[:255]
    certificate.save(update_fields=["verified_at", "verified_by", "rejection_reason"])
    return certificate


@transaction.atomic
def certificate_revoke(*, certificate, reason, by):
    """Withdraw a verified certificate (staff only), with a reason shown to the public.

    From the commit on, no badge, filter, search result or page counts it: saving it
    re-indexes its product and replaces the catalogue stamp (search.receivers), and the
    lot pages of its product are invalidated; the QR page lists it as revoked. The
    cooperative is e-mailed why.
    """
    if not access.sees_everything(by):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Hãy ghi lý do thu hồi chứng nhận."), code="reason_required")
    certificate = (
        Certificate.objects.select_for_update(of=("self",))
        .select_related("product__cooperative__partner")
        .get(pk=certificate.pk)
    )
    if certificate.revoked_at is not None:
        raise ValidationError(_("Chứng nhận này đã bị thu hồi."), code="already_revoked")
    if certificate.verified_at is None:
        raise ValidationError(
            _("Chỉ thu hồi được chứng nhận đã xác minh; hãy từ chối chứng nhận đang chờ."),
            code="not_verified",
        )
    certificate.revoked_at, certificate.revoked_by = timezone.now(), by
    certificate.revocation_reason = reason[:255]
    certificate.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
    cooperative = certificate.product.cooperative
    if cooperative is not None:
        from marketplace.partner.services import send_to_cooperative

        send_to_cooperative(
            cooperative=cooperative,
            template="certificate_revoked",
            context={"certificate": certificate, "reason": certificate.revocation_reason},
        )
    return certificate


def certificates_warn_expiring(*, today=None):
    """E-mail each cooperative once about its certificates that expire within 60 days.

    Return the number of cooperatives e-mailed. A certificate is announced only once
    (``expiry_warned_at``); Celery beat runs it daily
    (``catalogue.tasks.certificates_warn_expiring``); ``manage.py warn_expiring_certificates``
    runs it by hand.
    """
    from marketplace.partner.services import send_to_cooperative

    today = today or timezone.localdate()
    due = (
        Certificate.objects.expiring_on(today)
        .filter(expiry_warned_at__isnull=True, product__cooperative__isnull=False)
        .select_related("product__cooperative__partner")
        .order_by("product__cooperative_id", "expires_on")
    )
    by_cooperative = {}
    for certificate in due:
        by_cooperative.setdefault(certificate.product.cooperative, []).append(certificate)
    for cooperative, certificates in by_cooperative.items():
        with transaction.atomic():
            send_to_cooperative(
                cooperative=cooperative,
                template="certificates_expiring",
                context={"certificates": certificates, "days": EXPIRY_WARNING_DAYS},
            )
            Certificate.objects.filter(pk__in=[c.pk for c in certificates]).update(
                expiry_warned_at=timezone.now()
            )
    return len(by_cooperative)
