from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView
from oscar.core.loading import get_model

from marketplace import access
from marketplace.partner import selectors, services
from marketplace.partner.forms import CooperativeApplicationForm
from marketplace.throttling import rate_limited

Cooperative = get_model("partner", "Cooperative")
# Oscar signs customers in by e-mail address.
EMAIL_BACKEND = "oscar.apps.customer.auth_backends.EmailBackend"


class CooperativeProfileView(TemplateView):
    """A cooperative's public page: story, photos, place, certificates and products."""

    template_name = "partner/cooperative_profile.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            cooperative = selectors.cooperative_for_profile(
                slug=self.kwargs["slug"], viewer=self.request.user
            )
        except selectors.Cooperative.DoesNotExist as error:
            raise Http404("Không tìm thấy hợp tác xã.") from error
        paginator = Paginator(
            selectors.cooperative_products(cooperative=cooperative),
            settings.OSCAR_PRODUCTS_PER_PAGE,
        )
        page = paginator.get_page(self.request.GET.get("page"))
        context.update(
            cooperative=cooperative,
            products=page.object_list,
            page_obj=page,
            paginator=paginator,
            certificates=selectors.cooperative_certificates(cooperative=cooperative)[:12],
        )
        return context


@method_decorator(rate_limited("cooperative-apply"), name="dispatch")
class CooperativeApplyView(FormView):
    """The public application form: a cooperative asks to sell on the marketplace."""

    template_name = "partner/cooperative_apply.html"
    form_class = CooperativeApplicationForm

    def dispatch(self, request, *args, **kwargs):
        if access.memberships(request.user).exists():
            messages.info(request, _("Tài khoản của bạn đã gắn với một hợp tác xã."))
            return redirect("cooperative-application")
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        try:
            cooperative = services.cooperative_apply(**form.service_kwargs())
        except ValidationError as error:
            add_errors_to_form(form, error)
            return self.form_invalid(form)
        if not self.request.user.is_authenticated:
            # Sign the new applicant in, so the status page opens straight away.
            login(self.request, cooperative.partner.users.get(), backend=EMAIL_BACKEND)
        return redirect("cooperative-apply-done")


class CooperativeApplyDoneView(TemplateView):
    """Thank the applicant and explain what happens next."""

    template_name = "partner/cooperative_apply_done.html"


class CooperativeApplicationView(LoginRequiredMixin, TemplateView):
    """The signed-in user's cooperative(s): status of the application, reason if rejected."""

    template_name = "partner/cooperative_application.html"
    login_url = reverse_lazy("customer:login")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            cooperatives=access.memberships(self.request.user)
            .select_related("partner")
            .order_by("-created_at"),
            **kwargs,
        )


def add_errors_to_form(form, error):
    """Show a service's ValidationError on ``form``: on its fields, or above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, field_messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, field_messages)
