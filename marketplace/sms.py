"""Text messages (SMS): recall alerts for people who left a phone number on a QR page.

Like e-mail, a message is sent by a worker after the request's transaction commits
(``sms_send`` → ``marketplace.tasks.sms_deliver``), retried while the gateway is away.
``SMS_BACKEND`` chooses how it leaves:

- ``marketplace.sms.HttpBackend`` (the default when ``SMS_GATEWAY_URL`` is set): a JSON
  ``POST {"to": "+84…", "text": "…"}`` to the operator's SMS gateway, with
  ``Authorization: Bearer SMS_GATEWAY_TOKEN``; any 2xx answer is success;
- ``marketplace.sms.ConsoleBackend`` (the demo's default): printed to the worker's log;
- ``marketplace.sms.MemoryBackend``: kept in ``marketplace.sms.outbox`` (tests);
- empty (production without a gateway): no SMS at all; QR pages then offer e-mail only.
"""

import json
import logging
import urllib.request

from django.conf import settings

from marketplace import tasks

logger = logging.getLogger(__name__)

# MemoryBackend's messages: [{"to": ..., "text": ...}].
outbox = []


def sms_enabled():
    """Return True when text messages can be sent (a backend is configured)."""
    return bool(settings.SMS_BACKEND)


def sms_send(*, to, text):
    """Queue one text message to ``to`` (E.164) for a worker, after the commit."""
    from marketplace.jobs.services import enqueue

    if not sms_enabled():
        raise RuntimeError("SMS_BACKEND is not set: no text message can be sent.")
    enqueue(tasks.sms_deliver, to=to, text=text)


class ConsoleBackend:
    def send(self, *, to, text):
        logger.warning("SMS to %s: %s", to, text)
        print(f"SMS to {to}: {text}")  # noqa: T201 - the demo's "phone" is the console


class MemoryBackend:
    def send(self, *, to, text):
        outbox.append({"to": to, "text": text})


class HttpBackend:
    """POST the message as JSON to ``SMS_GATEWAY_URL``; an error answer raises (retried)."""

    timeout = 10

    def send(self, *, to, text):
        request = urllib.request.Request(  # noqa: S310 (the operator's gateway URL)
            settings.SMS_GATEWAY_URL,
            data=json.dumps({"to": to, "text": text}, ensure_ascii=False).encode(),
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "Authorization": f"Bearer {settings.SMS_GATEWAY_TOKEN}",
            },
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
            if not 200 <= response.status < 300:
                raise OSError(f"SMS gateway answered {response.status}")
