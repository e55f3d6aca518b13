"""Background work that people wait for (imports) and background work that failed.

A *tracked* job is created by the page that starts it (a product import, a bank
statement): it holds the uploaded file, the progress the task reports and its result,
so the page can show a progress bar and then the result. Any task that fails for good
(after its retries) is recorded here too, with what it was called with, so staff see it
in the admin and can run it again.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang chạy")
        DONE = "done", _("Xong")
        FAILED = "failed", _("Lỗi")
        RETRIED = "retried", _("Đã chạy lại")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    task = models.CharField(_("việc"), max_length=200)
    kwargs = models.JSONField(_("tham số"), default=dict, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    # Progress the task reports: ``done`` of ``total`` (lines, rows, buyers).
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    result = models.JSONField(_("kết quả"), null=True, blank=True)
    error = models.TextField(_("lỗi"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("số lần chạy"), default=0)
    # Started by a page that shows its progress (not only a failure record).
    tracked = models.BooleanField(default=False)
    # Who started it and, for a cooperative's job, on whose behalf: only they see it.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    cooperative = models.ForeignKey(
        "partner.Cooperative", null=True, blank=True, on_delete=models.CASCADE,
        related_name="+",
    )  # fmt: skip
    # The uploaded file, kept in the database: web and worker need not share a disk.
    upload = models.BinaryField(null=True, blank=True, editable=False)
    upload_name = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("việc chạy nền")
        verbose_name_plural = _("việc chạy nền")
        indexes = [models.Index(fields=["status", "-created_at"])]

    def __str__(self):
        return f"{self.task} ({self.get_status_display()})"

    @property
    def percent(self):
        if self.status == self.Status.DONE:
            return 100
        return min(99, self.done * 100 // self.total) if self.total else 0

    @property
    def is_finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED, self.Status.RETRIED)
