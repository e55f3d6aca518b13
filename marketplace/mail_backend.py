"""The one mail path: every e-mail the site sends goes out from a Celery worker.

``EMAIL_BACKEND`` is this backend, so Django's ``send_mail``, Oscar's order and password
e-mails and Wagtail's notifications all end here: each message is turned into plain data
(``marketplace.mail.message_data``) and handed to the task ``marketplace.tasks.email_deliver``
once the request's transaction commits. The worker sends it through
``EMAIL_DELIVERY_BACKEND`` (SMTP from ``EMAIL_URL``) and retries with backoff when the mail
server is away. A request never waits on SMTP.
"""

from django.core.mail.backends.base import BaseEmailBackend

from marketplace import tasks
from marketplace.mail import message_data


class TaskEmailBackend(BaseEmailBackend):
    """Queue each message for a worker to send (after the transaction commits)."""

    def send_messages(self, email_messages):
        from marketplace.jobs.services import enqueue

        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            enqueue(tasks.email_deliver, message=message_data(message))
            count += 1
        return count
