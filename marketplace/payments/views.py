"""Payment pages: Stripe's webhook and return, staff lists, COD collection, refunds."""

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from marketplace import access
from marketplace.access import CooperativeOrStaffMixin, StaffRequiredMixin
from marketplace.jobs.views import JobKind
from marketplace.payments import (
    cod,
    gateway,
    refunds,
    selectors,
    stripe_events,
    tasks,
    transfers,
)
from marketplace.payments.forms import BankStatementForm, RefundForm
from marketplace.payments.models import Payment
from marketplace.throttling import rate_limited

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
Shipment = get_model("order", "Shipment")


@method_decorator(csrf_exempt, name="dispatch")
class StripeWebhookView(View):
    """Stripe's events: verified by signature (400 if not), each handled once."""

    http_method_names = ["post"]

    def post(self, request):
        if not gateway.stripe_enabled():
            return HttpResponse(status=404)
        try:
            event = gateway.webhook_event(
                payload=request.body, signature=request.headers.get("Stripe-Signature", "")
            )
        except ValueError:
            return HttpResponseBadRequest("invalid signature or payload")
        try:
            stripe_events.stripe_event_handle(event=event)
        except gateway.StripeEventMalformed as error:
            logger.warning("Stripe event refused (%s): %s", error, request.body[:200])
            return HttpResponseBadRequest("unexpected event")
        # A mismatch (Stripe's amount, currency, session or order differs from the order's)
        # was recorded on the payment for staff and paid nothing: 200 too, since Stripe
        # would only resend the same event for three days and nothing more can be done.
        return HttpResponse(status=200)


class StripeReturnView(View):
    """The buyer is back from Stripe: settle the payment now if the webhook has not yet."""

    def get(self, request):
        payment = stripe_events.stripe_return_settle(session_id=request.GET.get("session_id", ""))
        if payment is None:
            messages.error(request, _("Không tìm thấy đơn hàng của lần thanh toán này."))
            return redirect("checkout:thank-you")
        if payment.is_paid:
            messages.success(request, _("Đã nhận thanh toán thẻ. Cảm ơn bạn!"))
        else:
            messages.info(
                request, _("Chúng tôi đang chờ Stripe xác nhận thanh toán; trang sẽ cập nhật sau.")
            )
        request.session["checkout_order_id"] = payment.order_id
        return redirect("checkout:thank-you")


class StripeCancelView(View):
    def get(self, request):
        messages.warning(
            request,
            _(
                "Bạn chưa thanh toán thẻ. Đơn hàng được giữ trong thời gian ngắn rồi tự huỷ "
                "và trả lại hàng vào kho."
            ),
        )
        return redirect("checkout:thank-you")


class UnpaidOrdersView(StaffRequiredMixin, TemplateView):
    """Staff: COD orders whose cash is not all collected, transfers not yet seen, and card
    payments Stripe reported another amount for."""

    template_name = "payments/unpaid_orders.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["cod_orders"] = selectors.unpaid_orders(method=Payment.Method.COD)
        ctx["transfer_orders"] = selectors.unpaid_orders(method=Payment.Method.VIETQR)
        ctx["card_mismatches"] = selectors.card_mismatches()
        return ctx


class TransferConfirmView(StaffRequiredMixin, View):
    """Staff saw the transfer on the bank statement: the order is paid."""

    http_method_names = ["post"]

    def post(self, request, number):
        order = get_object_or_404(Order, number=number, payment__isnull=False)
        try:
            _payment, changed = transfers.vietqr_confirm(order=order, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if changed:
                messages.success(request, _("Đơn %(number)s: đã nhận tiền.") % {"number": number})
            else:
                messages.info(
                    request, _("Đơn %(number)s đã được xác nhận trước đó.") % {"number": number}
                )
        return redirect("payments:unpaid-orders")


@method_decorator(rate_limited("import"), name="dispatch")
class BankStatementImportView(StaffRequiredMixin, View):
    """Staff upload the bank's statement; a background job marks matching VietQR transfers
    paid, and its page shows the progress, then the report."""

    template_name = "payments/bank_statement.html"

    def get(self, request):
        return render(request, self.template_name, {"form": BankStatementForm()})

    def post(self, request):
        form = BankStatementForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                job = tasks.bank_statement_start(
                    upload=form.cleaned_data["statement"], by=request.user
                )
            except ValidationError as error:
                form.add_error("statement", error)
            else:
                return redirect("payments:bank-statement-job", pk=job.pk)
        return render(request, self.template_name, {"form": form}, status=400)


def statement_report_context(job):
    """Return the report page's context from a finished import job."""
    return selectors.statement_report(job.result)


STATEMENT_JOB_KINDS = {
    tasks.bank_statement_import.name: JobKind(
        title=gettext_lazy("Nhập sao kê ngân hàng"),
        result_template="payments/partials/statement_report.html",
        start_url_name="payments:bank-statement-import",
        result_context=statement_report_context,
    ),
}


class CashParcelsView(CooperativeOrStaffMixin, TemplateView):
    """A cooperative's COD parcels on their way: hand over, take the cash, tick it off."""

    template_name = "payments/cash_parcels.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        shipments = access.shipments_for(
            self.request.user,
            Shipment.objects.filter(
                order__payment__method=Payment.Method.COD,
                order__payment__status=Payment.Status.PENDING,
                cash_collection__isnull=True,
                status__in=[Shipment.Status.SHIPPED, Shipment.Status.DELIVERED],
            )
            .select_related("order", "cooperative__partner")
            .order_by("order__date_placed", "pk"),
        )
        ctx["shipments"] = shipments
        return ctx


class CashCollectView(CooperativeOrStaffMixin, View):
    http_method_names = ["post"]

    def post(self, request, shipment_id):
        shipment = get_object_or_404(Shipment.objects.select_related("order"), pk=shipment_id)
        try:
            cod.cod_collect(shipment=shipment, by=request.user)
        except PermissionDenied:
            raise
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Đơn %(number)s: đã giao và thu tiền.") % {"number": shipment.order.number},
            )
        return redirect("payments:cash-parcels")


class RefundView(StaffRequiredMixin, View):
    """Staff refund an order in full or in part (a card through Stripe)."""

    def post(self, request, number):
        order = get_object_or_404(Order, number=number, payment__isnull=False)
        form = RefundForm(request.POST, items=refunds.refundable_items(order))
        if not form.is_valid():
            for errors in form.errors.values():
                messages.error(request, " ".join(errors))
        else:
            try:
                refunds.refund_create(
                    payment=order.payment, by=request.user, **form.service_kwargs()
                )
            except (ValidationError, gateway.StripeUnavailable) as error:
                text = (
                    " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
                )
                messages.error(request, text)
            else:
                messages.success(
                    request, _("Đã hoàn tiền cho đơn %(number)s.") % {"number": number}
                )
        return redirect(reverse("payments:refund", kwargs={"number": number}))

    def get(self, request, number):
        order = get_object_or_404(Order.objects.select_related("payment"), number=number)
        payment = selectors.order_payment(order)
        if payment is None:
            raise PermissionDenied
        return render(
            request,
            "payments/refund.html",
            {
                "order": order,
                "payment": payment,
                "form": RefundForm(items=refunds.refundable_items(order)),
            },
        )
