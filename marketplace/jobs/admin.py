"""Staff see background work that failed, with its error, and can run it again."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from marketplace.jobs import services
from marketplace.jobs.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["task", "status", "progress", "attempts", "created_at", "finished_at"]
    list_filter = ["status", "task"]
    search_fields = ["task", "error"]
    date_hierarchy = "created_at"
    actions = ["retry"]
    readonly_fields = [
        "task", "kwargs", "status", "done", "total", "result", "error", "attempts", "tracked",
        "owner", "cooperative", "upload_name", "created_at", "started_at", "finished_at",
    ]  # fmt: skip
    exclude = ["upload"]

    @admin.display(description=_("tiến độ"))
    def progress(self, job):
        return f"{job.done}/{job.total}" if job.total else "—"

    @admin.action(description=_("Chạy lại các việc lỗi đã chọn"))
    def retry(self, request, queryset):
        jobs = []
        for job in queryset.filter(status=Job.Status.FAILED):
            try:
                services.job_retry(job=job, by=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                jobs.append(job)
        self.message_user(
            request,
            ngettext("Đã gửi lại %(count)d việc.", "Đã gửi lại %(count)d việc.", len(jobs))
            % {"count": len(jobs)},
            messages.SUCCESS if jobs else messages.WARNING,
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
