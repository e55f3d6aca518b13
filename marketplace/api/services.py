"""Making, checking and revoking personal access tokens."""

import datetime
import hashlib
import hmac
import re
import secrets

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from redis.exceptions import RedisError

from marketplace import access
from marketplace.api.models import SCOPES, AccessToken

# "ocop_" + 8 hex characters (the public prefix) + "_" + 43 URL-safe characters of secret.
TOKEN_PATTERN = re.compile(r"^(ocop_[0-9a-f]{8})_[A-Za-z0-9_-]{43}$")
LIFETIME_DAYS = (30, 90, 365)
# A token's "last used" is written at most this often, by the worker, never per request.
TOUCH_EVERY = datetime.timedelta(minutes=10)


def _digest(secret):
    return hashlib.sha256(secret.encode()).hexdigest()


def token_create(*, user, name, scopes, days=90):
    """Make a token for the cooperative ``user`` acts for; return ``(token, secret)``.

    The secret is returned once and never stored: only its digest is. Raise
    ``PermissionDenied`` when ``user`` acts for no cooperative, ``ValidationError`` for an
    empty name, an unknown scope or lifetime.
    """
    cooperative = access.acting_cooperative(user)
    if cooperative is None:
        raise PermissionDenied(_("Chỉ tài khoản của hợp tác xã đã duyệt mới tạo được mã API."))
    errors = {}
    name = (name or "").strip()
    if not name:
        errors["name"] = _("Hãy đặt tên cho mã, ví dụ “Đồng bộ Shopee”.")
    scopes = sorted(set(scopes or ()))
    if not scopes:
        errors["scopes"] = _("Hãy chọn ít nhất một quyền.")
    elif unknown := [scope for scope in scopes if scope not in SCOPES]:
        errors["scopes"] = _("Quyền không tồn tại: %(scopes)s") % {"scopes": ", ".join(unknown)}
    if days not in LIFETIME_DAYS:
        errors["days"] = _("Thời hạn phải là 30, 90 hoặc 365 ngày.")
    if errors:
        raise ValidationError(errors)
    while True:
        prefix = f"ocop_{secrets.token_hex(4)}"
        if not AccessToken.objects.filter(prefix=prefix).exists():
            break
    secret = f"{prefix}_{secrets.token_urlsafe(32)}"
    token = AccessToken(
        user=user,
        cooperative=cooperative,
        name=name[:80],
        prefix=prefix,
        key_hash=_digest(secret),
        scopes=scopes,
        expires_at=timezone.now() + datetime.timedelta(days=days),
    )
    token.full_clean()
    token.save()
    return token, secret


def token_revoke(*, token, by):
    """Revoke ``token`` for good. Its cooperative's logins and staff may; no one else."""
    if not access.may_act_for(by, token.cooperative):
        raise PermissionDenied(_("Bạn không quản lý mã này."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.revoked_by = by if by.is_authenticated else None
        token.save(update_fields=["revoked_at", "revoked_by"])
    return token


def token_find(secret):
    """Return the usable token whose secret is ``secret``, or None.

    The lookup is by the public prefix; the digests are compared in constant time.
    """
    match = TOKEN_PATTERN.match(secret or "")
    if not match:
        return None
    token = (
        AccessToken.objects.usable()
        .select_related("user", "cooperative")
        .filter(prefix=match.group(1))
        .first()
    )
    if token is None or not hmac.compare_digest(token.key_hash, _digest(secret)):
        return None
    return token


def token_used(token):
    """Note that ``token`` was used: the worker writes it, at most every ``TOUCH_EVERY``."""
    if token.last_used_at and timezone.now() - token.last_used_at < TOUCH_EVERY:
        return
    try:
        if not cache.add(f"api-token-touch:{token.pk}", 1, TOUCH_EVERY.total_seconds()):
            return
    except RedisError:
        return  # Redis is away: the call is served; its time is noted next time

    from marketplace.api import tasks
    from marketplace.jobs.services import enqueue

    enqueue(tasks.token_touch, token_id=token.pk, at=timezone.now().isoformat())
