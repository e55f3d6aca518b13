from django.contrib import admin

from marketplace.payments.models import CashCollection, Payment, Refund, WebhookEvent


@admin.register(Payment)
class PaymentAdmin(admin.ModelAdmin):
    list_display = ["order", "method", "status", "amount", "amount_refunded", "paid_at"]
    list_filter = ["method", "status"]
    search_fields = ["order__number", "stripe_session_id"]
    raw_id_fields = ["order", "confirmed_by"]


admin.site.register(WebhookEvent)
admin.site.register(CashCollection)
admin.site.register(Refund)
