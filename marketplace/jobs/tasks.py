"""Tasks of the jobs app: ``ping``, to see that a worker takes and runs work."""

import logging
import os
import socket

from celery import shared_task

logger = logging.getLogger(__name__)


@shared_task(name="marketplace.jobs.tasks.ping")
def ping(sent_by=""):
    """Log and return "pong" with the worker's host and pid: a task reached a worker.

    ``celery -A marketplace call marketplace.jobs.tasks.ping`` (or ``ping.delay()`` in
    ``manage.py shell``) and look for the line in the worker's log.
    """
    answer = f"pong from {socket.gethostname()}:{os.getpid()}"
    logger.warning("%s%s", answer, f" (sent by {sent_by})" if sent_by else "")
    return answer
