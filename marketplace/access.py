"""Which cooperative a user acts for, and what of the marketplace's data they may reach.

One rule, decided here and nowhere else: a user acts for a cooperative when the user is
active, holds Oscar's ``partner.dashboard_access``, is one of the logins of the
cooperative's Oscar partner, and the cooperative is approved. Applied, rejected and
suspended cooperatives act for no one; a user removed from the partner acts for none.
Staff act for no cooperative but see every cooperative's data.

Every view, service and Oscar dashboard fork asks this module: ``acting_cooperative`` for
the cooperative, ``may_act_for`` before changing a cooperative's data, and the ``*_for``
scoping functions for what a list or a lookup may hold. Isolation is tested from the URL
configuration (``tests/functional/test_isolation_sweep.py``).
"""

from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from oscar.core.loading import get_model

Cooperative = get_model("partner", "Cooperative")

# Like Django's permission cache: kept on the user object, which lives for one request.
_CACHE_ATTRIBUTE = "_acting_cooperative_cache"


def sees_everything(user):
    """True for active marketplace staff: they act for no cooperative but see all."""
    return bool(user.is_active and user.is_staff)


def acting_cooperative(user):
    """Return the approved cooperative ``user`` acts for in the dashboard, or None."""
    if not getattr(user, "is_authenticated", False) or not user.is_active or user.is_staff:
        return None
    if not hasattr(user, _CACHE_ATTRIBUTE):
        cooperative = None
        if user.has_perm("partner.dashboard_access"):
            cooperative = (
                Cooperative.objects.filter(partner__users=user, status=Cooperative.Status.APPROVED)
                .select_related("partner")
                .order_by("pk")
                .first()
            )
        setattr(user, _CACHE_ATTRIBUTE, cooperative)
    return getattr(user, _CACHE_ATTRIBUTE)


def may_act_for(user, cooperative):
    """True when ``user`` may change ``cooperative``'s data: staff, or acting for it."""
    if cooperative is None:
        return sees_everything(user)
    if sees_everything(user):
        return True
    acting = acting_cooperative(user)
    return acting is not None and acting.pk == cooperative.pk


def memberships(user):
    """Return every cooperative ``user`` is a login of, whatever its status.

    For the applicant's own pages (the application's status, "one cooperative per
    account"), never for reaching data: that is ``acting_cooperative``.
    """
    if not getattr(user, "is_authenticated", False):
        return Cooperative.objects.none()
    return Cooperative.objects.filter(partner__users=user)


def _scoped(user, queryset, cooperative_path, model):
    """Return all of ``queryset`` for staff, the acting cooperative's rows, or none.

    ``queryset`` defaults to every row of ``model`` ("app_label.ModelName").
    """
    if queryset is None:
        queryset = get_model(*model.split("."))._default_manager.all()
    if sees_everything(user):
        return queryset
    cooperative = acting_cooperative(user)
    if cooperative is None:
        return queryset.none()
    return queryset.filter(**{cooperative_path: cooperative.pk})


# One scoping function per model family. Each takes an optional queryset to narrow
# (default: every row of the model) and returns what ``user`` may see of it.


def cooperatives_for(user, queryset=None):
    return _scoped(user, queryset, "pk", "partner.Cooperative")


def partners_for(user, queryset=None):
    return _scoped(user, queryset, "cooperative", "partner.Partner")


def product_visibility_q(user):
    """Match the products ``user`` may see and edit in the dashboard.

    A product belongs to a cooperative through ``Product.cooperative``; Oscar's stock-record
    rule is kept too, for parent products whose children carry the stock records. Staff
    match every product; a user acting for no cooperative matches none.
    """
    if sees_everything(user):
        return Q()
    cooperative = acting_cooperative(user)
    if cooperative is None:
        return Q(pk__in=[])
    return (
        Q(cooperative=cooperative)
        | Q(children__stockrecords__partner=cooperative.partner_id)
        | Q(stockrecords__partner=cooperative.partner_id)
    )


def products_for(user, queryset=None):
    if queryset is None:
        queryset = get_model("catalogue", "Product")._default_manager.all()
    if sees_everything(user):
        return queryset
    return queryset.filter(product_visibility_q(user)).distinct()


def stockrecords_for(user, queryset=None):
    return _scoped(user, queryset, "partner__cooperative", "partner.StockRecord")


def orders_for(user, queryset=None):
    """Return the orders holding at least one of the acting cooperative's lines (staff: all)."""
    if queryset is None:
        queryset = get_model("order", "Order")._default_manager.all()
    if sees_everything(user):
        return queryset
    cooperative = acting_cooperative(user)
    if cooperative is None:
        return queryset.none()
    return queryset.filter(lines__partner=cooperative.partner_id).distinct()


def lines_for(user, queryset=None):
    """Return the order lines the acting cooperative sold (staff: all)."""
    return _scoped(user, queryset, "partner__cooperative", "order.Line")


def shipments_for(user, queryset=None):
    """Return the parcels the acting cooperative ships (staff: all), COD parcels among them."""
    return _scoped(user, queryset, "cooperative", "order.Shipment")


def certificates_for(user, queryset=None):
    return _scoped(user, queryset, "product__cooperative", "catalogue.Certificate")


def batches_for(user, queryset=None):
    return _scoped(user, queryset, "product__cooperative", "traceability.Batch")


def trace_events_for(user, queryset=None):
    return _scoped(user, queryset, "batch__product__cooperative", "traceability.TraceEvent")


def api_tokens_for(user, queryset=None):
    """Return the API tokens of the acting cooperative, whoever of its logins made them."""
    return _scoped(user, queryset, "cooperative", "api.AccessToken")


class _SignInThenForbid(LoginRequiredMixin, UserPassesTestMixin):
    """Signed-out visitors go to the login page; signed-in ones without access get 403."""

    def handle_no_permission(self):
        if self.request.user.is_authenticated:
            raise PermissionDenied
        return super().handle_no_permission()


class StaffRequiredMixin(_SignInThenForbid):
    def test_func(self):
        return sees_everything(self.request.user)


class CooperativeRequiredMixin(_SignInThenForbid):
    """Only a user acting for a cooperative; sets ``self.cooperative``."""

    def test_func(self):
        self.cooperative = acting_cooperative(self.request.user)
        return self.cooperative is not None


class CooperativeOrStaffMixin(_SignInThenForbid):
    """A user acting for a cooperative, or staff; ``self.cooperative`` is None for staff."""

    def test_func(self):
        self.cooperative = acting_cooperative(self.request.user)
        return self.cooperative is not None or sees_everything(self.request.user)
