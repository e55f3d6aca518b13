"""Send tasks after the commit, track the jobs people wait for, record and retry failures."""

import logging
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.jobs.models import Job

logger = logging.getLogger(__name__)

# A tracked job reports its progress at most this often (rows between two updates).
PROGRESS_EVERY = 250


def enqueue(task, **kwargs):
    """Send ``task`` with ``kwargs`` once the current transaction commits (at once outside
    one): a worker never sees a row the request has not committed, and a rolled-back
    request sends nothing. A broker that cannot be reached loses nothing: the task is
    recorded as failed, for staff to run again.
    """
    transaction.on_commit(partial(_send, task, kwargs))


def _send(task, kwargs):
    if task.app.conf.task_always_eager:
        task.apply_async(kwargs=kwargs)  # tests: run here, errors show
        return
    try:
        task.apply_async(kwargs=kwargs)
    except Exception as error:  # noqa: BLE001 - the broker is away; keep the work
        logger.exception("Could not queue %s", task.name)
        failure_record(
            task=task.name, kwargs=kwargs, error=f"Not queued: {error.__class__.__name__}: {error}"
        )


def job_start(*, task, owner, cooperative=None, upload=None, upload_name="", **kwargs):
    """Create a tracked job for ``task`` and send it after the commit; return the job."""
    job = Job.objects.create(
        task=task.name, kwargs=kwargs, owner=owner, cooperative=cooperative,
        upload=upload, upload_name=upload_name[:255], tracked=True,
    )  # fmt: skip
    enqueue(task, job_id=str(job.pk), **kwargs)
    return job


def job_begin(job_id):
    """Mark a tracked job running (again, on a retry) and return it, or None when gone."""
    updated = Job.objects.filter(pk=job_id).exclude(status=Job.Status.DONE).update(
        status=Job.Status.RUNNING, started_at=timezone.now(), done=0,
        attempts=F("attempts") + 1, error="",
    )  # fmt: skip
    return Job.objects.filter(pk=job_id).first() if updated else None


def job_progress(job, done, total=None, *, force=False):
    """Report ``done`` of ``total``; written every PROGRESS_EVERY steps (and when forced)."""
    if total is not None and total != job.total:
        job.total, force = total, True
    if not force and done - job.done < PROGRESS_EVERY:
        return
    job.done = done
    Job.objects.filter(pk=job.pk).update(done=done, total=job.total)


def job_finish(job, result):
    """Store the result; the job's page shows it from now on."""
    job.status, job.result, job.done, job.finished_at = (
        Job.Status.DONE, result, job.total, timezone.now()
    )  # fmt: skip
    job.upload = None  # the file is no longer needed
    job.save(update_fields=["status", "result", "done", "finished_at", "upload"])
    return job


def failure_record(*, task, kwargs, error, traceback="", attempts=1):
    """Record that ``task(**kwargs)`` failed for good: its tracked job, or a new one."""
    message = error if not traceback else f"{error}\n\n{traceback}"
    job_id = (kwargs or {}).get("job_id")
    if job_id and Job.objects.filter(pk=job_id).update(
        status=Job.Status.FAILED, error=message, finished_at=timezone.now()
    ):
        return
    Job.objects.create(
        task=task, kwargs=kwargs or {}, status=Job.Status.FAILED, error=message,
        attempts=attempts, finished_at=timezone.now(),
    )  # fmt: skip


def job_retry(*, job, by):
    """Run a failed job again, with the same arguments (staff only); return the job."""
    from marketplace.celery import app

    if not (by.is_active and by.is_staff):
        raise PermissionDenied
    if job.status != Job.Status.FAILED:
        return job
    if job.task not in app.tasks:
        # Workers import every app's tasks module at start; the web process only those its
        # code imported: the admin's retry must not depend on which ones that was.
        app.loader.import_default_modules()
    task = app.tasks.get(job.task)
    if task is None:  # renamed or removed since it failed
        raise ValidationError(
            _("Việc “%(task)s” không còn trong mã nguồn; không chạy lại được.") % {"task": job.task}
        )
    kwargs = dict(job.kwargs)
    if job.tracked:
        # A tracked job runs again as itself: its page follows the new run.
        kwargs["job_id"] = str(job.pk)
        Job.objects.filter(pk=job.pk).update(status=Job.Status.QUEUED, error="", done=0)
    else:
        Job.objects.filter(pk=job.pk).update(status=Job.Status.RETRIED)
    enqueue(task, **kwargs)
    job.refresh_from_db()
    return job
