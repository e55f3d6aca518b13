"""Background work of payments: importing a bank statement (and starting it), expiring
card orders.

Each task is idempotent (``MarketplaceTask`` acknowledges late, so a task may run twice).
"""

from celery import shared_task
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from marketplace.jobs.models import Job
from marketplace.jobs.services import job_begin, job_finish, job_progress, job_start
from marketplace.payments import card, statement_import, statements


@shared_task
def bank_statement_import(job_id, language=None):
    """Import the bank statement uploaded on the tracked job; keep the report on the job.

    A bad file ends the job as done with the message in its result, having changed
    nothing. The lines are applied in batches; with each batch the job keeps a checkpoint
    (the lines done, the report so far) in the same transaction, so a run cut short
    carries on from it. Even without it nothing would be paid twice: a payment keeps the
    bank reference of the line that paid it.
    """
    job = job_begin(job_id)
    if job is None:  # done already (a second delivery), or gone
        return
    with translation.override(language or settings.LANGUAGE_CODE):
        by = job.owner
        if by is None or not (by.is_active and by.is_staff):
            job_finish(job, {"error": _("Chỉ ban quản trị chợ mới nhập được sao kê ngân hàng.")})
            return
        checkpoint = (job.result or {}).get("checkpoint")
        resume = (checkpoint["done"], checkpoint["report"]) if checkpoint else None

        def progress(done, total, report):
            job_progress(job, done, total, force=True)
            Job.objects.filter(pk=job.pk).update(
                result={"checkpoint": {"done": done, "report": report}}
            )

        upload = SimpleUploadedFile(job.upload_name or "upload", bytes(job.upload or b""))
        try:
            report = statement_import.bank_statement_import(
                upload=upload, by=by, progress=progress, resume=resume
            )
        except ValidationError as error:
            job_finish(job, {"error": " ".join(error.messages)})
            return
        job_finish(job, report)


def bank_statement_start(*, upload, by):
    """Check a bank statement (cheaply) and start importing it in the background; return
    the tracked job, whose page shows the progress and then the report.

    Raise ValidationError for a file refused at once (too big, not a UTF-8 CSV, a column
    missing); the lines themselves are read by the job.
    """
    if not (by.is_active and by.is_staff):
        raise PermissionDenied(_("Chỉ ban quản trị chợ mới nhập được sao kê ngân hàng."))
    content = statements.statement_check(upload)
    return job_start(
        task=bank_statement_import, owner=by, upload=content,
        upload_name=upload.name or "", language=get_language(),
    )  # fmt: skip


@shared_task(ignore_result=True, autoretry_for=())
def card_orders_expire():
    """Cancel card orders left unpaid past PAYMENT_CARD_EXPIRY_MINUTES and return their
    stock (every few minutes, by beat); an order is expired once."""
    return len(card.orders_expire_abandoned())
