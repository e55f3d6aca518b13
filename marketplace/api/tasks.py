"""The API's background work."""

import datetime

from celery import shared_task

from marketplace.api.models import AccessToken


@shared_task(ignore_result=True)
def token_touch(*, token_id, at):
    """Record when a token was last used (never moving the time back)."""
    used = datetime.datetime.fromisoformat(at)
    AccessToken.objects.filter(pk=token_id).exclude(last_used_at__gte=used).update(
        last_used_at=used
    )
