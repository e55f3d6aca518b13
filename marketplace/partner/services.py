"""Cooperative onboarding: a cooperative applies, staff approve, reject or suspend it.

Dashboard access follows the status: an applicant's account exists from the start (so they
can sign in and follow their application) but holds Oscar's ``partner.dashboard_access``
permission only while the cooperative is approved.
"""

import functools
import logging
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Permission
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.apps.customer.utils import normalise_email
from oscar.core.loading import get_model
from oscar.core.utils import slugify

from marketplace import access, places, vnd
from marketplace.links import absolute_url
from marketplace.mail import mail_send
from marketplace.partner.validators import normalise_vietnamese_phone

Cooperative = get_model("partner", "Cooperative")
CooperativePhoto = get_model("partner", "CooperativePhoto")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
User = get_user_model()

logger = logging.getLogger(__name__)

Status = Cooperative.Status


def cooperative_apply(
    *,
    name,
    contact_name,
    phone,
    province_code,
    ward_code,
    address="",
    founded_year=None,
    members_count=None,
    story="",
    user=None,
    email="",
    password="",
):
    """Record a cooperative's application to sell and return the new Cooperative.

    A visitor applies with ``email`` and ``password`` and gets a new account; a signed-in
    ``user`` applies with their own. Either way the account is linked to a new Oscar
    partner and gets no dashboard access until staff approve. The applicant and every
    staff member are e-mailed once the application is saved.
    """
    errors = {}
    try:
        phone = normalise_vietnamese_phone(phone)
    except ValidationError as error:
        errors["phone"] = error.messages
    if not places.ward_in_province(ward_code, province_code):
        errors["ward_code"] = [_("Xã/phường này không thuộc tỉnh/thành phố đã chọn.")]
    if user is None:
        email = normalise_email(email)
        if User._default_manager.filter(email__iexact=email).exists():
            errors["email"] = [
                _("Đã có tài khoản dùng thư điện tử này; hãy đăng nhập rồi đăng ký.")
            ]
    elif access.memberships(user).exists():
        errors[NON_FIELD_ERRORS] = [_("Tài khoản này đã gắn với một hợp tác xã.")]
    if errors:
        raise ValidationError(errors)

    with transaction.atomic():
        if user is None:
            user = _applicant_create(email=email, password=password, full_name=contact_name)
        elif contact_name and user.get_full_name() != contact_name:
            _set_full_name(user, contact_name)
            # Check only the name: older accounts may hold values today's validators refuse.
            user.clean_fields(
                exclude={f.name for f in User._meta.fields} - {"first_name", "last_name"}
            )
            user.save(update_fields=["first_name", "last_name"])
        partner = Partner(name=name)
        partner.full_clean()
        partner.save()
        partner.users.add(user)
        cooperative = Cooperative(
            partner=partner,
            slug=_unique_slug(name),
            province_code=province_code,
            ward_code=ward_code,
            address=address,
            phone=phone,
            email=user.email,
            founded_year=founded_year,
            members_count=members_count,
            story=story,
            status=Status.APPLIED,
        )
        cooperative.full_clean()
        cooperative.save()
        transaction.on_commit(
            functools.partial(_email_application_received, cooperative_pk=cooperative.pk),
            robust=True,
        )
    logger.info("Cooperative %s applied (user %s)", cooperative.slug, user.pk)
    return cooperative


def cooperative_approve(*, cooperative, by):
    """Approve ``cooperative``: it may sell, and its users may open the shop dashboard."""
    if cooperative.status == Status.APPROVED:
        raise ValidationError(_("Hợp tác xã này đã được duyệt rồi."), code="invalid_transition")
    with transaction.atomic():
        cooperative.status = Status.APPROVED
        cooperative.approved_at = timezone.now()
        cooperative.rejection_reason = ""
        cooperative.full_clean()
        cooperative.save(update_fields=["status", "approved_at", "rejection_reason"])
        _dashboard_permission().user_set.add(*cooperative.partner.users.all())
        transaction.on_commit(
            functools.partial(
                _email_cooperative_users, cooperative_pk=cooperative.pk, template="approved"
            ),
            robust=True,
        )
    logger.info("Cooperative %s approved by user %s", cooperative.slug, by.pk)
    return cooperative


