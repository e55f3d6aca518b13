"""Cooperative dashboard: import products from a spreadsheet, with a preview first.

The upload starts a background job that checks the rows; its page (``marketplace.jobs``)
shows the preview, whose button starts a second job that saves them.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView

from catalogue import importing, tasks
from marketplace.access import CooperativeRequiredMixin
from marketplace.jobs import selectors as job_selectors
from marketplace.jobs.models import Job
from marketplace.jobs.views import JobKind
from marketplace.spreadsheets import SafeCSVWriter
from marketplace.throttling import rate_limited

TEMPLATE_COLUMNS = [
    "Tên sản phẩm", "Danh mục", "Giá (đồng)", "Tồn kho", "Khối lượng",
    "Hạn sử dụng (tháng)", "Bảo quản", "Mô tả", "Thành phần", "GTIN",
]  # fmt: skip
TEMPLATE_EXAMPLES = [
    ["Chè búp Tân Cương 200 g", "Chè và trà", 125000, 50, "200 g", 12, "Nơi khô ráo",
     "Chè búp sao tay", "Chè búp", ""],
    ["Mật ong hoa nhãn 500 ml", "Mật ong", 180000, 30, "500 ml", 24, "Tránh ánh nắng", "",
     "Mật ong nguyên chất", ""],
]  # fmt: skip


class ImportForm(forms.Form):
    spreadsheet = forms.FileField(
        label=gettext_lazy("Tệp CSV hoặc Excel (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )


@method_decorator(rate_limited("import"), name="dispatch")
class ProductImportView(CooperativeRequiredMixin, FormView):
    template_name = "dashboard/catalogue/product_import.html"
    form_class = ImportForm

    def form_valid(self, form):
        try:
            job = tasks.product_import_start(
                upload=form.cleaned_data["spreadsheet"], cooperative=self.cooperative,
                owner=self.request.user,
            )  # fmt: skip
        except ValidationError as error:
            form.add_error("spreadsheet", error)
            return self.form_invalid(form)
        return redirect("cooperative-product-import-job", pk=job.pk)


def preview_context(job):
    """Return the preview page's context from a finished check job."""
    ctx = importing.preview_shown(job.result)
    apply_job = job.result.get("apply_job")
    if apply_job:
        ctx["apply_job_url"] = reverse("cooperative-product-import-job", kwargs={"pk": apply_job})
    return ctx


JOB_KINDS = {
    tasks.product_import_check.name: JobKind(
        title=gettext_lazy("Xem trước khi nhập"),
        result_template="dashboard/catalogue/product_import_preview.html",
        start_url_name="cooperative-product-import",
        result_context=preview_context,
    ),
    tasks.product_import_apply.name: JobKind(
        title=gettext_lazy("Kết quả nhập sản phẩm"),
        result_template="dashboard/catalogue/product_import_result.html",
        start_url_name="cooperative-product-import",
    ),
}


@method_decorator(rate_limited("import"), name="dispatch")
class ProductImportConfirmView(CooperativeRequiredMixin, View):
    """Save the rows of a preview: start the job that saves them, show its page."""

    http_method_names = ["post"]

    def post(self, request, pk):
        check = job_selectors.tracked_job_for(
            request.user, pk, tasks=[tasks.product_import_check.name], with_result=False
        )
        if check is None or check.cooperative_id != self.cooperative.pk:
            raise Http404
        if check.status != Job.Status.DONE:
            return redirect("cooperative-product-import-job", pk=check.pk)
        try:
            job = tasks.product_import_confirm(
                check_job=check, cooperative=self.cooperative, owner=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("cooperative-product-import-job", pk=check.pk)
        return redirect("cooperative-product-import-job", pk=job.pk)


class ProductImportTemplateView(CooperativeRequiredMixin, View):
    """Download a CSV template with the expected columns and two example rows."""

    def get(self, request, *args, **kwargs):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="mau-nhap-san-pham.csv"'
        response.write("\ufeff")  # Excel reads the file as UTF-8 only with a BOM
        writer = SafeCSVWriter(open_file=response)
        writer.writerows([TEMPLATE_COLUMNS, *TEMPLATE_EXAMPLES])
        return response
