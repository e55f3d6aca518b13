"""Staff review of cooperatives' applications, inside Oscar's dashboard."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import DetailView, ListView
from oscar.core.loading import get_model

from marketplace.access import StaffRequiredMixin
from marketplace.partner import services

Cooperative = get_model("partner", "Cooperative")


class CooperativeListView(StaffRequiredMixin, ListView):
    """Every cooperative, newest application first, filtered by status."""

    template_name = "partner/dashboard/cooperative_list.html"
    context_object_name = "cooperatives"
    paginate_by = 25

    def get_status(self):
        status = self.request.GET.get("status", "")
        return status if status in Cooperative.Status.values else ""

    def get_queryset(self):
        cooperatives = Cooperative.objects.select_related("partner").prefetch_related(
            "partner__users"
        )
        if status := self.get_status():
            cooperatives = cooperatives.filter(status=status)
        return cooperatives.order_by("-created_at", "-pk")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            status=self.get_status(), statuses=Cooperative.Status.choices, **kwargs
        )


class CooperativeDetailView(StaffRequiredMixin, DetailView):
    """One application in full, with the approve, reject and suspend buttons."""

    template_name = "partner/dashboard/cooperative_detail.html"
    context_object_name = "cooperative"

    def get_queryset(self):
        return Cooperative.objects.select_related("partner").prefetch_related("partner__users")


class CooperativeTransitionView(StaffRequiredMixin, View):
    """POST only: move a cooperative to its next status through ``action``, then go back.

    A transition the service refuses (approving an approved cooperative, rejecting without
    a reason) comes back as an error message on the detail page.
    """

    http_method_names = ["post"]
    action = None
    needs_reason = True
    success_message = ""

    def post(self, request, pk):
        cooperative = get_object_or_404(Cooperative.objects.select_related("partner"), pk=pk)
        kwargs = {"cooperative": cooperative, "by": request.user}
        if self.needs_reason:
            kwargs["reason"] = request.POST.get("reason", "")
        try:
            self.action(**kwargs)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, self.success_message % {"name": cooperative.name})
        return redirect("dashboard-cooperative-detail", pk=cooperative.pk)


class CooperativeApproveView(CooperativeTransitionView):
    action = staticmethod(services.cooperative_approve)
    needs_reason = False
    success_message = _("Đã duyệt %(name)s và gửi thư báo cho hợp tác xã.")


class CooperativeRejectView(CooperativeTransitionView):
    action = staticmethod(services.cooperative_reject)
    success_message = _("Đã từ chối hồ sơ của %(name)s; lý do đã được gửi qua thư.")


class CooperativeSuspendView(CooperativeTransitionView):
    action = staticmethod(services.cooperative_suspend)
    success_message = _("Đã tạm ngưng %(name)s.")
