"""Background work of the catalogue: the two steps of a product import, and how each
is started.

A cooperative's upload becomes a tracked job (``product_import_start``):
``product_import_check`` reads and checks its rows and keeps the preview on the job;
confirming the preview (``product_import_confirm``) starts ``product_import_apply``, which
saves the rows. The product feeds for other sales channels are rebuilt by
``feeds_build``. Each task is idempotent (``MarketplaceTask`` acknowledges late, so a task
may run twice).
"""

from celery import shared_task
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalogue import importing, product_sheets
from catalogue.feeds import build as feed_build
from marketplace.jobs.models import Job
from marketplace.jobs.services import job_begin, job_finish, job_progress, job_start

ProductClass = get_model("catalogue", "ProductClass")


def _refused(error):
    """Return the result of a job that ended on a file or a preview refused: its message."""
    return {"error": " ".join(error.messages)}


@shared_task
def product_import_check(job_id, language=None):
    """Read the uploaded spreadsheet and check every row; keep the preview on the job.

    A file that cannot be read ends the job as done, with the message in its result.
    """
    job = job_begin(job_id)
    if job is None:  # done already (a second delivery), or gone
        return
    with translation.override(language or settings.LANGUAGE_CODE):
        upload = SimpleUploadedFile(job.upload_name or "upload", bytes(job.upload or b""))
        try:
            rows = product_sheets.spreadsheet_read(upload=upload)
        except ValidationError as error:
            job_finish(job, _refused(error))
            return
        job_progress(job, 0, len(rows), force=True)
        checked = importing.import_preview(
            cooperative=job.cooperative, rows=rows,
            progress=lambda done, total: job_progress(job, done, total),
        )  # fmt: skip
        job_finish(job, importing.preview_result(checked))


@shared_task
def product_import_apply(job_id, check_job, language=None):
    """Save the rows of the preview kept on ``check_job``; count what was done.

    The rows are saved in batches; with each batch, the job keeps a checkpoint (the rows
    done, the counts) in the same transaction. Run again after a crash, it carries on
    from its checkpoint: no row is saved twice.
    """
    job = job_begin(job_id)
    if job is None:
        return
    with translation.override(language or settings.LANGUAGE_CODE):
        check = Job.objects.filter(
            pk=check_job, task=product_import_check.name, status=Job.Status.DONE,
            cooperative_id=job.cooperative_id,
        ).first()  # fmt: skip
        preview = (check.result if check is not None else None) or {}
        # Only the job the preview was confirmed into may save it (see product_import_confirm).
        if "rows" not in preview or preview.get("apply_job") != str(job.pk):
            job_finish(
                job, {"error": _("Bản xem trước này không dùng được nữa; hãy tải tệp lên lại.")}
            )
            return
        product_class = ProductClass.objects.order_by("pk").first()
        if product_class is None:
            job_finish(job, {"error": _("Sàn chưa có loại sản phẩm; hãy báo nhân viên sàn.")})
            return
        checkpoint = (job.result or {}).get("checkpoint")
        resume = None
        if checkpoint:
            done = checkpoint.pop("done")
            resume = (done, importing.ImportResult(**checkpoint))

        def progress(done, total, result):
            job_progress(job, done, total, force=True)
            Job.objects.filter(pk=job.pk).update(
                result={"checkpoint": {"done": done, **result.as_dict()}}
            )

        try:
            result = importing.products_import(
                cooperative=job.cooperative, rows=[row["raw"] for row in preview["rows"]],
                product_class=product_class, progress=progress, resume=resume,
            )  # fmt: skip
        except ValidationError as error:
            # The batch holding the row was not saved; the batches before it were.
            job.refresh_from_db(fields=["result"])
            saved = (job.result or {}).get("checkpoint", {})
            job_finish(
                job, {**_refused(error), **{k: saved.get(k, 0) for k in ("created", "updated")}}
            )
            return
        job_finish(job, result.as_dict())


def product_import_start(*, upload, cooperative, owner):
    """Check the upload (cheaply) and start reading and checking its rows in the
    background; return the tracked job, whose page shows the preview.

    Raise ValidationError for a file refused at once (too big, not a spreadsheet, no
    header row).
    """
    content = product_sheets.spreadsheet_check(upload=upload)
    return job_start(
        task=product_import_check, owner=owner, cooperative=cooperative,
        upload=content, upload_name=upload.name or "", language=get_language(),
    )  # fmt: skip


def product_import_confirm(*, check_job, cooperative, owner):
    """Start saving the rows that ``check_job``'s preview showed; return the job saving them.

    A preview is saved once: confirming it again (a second click, a second tab) returns
    the job already started. Raise ValidationError when the preview cannot be saved.
    """
    with transaction.atomic():
        check = Job.objects.select_for_update().filter(pk=check_job.pk).first()
        result = (check.result if check is not None else None) or {}
        if (
            check is None or check.cooperative_id != cooperative.pk
            or check.task != product_import_check.name
            or check.status != Job.Status.DONE or "rows" not in result
        ):  # fmt: skip
            raise ValidationError(_("Bản xem trước này không dùng được nữa; hãy tải tệp lên lại."))
        started = result.get("apply_job") and Job.objects.filter(pk=result["apply_job"]).first()
        if started:
            return started
        if not result["valid"]:
            raise ValidationError(_("Tệp không có dòng hợp lệ nào để lưu."))
        if not ProductClass.objects.exists():
            raise ValidationError(_("Sàn chưa có loại sản phẩm; hãy báo nhân viên sàn."))
        job = job_start(
            task=product_import_apply, owner=owner, cooperative=cooperative,
            check_job=str(check.pk), language=get_language(),
        )  # fmt: skip
        check.result = {**result, "apply_job": str(job.pk)}
        check.save(update_fields=["result"])
    return job


@shared_task(ignore_result=True, autoretry_for=())
def certificates_warn_expiring():
    """E-mail cooperatives whose OCOP certificates expire within 60 days (daily, by beat;
    each certificate's warning goes out once)."""
    from catalogue.services import certificates_warn_expiring as warn

    return warn()


@shared_task(ignore_result=True, soft_time_limit=600, time_limit=660)
def feeds_build():
    """Write the product feeds for Google and Meta (every 30 minutes, by beat; idempotent:
    each run replaces the four files whole)."""
    return [(report.files, report.items) for report in feed_build.feeds_build()]
