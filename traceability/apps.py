from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TraceabilityConfig(AppConfig):
    name = "traceability"
    verbose_name = _("Truy xuất nguồn gốc")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from traceability import checks, receivers  # noqa: F401

        receivers.connect()
