"""The project's Celery app for a test worker (``celery -A tests.support.celery_app``).

The same app and settings as ``celery -A marketplace``, with one difference: tasks the
worker sends itself (a recall's chunks, the e-mails, retries) go to the test's own queue,
``CELERY_TEST_QUEUE``, so two test sessions sharing a Redis never take each other's tasks.
"""

import os

from marketplace.celery import app

app.conf.task_default_queue = os.environ["CELERY_TEST_QUEUE"]

__all__ = ["app"]
