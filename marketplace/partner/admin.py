from django.contrib import admin
from oscar.apps.partner.admin import *  # noqa: F403
from oscar.core.loading import get_model

Cooperative = get_model("partner", "Cooperative")
CooperativePhoto = get_model("partner", "CooperativePhoto")


class CooperativePhotoInline(admin.TabularInline):
    model = CooperativePhoto
    extra = 0


@admin.register(Cooperative)
class CooperativeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "slug", "province_name", "status", "seller_kind", "approved_at"]
    list_filter = ["status", "seller_kind", "province_code"]
    search_fields = ["partner__name", "slug", "email", "phone", "tax_code"]
    # Status changes go through the dashboard's review, which e-mails and grants access.
    readonly_fields = ["status", "approved_at", "rejection_reason", "created_at"]
    inlines = [CooperativePhotoInline]
