"""Cooperative dashboard: import products from a spreadsheet, with a preview first."""

import secrets

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView
from oscar.core.loading import get_model

from catalogue.importing import import_preview, products_import, spreadsheet_read
from marketplace.access import CooperativeRequiredMixin
from marketplace.spreadsheets import SafeCSVWriter
from marketplace.throttling import rate_limited

Cooperative = get_model("partner", "Cooperative")
ProductClass = get_model("catalogue", "ProductClass")

SESSION_PREFIX = "product_import:"
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

    def clean_spreadsheet(self):
        upload = self.cleaned_data["spreadsheet"]
        self.rows = spreadsheet_read(upload=upload)
        return upload


@method_decorator(rate_limited("import"), name="dispatch")
class ProductImportView(CooperativeRequiredMixin, FormView):
    template_name = "dashboard/catalogue/product_import.html"
    form_class = ImportForm

    def form_valid(self, form):
        token = secrets.token_urlsafe(8)
        self.request.session[SESSION_PREFIX + token] = {
            "cooperative": self.cooperative.pk,
            "rows": form.rows,
        }
        return redirect("cooperative-product-import-preview", token=token)


@method_decorator(rate_limited("import"), name="dispatch")
class ProductImportPreviewView(CooperativeRequiredMixin, TemplateView):
    template_name = "dashboard/catalogue/product_import_preview.html"

    def _stored(self):
        stored = self.request.session.get(SESSION_PREFIX + self.kwargs["token"])
        # A token from another cooperative's session data is never honoured.
        if not stored or stored["cooperative"] != self.cooperative.pk:
            return None
        return stored

    def get(self, request, *args, **kwargs):
        if self._stored() is None:
            messages.error(request, _("Phiên nhập đã hết hạn, hãy tải tệp lên lại."))
            return redirect("cooperative-product-import")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = import_preview(cooperative=self.cooperative, rows=self._stored()["rows"])
        context.update(
            rows=rows,
            valid_count=sum(r.is_valid for r in rows),
            error_count=sum(not r.is_valid for r in rows),
            cooperative=self.cooperative,
        )
        return context

    def post(self, request, *args, **kwargs):
        stored = self._stored()
        if stored is None:
            messages.error(request, _("Phiên nhập đã hết hạn, hãy tải tệp lên lại."))
            return redirect("cooperative-product-import")
        product_class = ProductClass.objects.order_by("pk").first()
        if product_class is None:
            messages.error(request, _("Sàn chưa có loại sản phẩm; hãy báo nhân viên sàn."))
            return redirect("cooperative-product-import")
        try:
            result = products_import(
                cooperative=self.cooperative, rows=stored["rows"], product_class=product_class
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("cooperative-product-import-preview", token=self.kwargs["token"])
        del request.session[SESSION_PREFIX + self.kwargs["token"]]
        messages.success(
            request,
            _("Đã thêm %(created)s sản phẩm, cập nhật %(updated)s, bỏ qua %(skipped)s dòng lỗi.")
            % {"created": result.created, "updated": result.updated, "skipped": result.skipped},
        )
        return redirect(reverse("dashboard:catalogue-product-list"))


class ProductImportTemplateView(CooperativeRequiredMixin, View):
    """Download a CSV template with the expected columns and two example rows."""

    def get(self, request, *args, **kwargs):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="mau-nhap-san-pham.csv"'
        response.write("\ufeff")  # Excel reads the file as UTF-8 only with a BOM
        writer = SafeCSVWriter(open_file=response)
        writer.writerows([TEMPLATE_COLUMNS, *TEMPLATE_EXAMPLES])
        return response
