"""The cooperative's overview in the dashboard: sales chart, best sellers, warnings."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from marketplace.access import CooperativeRequiredMixin
from marketplace.partner import reports, services
from marketplace.partner.profile_forms import CooperativePhotoForm, CooperativeProfileForm
from marketplace.throttling import rate_limited

Cooperative = get_model("partner", "Cooperative")


class CooperativeOverviewView(CooperativeRequiredMixin, TemplateView):
    template_name = "dashboard/cooperative/overview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        expired, expiring = reports.certificate_warnings(cooperative=self.cooperative)
        months = reports.sales_by_month(cooperative=self.cooperative)
        context.update(
            cooperative=self.cooperative,
            months=months,
            bars=reports.chart_bars(months),
            bar_width=reports.CHART_BAR_WIDTH,
            total_revenue=sum(m.revenue for m in months),
            top_products=reports.top_products(cooperative=self.cooperative),
            low_stock=reports.low_stock(cooperative=self.cooperative),
            expired_certificates=expired,
            expiring_certificates=expiring,
        )
        return context


@method_decorator(rate_limited("upload", uploads_only=True), name="dispatch")
class CooperativeProfileEditView(CooperativeRequiredMixin, TemplateView):
    """The cooperative edits its public profile, payout account and photos."""

    template_name = "dashboard/cooperative/profile_form.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault(
            "form", CooperativeProfileForm(instance=self.cooperative, prefix="profile")
        )
        context.setdefault("photo_form", CooperativePhotoForm(prefix="photo"))
        context["cooperative"] = self.cooperative
        return context

    def post(self, request, *args, **kwargs):
        if "add_photo" in request.POST:
            photo_form = CooperativePhotoForm(request.POST, request.FILES, prefix="photo")
            if not photo_form.is_valid():
                return self.render_to_response(self.get_context_data(photo_form=photo_form))
            services.cooperative_photo_add(
                cooperative=self.cooperative, by=request.user, **photo_form.cleaned_data
            )
            messages.success(request, _("Đã thêm ảnh."))
            return redirect("cooperative-profile-edit")
        form = CooperativeProfileForm(
            request.POST, request.FILES, instance=self.cooperative, prefix="profile"
        )
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = dict(form.cleaned_data)
        logo = data.pop("logo", None)
        try:
            services.cooperative_profile_update(
                cooperative=Cooperative.objects.get(pk=self.cooperative.pk),
                by=request.user,
                logo=logo or None,
                **data,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, _("Đã lưu hồ sơ hợp tác xã."))
        return redirect("cooperative-profile-edit")
