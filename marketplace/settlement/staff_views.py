"""Staff's money pages: payouts due, batches to review and pay, totals per cooperative,
tax withheld per month for the declaration."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from marketplace.access import StaffRequiredMixin
from marketplace.payments import vietqr
from marketplace.settlement import selectors, services
from marketplace.settlement.banks import bank_name
from marketplace.settlement.models import Payout, PayoutBatch
from marketplace.spreadsheets import SafeCSVWriter


class SettlementOverviewView(StaffRequiredMixin, TemplateView):
    """What each cooperative is owed and can be paid today, open batches, tax withheld."""

    template_name = "settlement/staff_overview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        try:
            year = int(self.request.GET.get("year", today.year))
        except ValueError:
            year = today.year
        if not selectors.valid_period(year):
            year = today.year
        rows = selectors.cooperative_totals(today=today)
        context.update(
            rows=rows,
            due=[row for row in rows if row["payable"] > 0],
            batches=selectors.open_batches(),
            year=year,
            withholding=selectors.withholding_by_month(year=year),
        )
        return context


class PayoutBatchCreateView(StaffRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        batch = services.payout_batch_prepare(by=request.user)
        if batch is None:
            messages.info(request, _("Chưa hợp tác xã nào có tiền đến hạn chi trả."))
            return redirect("settlement-overview")
        return redirect("payout-batch-detail", pk=batch.pk)


def payout_qr(payout):
    """Return the VietQR (data URI) of ``payout``'s transfer: scanned by the banking app
    of the staff member paying it, with the amount and message filled in."""
    payload = vietqr.payload(
        bank_bin=payout.bank_bin, account_number=payout.bank_account_number,
        amount=payout.amount, message=payout.transfer_message,
    )  # fmt: skip
    return vietqr.png_data_uri(payload)


class PayoutBatchDetailView(StaffRequiredMixin, TemplateView):
    template_name = "settlement/payout_batch.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        batch = get_object_or_404(PayoutBatch, pk=self.kwargs["pk"])
        payouts = list(batch.payouts.select_related("cooperative__partner"))
        for payout in payouts:
            payout.bank_short_name = bank_name(payout.bank_bin)
            if payout.status == Payout.Status.PENDING:
                payout.qr = payout_qr(payout)
        context.update(
            batch=batch,
            payouts=payouts,
            total=sum(p.amount for p in payouts if p.status != Payout.Status.CANCELLED),
        )
        return context

    def post(self, request, pk):
        batch = get_object_or_404(PayoutBatch, pk=pk)
        try:
            services.payout_batch_approve(batch=batch, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã duyệt đợt chi trả; có thể chuyển khoản."))
        return redirect("payout-batch-detail", pk=pk)


class PayoutBatchCsvView(StaffRequiredMixin, View):
    """The batch's transfers as a CSV for the bank's bulk transfer upload."""

    def get(self, request, pk):
        batch = get_object_or_404(PayoutBatch, pk=pk)
        if batch.status == PayoutBatch.Status.DRAFT:
            raise Http404  # not approved: nothing to transfer yet
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="chi-tra-dot-{batch.pk}.csv"'
        response.write("\ufeff")
        writer = SafeCSVWriter(open_file=response)
        writer.writerow([
            _("STT"), _("Tên người nhận"), _("Số tài khoản"), _("Mã BIN ngân hàng"),
            _("Ngân hàng"), _("Số tiền"), _("Nội dung"), _("Mã số thuế"), _("Hợp tác xã"),
        ])  # fmt: skip
        payouts = batch.payouts.filter(status=Payout.Status.PENDING).select_related(
            "cooperative__partner"
        )
        for number, payout in enumerate(payouts, start=1):
            writer.writerow([
                number, payout.bank_account_name, payout.bank_account_number, payout.bank_bin,
                bank_name(payout.bank_bin), payout.amount, payout.transfer_message,
                payout.cooperative.tax_code, payout.cooperative.name,
            ])  # fmt: skip
        return response


class PayoutPaidView(StaffRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        payout = get_object_or_404(Payout, pk=pk)
        try:
            services.payout_mark_paid(
                payout=payout, bank_reference=request.POST.get("bank_reference", ""),
                by=request.user,
            )  # fmt: skip
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Đã ghi nhận chuyển khoản cho %(name)s.") % {"name": payout.cooperative}
            )
        return redirect("payout-batch-detail", pk=payout.batch_id)


class PayoutCancelView(StaffRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        payout = get_object_or_404(Payout, pk=pk)
        try:
            services.payout_cancel(payout=payout, reason=request.POST.get("reason", ""),
                                   by=request.user)  # fmt: skip
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã huỷ khoản chi trả; số tiền trở lại số dư."))
        return redirect("payout-batch-detail", pk=payout.batch_id)


class WithholdingCsvView(StaffRequiredMixin, View):
    """One month's tax withheld per seller, for the marketplace's declaration."""

    def get(self, request, year, month):
        if not selectors.valid_period(year, month):
            raise Http404
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="thue-khau-tru-{year}-{month:02d}.csv"'
        )
        response.write("\ufeff")
        writer = SafeCSVWriter(open_file=response)
        writer.writerow([
            _("Tháng"), _("Tên người bán"), _("Mã số thuế"), _("Loại người bán"),
            _("Doanh thu"), _("Thuế GTGT đã khấu trừ"), _("Thuế TNCN đã khấu trừ"),
        ])  # fmt: skip
        for row in selectors.withholding_by_seller(year=year, month=month):
            cooperative = row["cooperative"]
            writer.writerow([
                f"{month:02d}/{year}", cooperative.legal_name or cooperative.name,
                cooperative.tax_code, cooperative.get_seller_kind_display(), row["revenue"],
                row["vat"], row["pit"],
            ])  # fmt: skip
        return response
