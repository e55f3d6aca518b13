from django.shortcuts import redirect
from oscar.apps.dashboard.views import *  # noqa: F403
from oscar.apps.dashboard.views import IndexView as CoreIndexView


class IndexView(CoreIndexView):
    """Staff get Oscar's shop-wide statistics; a cooperative gets its own overview.

    Oscar's index sums whole orders for a partner user, other cooperatives' lines included,
    so cooperatives are sent to the overview built from their own lines only.
    """

    def get(self, request, *args, **kwargs):
        if not request.user.is_staff:
            return redirect("cooperative-overview")
        return super().get(request, *args, **kwargs)
