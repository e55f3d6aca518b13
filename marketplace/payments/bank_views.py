"""The bank's signed transfer notifications, and staff's queue of transfers that paid
nothing."""

import logging

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import TemplateView

from marketplace.access import StaffRequiredMixin
from marketplace.payments import bank_notifications
from marketplace.payments.models import BankTransfer
from marketplace.payments.transfers import StatementOutcome

logger = logging.getLogger(__name__)

MAX_BODY = 16 * 1024


@method_decorator(csrf_exempt, name="dispatch")
class BankNotifyView(View):
    """One incoming transfer, signed by the bank (404 while BANK_WEBHOOK_SECRET is unset)."""

    http_method_names = ["post"]

    def post(self, request):
        if not settings.BANK_WEBHOOK_SECRET:
            raise Http404
        body = request.body
        try:
            if len(body) > MAX_BODY:
                raise bank_notifications.NotificationRefused("too big")
            bank_notifications.signature_verify(
                payload=body, header=request.headers.get(bank_notifications.SIGNATURE_HEADER)
            )
            transfer, first_time = bank_notifications.bank_transfer_receive(payload=body)
        except bank_notifications.NotificationRefused as error:
            logger.warning("Bank notification refused (%s).", error)
            return JsonResponse({"error": str(error)}, status=400)
        if transfer is None:
            return JsonResponse({"status": "ignored"})
        return JsonResponse(
            {"status": transfer.outcome, "reference": transfer.reference, "replay": not first_time}
        )


class BankTransfersView(StaffRequiredMixin, TemplateView):
    """Transfers the bank reported that paid no order, until staff deal with them."""

    template_name = "payments/bank_transfers.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        transfers = list(bank_notifications.unmatched_transfers())
        for transfer in transfers:
            try:
                transfer.outcome_label = StatementOutcome(transfer.outcome).label
            except ValueError:
                transfer.outcome_label = transfer.outcome
        context["transfers"] = transfers
        return context


class BankTransferHandleView(StaffRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        transfer = get_object_or_404(BankTransfer, pk=pk)
        try:
            bank_notifications.bank_transfer_handle(
                transfer=transfer, note=request.POST.get("note", ""), by=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã xử lý khoản chuyển khoản %(ref)s.") % {
                "ref": transfer.reference})  # fmt: skip
        return redirect("payments:bank-transfers")