def cooperative_reject(*, cooperative, reason, by):
    """Turn down ``cooperative``'s application, telling its users ``reason``."""
    reason = (reason or "").strip()
    if cooperative.status != Status.APPLIED:
        raise ValidationError(
            _("Chỉ từ chối được hồ sơ đang chờ duyệt (hồ sơ này: %(status)s).")
            % {"status": cooperative.get_status_display()},
            code="invalid_transition",
        )
    if not reason:
        raise ValidationError(
            {"reason": [_("Hãy ghi lý do từ chối để hợp tác xã biết cần bổ sung gì.")]}
        )
    with transaction.atomic():
        cooperative.status = Status.REJECTED
        cooperative.rejection_reason = reason
        cooperative.full_clean()
        cooperative.save(update_fields=["status", "rejection_reason"])
        transaction.on_commit(
            functools.partial(
                _email_cooperative_users, cooperative_pk=cooperative.pk, template="rejected"
            ),
            robust=True,
        )
    logger.info("Cooperative %s rejected by user %s", cooperative.slug, by.pk)
    return cooperative


def cooperative_suspend(*, cooperative, reason, by):
    """Stop an approved cooperative selling and close its users' dashboard.

    The model has one field for a reason, ``rejection_reason``; it holds the suspension's.
    """
    reason = (reason or "").strip()
    if cooperative.status != Status.APPROVED:
        raise ValidationError(
            _("Chỉ tạm ngưng được hợp tác xã đã duyệt (hợp tác xã này: %(status)s).")
            % {"status": cooperative.get_status_display()},
            code="invalid_transition",
        )
    if not reason:
        raise ValidationError({"reason": [_("Hãy ghi lý do tạm ngưng.")]})
    with transaction.atomic():
        cooperative.status = Status.SUSPENDED
        cooperative.rejection_reason = reason
        cooperative.full_clean()
        cooperative.save(update_fields=["status", "rejection_reason"])
        # Staff keep their access through is_staff; only the cooperative's own logins lose it.
        _dashboard_permission().user_set.remove(*cooperative.partner.users.filter(is_staff=False))
        transaction.on_commit(
            functools.partial(
                _email_cooperative_users, cooperative_pk=cooperative.pk, template="suspended"
            ),
            robust=True,
        )
    logger.info("Cooperative %s suspended by user %s", cooperative.slug, by.pk)
    return cooperative


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------


def _applicant_create(*, email, password, full_name):
    # Oscar signs people in by e-mail; the username only has to be unique.
    user = User(username=get_random_string(30), email=email)
    _set_full_name(user, full_name)
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from error
    user.set_password(password)
    user.full_clean()
    user.save()
    return user


def _set_full_name(user, full_name):
    # Vietnamese names run family name first ("Nguyễn Thị Hoa"); splitting them into
    # first/last would make get_full_name() print them backwards, so keep them whole.
    user.first_name = full_name.strip()
    user.last_name = ""


def _unique_slug(name):
    base = slugify(name)[:120].strip("-") or "hop-tac-xa"
    slug, number = base, 1
    while Cooperative.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _dashboard_permission():
    return Permission.objects.get(codename="dashboard_access", content_type__app_label="partner")


def _send(*, template, recipients, context):
    """Send the Vietnamese e-mail ``partner/email/<template>``."""
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return
    context = {
        "shop_name": settings.OSCAR_SHOP_NAME,
        "application_url": absolute_url(reverse("cooperative-application")),
        "dashboard_url": absolute_url(reverse("dashboard:index")),
        **context,
    }
    # The request may be in English; e-mails to cooperatives and staff are in Vietnamese.
    mail_send(
        template_prefix=f"partner/email/{template}", context=context, recipients=recipients,
        language="vi",
    )  # fmt: skip


def _email_application_received(*, cooperative_pk):
    cooperative = Cooperative.objects.select_related("partner").get(pk=cooperative_pk)
    users = list(cooperative.partner.users.all())
    context = {"cooperative": cooperative, "users": users}
    _send(
        template="application_received",
        recipients=[user.email for user in users],
        context=context,
    )
    staff = User._default_manager.filter(is_staff=True, is_active=True).exclude(email="")
    _send(
        template="application_staff",
        recipients=staff.values_list("email", flat=True),
        context={
            **context,
            "review_url": absolute_url(
                reverse("dashboard-cooperative-detail", kwargs={"pk": cooperative.pk})
            ),
        },
    )


