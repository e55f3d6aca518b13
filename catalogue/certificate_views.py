"""Certificates in the dashboard: cooperatives upload them, staff check them."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, ListView
from oscar.core.loading import get_model

from catalogue.services import (
    certificate_create,
    certificate_reject,
    certificate_revoke,
    certificate_verify,
)
from marketplace import access
from marketplace.access import CooperativeRequiredMixin, StaffRequiredMixin
from marketplace.throttling import rate_limited
from marketplace.uploads import SafeDocumentField

Certificate = get_model("catalogue", "Certificate")
Product = get_model("catalogue", "Product")


class CertificateForm(forms.Form):
    product = forms.ModelChoiceField(
        queryset=Product.objects.none(), label=gettext_lazy("Sản phẩm")
    )
    kind = forms.ChoiceField(
        choices=Certificate.Kind.choices, label=gettext_lazy("Loại chứng nhận")
    )
    stars = forms.TypedChoiceField(
        label=gettext_lazy("Hạng sao (chỉ OCOP)"),
        choices=[("", "—"), ("3", "3"), ("4", "4"), ("5", "5")],
        coerce=int,
        empty_value=None,
        required=False,
    )
    authority = forms.CharField(label=gettext_lazy("Cơ quan cấp"), max_length=200)
    decision_number = forms.CharField(label=gettext_lazy("Số quyết định"), max_length=64)
    issued_on = forms.DateField(
        label=gettext_lazy("Ngày cấp"), widget=forms.DateInput(attrs={"type": "date"})
    )
    expires_on = forms.DateField(
        label=gettext_lazy("Ngày hết hạn"),
        required=False,
        help_text=gettext_lazy("Để trống: OCOP có hiệu lực 36 tháng kể từ ngày cấp."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    document = SafeDocumentField(label=gettext_lazy("Bản scan (PDF hoặc ảnh)"))

    def __init__(self, *args, cooperative, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the cooperative's own products can be chosen, whatever the POST says.
        self.fields["product"].queryset = Product.objects.filter(cooperative=cooperative)

    def clean(self):
        data = super().clean()
        if data.get("kind") == Certificate.Kind.OCOP and not data.get("stars"):
            self.add_error("stars", _("Chứng nhận OCOP cần hạng sao (3, 4 hoặc 5)."))
        return data


class CooperativeCertificateListView(CooperativeRequiredMixin, ListView):
    template_name = "dashboard/certificates/cooperative_list.html"
    context_object_name = "certificates"

    def get_queryset(self):
        return (
            access.certificates_for(self.request.user)
            .select_related("product")
            .order_by("-created_at")
        )


@method_decorator(rate_limited("upload", uploads_only=True), name="dispatch")
class CooperativeCertificateCreateView(CooperativeRequiredMixin, FormView):
    template_name = "dashboard/certificates/cooperative_form.html"
    form_class = CertificateForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "cooperative": self.cooperative}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            certificate_create(
                product=data["product"],
                kind=data["kind"],
                stars=data["stars"],
                authority=data["authority"],
                decision_number=data["decision_number"],
                issued_on=data["issued_on"],
                expires_on=data["expires_on"],
                document=data["document"],
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(self.request, _("Đã gửi chứng nhận; sàn sẽ xác minh trước khi hiển thị."))
        return redirect("cooperative-certificate-list")


class CertificateReviewListView(StaffRequiredMixin, ListView):
    template_name = "dashboard/certificates/review_list.html"
    context_object_name = "certificates"
    paginate_by = 50

    def get_queryset(self):
        return (
            Certificate.objects.filter(verified_at__isnull=True, rejection_reason="")
            .select_related("product__cooperative__partner")
            .order_by("created_at")
        )


class CertificateVerifiedListView(StaffRequiredMixin, ListView):
    """Verified certificates, newest first, to find one and revoke it (``?q=`` searches)."""

    template_name = "dashboard/certificates/verified_list.html"
    context_object_name = "certificates"
    paginate_by = 50

    def get_queryset(self):
        certificates = Certificate.objects.filter(verified_at__isnull=False).select_related(
            "product__cooperative__partner"
        )
        query = self.request.GET.get("q", "").strip()[:100]
        if query:
            certificates = certificates.filter(
                Q(decision_number__icontains=query)
                | Q(product__title__icontains=query)
                | Q(product__cooperative__partner__name__icontains=query)
            )
        return certificates.order_by("revoked_at", "-verified_at", "pk")

    def get_context_data(self, **kwargs):
        return super().get_context_data(q=self.request.GET.get("q", "")[:100], **kwargs)


class CertificateReviewView(StaffRequiredMixin, View):
    """POST: verify, reject with a reason, or revoke a verified one with a reason."""

    def post(self, request, pk, decision):
        certificate = get_object_or_404(Certificate, pk=pk)
        try:
            if decision == "verify":
                certificate_verify(certificate=certificate, by=request.user)
                messages.success(request, _("Đã xác minh chứng nhận %(c)s.") % {"c": certificate})
            elif decision == "revoke":
                certificate_revoke(
                    certificate=certificate, reason=request.POST.get("reason", ""), by=request.user
                )
                messages.success(request, _("Đã thu hồi chứng nhận %(c)s.") % {"c": certificate})
                return redirect("certificate-verified-list")
            else:
                certificate_reject(
                    certificate=certificate, reason=request.POST.get("reason", ""), by=request.user
                )
                messages.success(request, _("Đã từ chối chứng nhận %(c)s.") % {"c": certificate})
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("certificate-review-list")
