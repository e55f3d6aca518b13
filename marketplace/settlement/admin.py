"""Django admin: category commission rates are edited here; the ledger and payouts are
read-only (they change only through the services)."""

from django.contrib import admin

from marketplace.settlement.models import (
    CategoryCommission,
    LedgerEntry,
    Payout,
    PayoutBatch,
    Posting,
)


@admin.register(CategoryCommission)
class CategoryCommissionAdmin(admin.ModelAdmin):
    list_display = ["category", "rate_bps"]
    raw_id_fields = ["category"]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class LedgerEntryInline(admin.TabularInline):
    model = LedgerEntry
    fields = ["account", "amount"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Posting)
class PostingAdmin(ReadOnlyAdmin):
    list_display = ["key", "cooperative", "kind", "posted_at", "available_on"]
    list_filter = ["kind"]
    search_fields = ["key", "cooperative__partner__name"]
    inlines = [LedgerEntryInline]


@admin.register(PayoutBatch)
class PayoutBatchAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "status", "payable_on", "approved_by"]


@admin.register(Payout)
class PayoutAdmin(ReadOnlyAdmin):
    list_display = ["cooperative", "batch", "amount", "status", "bank_reference", "paid_at"]
    list_filter = ["status"]
