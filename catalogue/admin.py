from django.contrib import admin
from oscar.apps.catalogue.admin import *  # noqa: F403
from oscar.core.loading import get_model

Certificate = get_model("catalogue", "Certificate")


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = ["__str__", "product", "kind", "issued_on", "expires_on", "verified_at"]
    list_filter = ["kind", "stars"]
    search_fields = ["decision_number", "product__title"]
    # Verification goes through the dashboard's review so it is recorded with its reviewer.
    readonly_fields = ["verified_at", "verified_by", "created_at"]
