"""Site-wide tasks: sending e-mail and text messages."""

from celery import shared_task
from django.conf import settings
from django.core.mail import get_connection
from django.utils.module_loading import import_string

from marketplace.mail import message_build


@shared_task(ignore_result=True, max_retries=8)
def email_deliver(*, message):
    """Send one e-mail queued by ``TaskEmailBackend``; retried while the mail server is away."""
    connection = get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=False)
    return message_build(message, connection=connection).send()


@shared_task(ignore_result=True, max_retries=8)
def sms_deliver(*, to, text):
    """Send one text message queued by ``marketplace.sms.sms_send``; retried while the
    gateway is away (a network error or an error answer).

    The message leaves through ``SMS_BACKEND`` (``marketplace.sms``'s backends)."""
    import_string(settings.SMS_BACKEND)().send(to=to, text=text)
