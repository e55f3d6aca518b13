"""The one mail path: every e-mail the site sends goes out from a Celery worker.

``EMAIL_BACKEND`` is this backend, so Django's ``send_mail``, Oscar's order and password
e-mails and Wagtail's notifications all end here: each message is turned into plain data
and handed to the task ``marketplace.tasks.email_deliver`` once the request's transaction
commits. The worker sends it through ``EMAIL_DELIVERY_BACKEND`` (SMTP from ``EMAIL_URL``)
and retries with backoff when the mail server is away. A request never waits on SMTP.
"""

import base64

from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend


def message_data(message):
    """Return ``message`` (an ``EmailMessage``) as JSON-safe data for the task."""
    attachments = []
    for attachment in message.attachments:
        filename, content, mimetype = attachment
        if isinstance(content, str):
            content = content.encode()
        attachments.append([filename, base64.b64encode(content).decode(), mimetype])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(k): str(v) for k, v in message.extra_headers.items()},
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": attachments,
        "content_subtype": message.content_subtype,
    }


def message_build(data, *, connection=None):
    """Return the ``EmailMultiAlternatives`` that ``message_data`` described."""
    message = EmailMultiAlternatives(
        subject=data["subject"], body=data["body"], from_email=data["from_email"],
        to=data["to"], cc=data["cc"], bcc=data["bcc"], reply_to=data["reply_to"],
        headers=data["headers"], connection=connection,
    )  # fmt: skip
    message.content_subtype = data.get("content_subtype", "plain")
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


class TaskEmailBackend(BaseEmailBackend):
    """Queue each message for a worker to send (after the transaction commits)."""

    def send_messages(self, email_messages):
        from marketplace import tasks
        from marketplace.jobs.services import enqueue

        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            enqueue(tasks.email_deliver, message=message_data(message))
            count += 1
        return count
