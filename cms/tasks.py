"""Content's periodic work."""

from celery import shared_task
from django.core.management import call_command


@shared_task(ignore_result=True, autoretry_for=())
def scheduled_publish():
    """Publish the pages and campaigns whose go-live time has come, unpublish expired ones
    (Wagtail's ``publish_scheduled``; run every minute by beat)."""
    call_command("publish_scheduled", verbosity=0)
