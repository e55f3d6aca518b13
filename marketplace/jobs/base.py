"""The base class of every task: acknowledged late, retried with backoff, time-limited.

Acknowledged only once done (``acks_late``), a task whose worker dies is delivered again,
so every task must be idempotent: running it twice does what running it once does.
Errors of the outside world (a mail server, the search server, the network) are retried
with exponential backoff; a task that still fails is recorded as a failed ``Job``, which
staff see in the admin and can run again.
"""

import logging
import smtplib

from celery import Task

logger = logging.getLogger(__name__)


class MarketplaceTask(Task):
    acks_late = True
    reject_on_worker_lost = True
    autoretry_for = (OSError, smtplib.SMTPException)
    retry_backoff = 2
    retry_backoff_max = 600
    retry_jitter = True
    max_retries = 6
    soft_time_limit = 300
    time_limit = 360

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        from marketplace.jobs import services

        try:
            services.failure_record(
                task=self.name, kwargs=kwargs, error=f"{exc.__class__.__name__}: {exc}",
                traceback=str(einfo), attempts=self.request.retries + 1,
            )  # fmt: skip
        except Exception:  # The database may be what failed: the log still has it.
            logger.exception("Could not record the failure of %s", self.name)
