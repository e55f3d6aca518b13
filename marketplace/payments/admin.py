from django.contrib import admin

from marketplace.payments.models import (
    BankTransfer,
    CashCollection,
    Dispute,
    Payment,
    Refund,
    RefundLine,
    WebhookEvent,
)


@admin.register(Payment)
class PaymentAdmin(admin.ModelAdmin):
    list_display = ["order", "method", "status", "amount", "amount_refunded", "paid_at"]
    list_filter = ["method", "status"]
    search_fields = ["order__number", "stripe_session_id"]
    raw_id_fields = ["order", "confirmed_by"]


admin.site.register(WebhookEvent)
admin.site.register(CashCollection)
admin.site.register(Refund)
admin.site.register(RefundLine)
admin.site.register(Dispute)


@admin.register(BankTransfer)
class BankTransferAdmin(admin.ModelAdmin):
    list_display = ["reference", "amount", "booked_on", "outcome", "order", "handled_at"]
    list_filter = ["outcome"]
    search_fields = ["reference", "description"]
    raw_id_fields = ["order", "handled_by"]
