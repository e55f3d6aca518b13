"""The Celery app: background work (e-mails, recalls, search sync, imports, periodic jobs).

Workers and beat start with ``celery -A marketplace worker`` and ``celery -A marketplace
beat`` (see the Procfile). Settings named ``CELERY_*`` configure it; tasks live in each
app's ``tasks.py``, on the base class ``marketplace.jobs.base.MarketplaceTask``.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings")

app = Celery("marketplace", task_cls="marketplace.jobs.base:MarketplaceTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
