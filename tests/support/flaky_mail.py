"""A mail server that drops the connection the first time it is asked to send to an address.

The worker tests point the worker's ``EMAIL_DELIVERY_BACKEND`` here: the first message to
each address fails with ``SMTPServerDisconnected`` (the task retries); every later one is
written to ``EMAIL_FILE_PATH`` as Django's file backend does. Which addresses have failed
once is kept in files (``failed_once``), so the memory survives the task's retry.
"""

import hashlib
import smtplib
from pathlib import Path

from django.core.mail.backends import filebased

STATE_FOLDER = ".failed-once"


def failed_once(mail_dir):
    """Return the addresses whose first message was refused, from the files in ``mail_dir``."""
    folder = Path(mail_dir) / STATE_FOLDER
    return sorted(path.read_text() for path in folder.glob("*")) if folder.exists() else []


class EmailBackend(filebased.EmailBackend):
    def send_messages(self, email_messages):
        folder = Path(self.file_path) / STATE_FOLDER
        folder.mkdir(exist_ok=True)
        for message in email_messages:
            for address in message.recipients():
                marker = folder / hashlib.sha256(address.lower().encode()).hexdigest()
                if not marker.exists():
                    marker.write_text(address)
                    raise smtplib.SMTPServerDisconnected(f"Connection dropped sending to {address}")
        return super().send_messages(email_messages)
