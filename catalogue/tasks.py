"""Background work of the catalogue: the two steps of a product import.

A cooperative's upload becomes a tracked job (``importing.product_import_start``):
``product_import_check`` reads and checks its rows and keeps the preview on the job;
confirming the preview starts ``product_import_apply``, which saves the rows. Each task
is idempotent (``MarketplaceTask`` acknowledges late, so a task may run twice).
"""

from celery import shared_task
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalogue import importing
from marketplace.jobs.models import Job
from marketplace.jobs.services import job_begin, job_finish, job_progress

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
            rows = importing.spreadsheet_read(upload=upload)
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


@shared_task(ignore_result=True, autoretry_for=())
def certificates_warn_expiring():
    """E-mail cooperatives whose OCOP certificates expire within 60 days (daily, by beat;
    each certificate's warning goes out once)."""
    from catalogue.services import certificates_warn_expiring as warn

    return warn()
