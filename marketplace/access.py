"""Who may open the dashboard pages the project adds next to Oscar's."""

from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.core.exceptions import PermissionDenied
from oscar.core.loading import get_model

Cooperative = get_model("partner", "Cooperative")


def own_cooperative(user):
    """Return the approved cooperative the user runs, or None (staff run none)."""
    return (
        Cooperative.objects.filter(partner__users=user, status=Cooperative.Status.APPROVED)
        .select_related("partner")
        .first()
    )


class _SignInThenForbid(LoginRequiredMixin, UserPassesTestMixin):
    """Signed-out visitors go to the login page; signed-in ones without access get 403."""

    def handle_no_permission(self):
        if self.request.user.is_authenticated:
            raise PermissionDenied
        return super().handle_no_permission()


class StaffRequiredMixin(_SignInThenForbid):
    def test_func(self):
        user = self.request.user
        return user.is_active and user.is_staff


class CooperativeRequiredMixin(_SignInThenForbid):
    """Only a user of an approved cooperative, with dashboard access; sets ``self.cooperative``."""

    def test_func(self):
        user = self.request.user
        if not user.has_perm("partner.dashboard_access"):
            return False
        self.cooperative = own_cooperative(user)
        return self.cooperative is not None