def _email_cooperative_users(*, cooperative_pk, template):
    cooperative = Cooperative.objects.select_related("partner").get(pk=cooperative_pk)
    users = cooperative.partner.users.filter(is_active=True)
    _send(
        template=template,
        recipients=users.values_list("email", flat=True),
        context={"cooperative": cooperative},
    )


PROFILE_FIELDS = (
    "story_vi", "story_en", "address", "phone", "email", "founded_year", "members_count",
    "latitude", "longitude", "bank_bin", "bank_account_number", "bank_account_name",
    "seller_kind", "legal_name", "tax_code", "gln", "gs1_company_prefix",
)  # fmt: skip


@transaction.atomic
def cooperative_profile_update(*, cooperative, by, logo=None, **fields):
    """Save the cooperative's own profile; only users acting for it (or staff) may."""
    if not access.may_act_for(by, cooperative):
        raise PermissionDenied
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"not profile fields: {sorted(unknown)}")
    if fields.get("phone"):
        fields["phone"] = normalise_vietnamese_phone(fields["phone"])
    for name, value in fields.items():
        setattr(cooperative, name, value)
    if logo is not None:
        cooperative.logo = logo
    cooperative.full_clean()
    cooperative.save()
    return cooperative


@transaction.atomic
def cooperative_photo_add(*, cooperative, image, caption, by):
    """Add a photo (already decoded and re-encoded) to the cooperative's public profile."""
    if not access.may_act_for(by, cooperative):
        raise PermissionDenied
    photo = CooperativePhoto(
        cooperative=cooperative,
        image=image,
        caption=caption,
        sort_order=cooperative.photos.count(),
    )
    photo.full_clean()
    photo.save()
    return photo


def send_to_cooperative(*, cooperative, template, context):
    """E-mail the cooperative's users (and its public address) in Vietnamese."""
    recipients = [user.email for user in cooperative.partner.users.all()] + [cooperative.email]
    _send(
        template=template,
        recipients=recipients,
        context={"cooperative": cooperative, **context},
    )


# The most units one stock record may hold: far above any cooperative's shelf, low enough
# that a typo ("10000000") is refused rather than put on sale.
MAX_STOCK = 1_000_000
# Lazy: the API's serializers say the same before the service is called.
STOCK_RANGE = gettext_lazy("Tồn kho là số nguyên từ 0 đến %(max)s.")
PRICE_RANGE = gettext_lazy("Giá bán là số đồng nguyên, từ 1 đến %(max)s.")


@transaction.atomic
def stockrecord_update(*, stockrecord, by, num_in_stock=None, price=None):
    """Set the units in stock and/or the price (whole đồng) of a cooperative's stock record.

    Only users acting for its cooperative (or staff) may. The stock may not fall below
    the units already held for orders not yet shipped (``num_allocated``). Raise
    ``PermissionDenied`` or ``ValidationError``; return the saved record.
    """
    record = StockRecord.objects.select_for_update(of=("self",)).get(pk=stockrecord.pk)
    cooperative = getattr(record.partner, "cooperative", None)
    if not access.may_act_for(by, cooperative):
        raise PermissionDenied(_("Bạn không quản lý kho hàng này."))
    if num_in_stock is None and price is None:
        raise ValidationError(_("Hãy gửi số lượng tồn kho, giá bán hoặc cả hai."))
    errors = {}
    if num_in_stock is not None:
        allocated = record.num_allocated or 0
        if type(num_in_stock) is not int or not 0 <= num_in_stock <= MAX_STOCK:
            errors["num_in_stock"] = STOCK_RANGE % {"max": MAX_STOCK}
        elif num_in_stock < allocated:
            errors["num_in_stock"] = _(
                "Tồn kho không được ít hơn %(allocated)s, số đã giữ cho các đơn chưa gửi."
            ) % {"allocated": allocated}
        else:
            record.num_in_stock = num_in_stock
    if price is not None:
        try:
            whole = not isinstance(price, bool) and int(price) == price
        except (TypeError, ValueError, OverflowError):
            whole = False
        if not whole or not 0 < price <= vnd.MAX_PRICE:
            errors["price"] = PRICE_RANGE % {"max": vnd.MAX_PRICE}
        else:
            record.price = Decimal(int(price))
    if errors:
        raise ValidationError(errors)
    record.full_clean()
    record.save()
    return record
