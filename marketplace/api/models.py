"""Personal access tokens: how a cooperative's programs call the API on its behalf."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# What a token may do. Reading a family is allowed by its read or its write scope.
SCOPES = {
    "catalogue:read": _("Xem sản phẩm, giá và tồn kho"),
    "catalogue:write": _("Sửa giá và tồn kho"),
    "orders:read": _("Xem đơn hàng và kiện hàng"),
    "orders:write": _("Cập nhật kiện hàng (đóng gói, gửi, đã giao)"),
    "trace:read": _("Xem lô hàng và sự kiện truy xuất"),
    "trace:write": _("Tạo lô hàng, ghi sự kiện, công bố lô"),
}
SCOPE_CHOICES = list(SCOPES.items())


class AccessTokenQuerySet(models.QuerySet):
    def usable(self, now=None):
        """Tokens neither revoked nor expired at ``now``."""
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)


class AccessToken(models.Model):
    """A secret one login of a cooperative made for a program (a channel tool, a script).

    The token acts as that login: what it may reach is what ``marketplace.access`` gives
    the login (the cooperative it acts for, approved, the login still one of its users),
    narrowed to the token's scopes. Only a SHA-256 digest of the secret is kept; the
    secret is shown once, when the token is made.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cooperative_api_tokens",
        verbose_name=_("Người tạo"),
    )  # fmt: skip
    cooperative = models.ForeignKey(
        "partner.Cooperative", on_delete=models.CASCADE, related_name="api_tokens",
        verbose_name=_("Hợp tác xã"),
    )  # fmt: skip
    name = models.CharField(_("Tên gợi nhớ"), max_length=80)
    # The token's public part ("ocop_3f9a1c2e"): shown in lists and logs, used to find it.
    prefix = models.CharField(_("Mã nhận diện"), max_length=16, unique=True, editable=False)
    key_hash = models.CharField(max_length=64, editable=False)
    scopes = models.JSONField(_("Quyền"), default=list)
    created_at = models.DateTimeField(_("Ngày tạo"), auto_now_add=True)
    expires_at = models.DateTimeField(_("Hết hạn"))
    last_used_at = models.DateTimeField(_("Dùng lần cuối"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("Ngày thu hồi"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("Người thu hồi"),
    )  # fmt: skip

    objects = AccessTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Mã truy cập API")
        verbose_name_plural = _("Các mã truy cập API")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_usable(self):
        return self.revoked_at is None and self.expires_at > timezone.now()

    @property
    def state(self):
        """Return "revoked", "expired" or "active": the token's state in the dashboard."""
        if self.revoked_at is not None:
            return "revoked"
        return "active" if self.expires_at > timezone.now() else "expired"

    @property
    def scope_labels(self):
        """Return what the token may do, in words, in the order of ``SCOPES``."""
        return [label for scope, label in SCOPES.items() if scope in self.scopes]

    def allows(self, scope):
        """True when the token holds ``scope``, or the write scope of a read one."""
        family, _sep, action = scope.partition(":")
        return scope in self.scopes or (action == "read" and f"{family}:write" in self.scopes)
