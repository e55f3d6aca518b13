"""The one mail path: messages become data for the mail task, and back, unchanged."""

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives

from marketplace.mail import message_build, message_data
from marketplace.tasks import email_deliver


def _message():
    message = EmailMultiAlternatives(
        subject='Đơn hàng "Chè Tân Cương" & mật ong',
        body="Cảm ơn bạn đã đặt hàng.",
        from_email="Chợ OCOP <no-reply@ocop.example>",
        to=["an@example.com"],
        bcc=["luu@example.com"],
        reply_to=["hotro@ocop.example"],
        headers={"X-Order": "100042"},
    )
    message.attach_alternative("<p>Cảm ơn bạn</p>", "text/html")
    message.attach("hoa-don.pdf", b"%PDF-1.4 \x00\xff", "application/pdf")
    return message


def test_a_message_survives_the_trip_through_the_queue():
    import json

    data = json.loads(json.dumps(message_data(_message())))  # what the broker carries

    rebuilt = message_build(data)

    assert rebuilt.subject == 'Đơn hàng "Chè Tân Cương" & mật ong'
    assert rebuilt.to == ["an@example.com"] and rebuilt.bcc == ["luu@example.com"]
    assert rebuilt.reply_to == ["hotro@ocop.example"]
    assert rebuilt.extra_headers == {"X-Order": "100042"}
    assert rebuilt.alternatives[0][0] == "<p>Cảm ơn bạn</p>"
    assert rebuilt.attachments[0][1] == b"%PDF-1.4 \x00\xff"


@pytest.mark.django_db
def test_send_mail_queues_the_message_and_the_task_sends_it(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "marketplace.mail_backend.TaskEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert _message().send() == 1
    assert mail.outbox == []  # nothing is sent inside the request's transaction
    for callback in callbacks:
        callback()  # the commit: the task runs (inline in tests)

    (sent,) = mail.outbox
    assert sent.to == ["an@example.com"]
    assert sent.alternatives[0][1] == "text/html"


def test_the_mail_task_is_retried_when_the_mail_server_is_away():
    import smtplib

    assert smtplib.SMTPException in email_deliver.autoretry_for
    assert OSError in email_deliver.autoretry_for
    assert email_deliver.acks_late
