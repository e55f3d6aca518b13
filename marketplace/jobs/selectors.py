"""Reads of tracked jobs: the one a page shows, only to whom it belongs."""

from marketplace import access
from marketplace.jobs.models import Job


def tracked_job_for(user, pk, *, tasks, with_result=True):
    """Return the tracked job ``pk`` of one of ``tasks`` if ``user`` may see it, else None.

    A cooperative's job is for the users acting for that cooperative, and staff; a job of
    no cooperative (a bank statement) is for staff only. The uploaded file is not loaded,
    nor, ``with_result=False``, the result (megabytes for a big import, and polled).
    """
    deferred = ["upload"] if with_result else ["upload", "result", "kwargs"]
    job = (
        Job.objects.filter(pk=pk, tracked=True, task__in=list(tasks))
        .select_related("cooperative")
        .defer(*deferred)
        .first()
    )
    if job is None or not access.may_act_for(user, job.cooperative):
        return None
    return job


def job_status(job):
    """Return what the progress bar shows of ``job``, as JSON-ready values."""
    return {
        "status": job.status,
        "label": str(job.get_status_display()),
        "done": job.done,
        "total": job.total,
        "percent": job.percent,
        "finished": job.is_finished,
    }
