"""Periodic work of settlement: the weekly payout batch (beat, CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from marketplace.settlement import services


@shared_task(ignore_result=True, autoretry_for=())
def payout_batch_prepare():
    """Make this week's payout batch for staff to review; a batch still waiting for review
    is left as it is, so a second run (or a retry) makes nothing new."""
    batch = services.payout_batch_prepare()
    return batch.pk if batch is not None else None
