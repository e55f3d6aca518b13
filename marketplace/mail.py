"""The project's e-mails: rendered in the reader's language, as plain text and HTML.

Every message the project writes (to buyers, cooperatives, staff, lot subscribers) goes out
through ``mail_send``; Oscar's own messages (order confirmation, password reset) go through
Oscar's communication app, which also sends both parts. ``EMAIL_BACKEND`` then queues them
for the mail worker (``marketplace.mail_backend``), carried as plain data
(``message_data`` and ``message_build``).
"""

import base64
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, send_mail
from django.db import transaction
from django.template import Context, TemplateDoesNotExist
from django.template.loader import get_template
from django.utils import translation

# The HTML part of a message that has only a text template: its text, escaped, in the
# shop's e-mail layout.
TEXT_AS_HTML_TEMPLATE = "email/text_body.html"


def buyer_language(order):
    """Return the language the buyer checked out in, or the shop's for older orders."""
    language = getattr(order, "language", "") or ""
    if language in dict(settings.LANGUAGES):
        return language
    return settings.LANGUAGE_CODE


def checkout_language():
    """Return the supported language of the current request (to keep on a new order)."""
    try:
        return translation.get_supported_language_variant(
            translation.get_language() or settings.LANGUAGE_CODE
        )
    except LookupError:
        return settings.LANGUAGE_CODE


def text_render(template_name, context):
    """Return the plain-text template ``template_name`` rendered without HTML escaping.

    A subject or a text part is not HTML: a product called ``Chè "Tân Cương" & mật`` must
    read so, not ``Chè &quot;Tân Cương&quot; &amp; mật``. Only ``*.txt`` templates go here;
    the HTML part of an e-mail is rendered with the usual escaping.
    """
    return get_template(template_name).template.render(Context(context, autoescape=False))


def message_render(*, template_prefix, context, recipients, language=None):
    """Return ``send_mail`` keyword arguments for ``<prefix>_subject.txt``, ``_body.txt``
    and ``_body.html``, rendered in ``language`` (default: the shop's). Without an HTML
    template, the HTML part is the text part in the e-mail layout.

    Whoever's request triggers the e-mail (a cooperative shipping, staff refunding), it
    goes out in the language of the person who reads it.
    """
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = text_render(f"{template_prefix}_subject.txt", context)
        body = text_render(f"{template_prefix}_body.txt", context)
        try:
            html = get_template(f"{template_prefix}_body.html").render(context)
        except TemplateDoesNotExist:
            html = get_template(TEXT_AS_HTML_TEMPLATE).render({**context, "text": body})
    return {
        "subject": " ".join(subject.split()),
        "message": body,
        "html_message": html,
        "from_email": settings.DEFAULT_FROM_EMAIL,
        "recipient_list": recipients,
    }


def mail_send(*, template_prefix, context, recipients, language=None, on_commit=False):
    """Send the e-mail ``template_prefix`` (see ``message_render``) to ``recipients``, in
    ``language``; return the number of messages sent (0 or 1).

    With ``on_commit`` the message is rendered now and sent once the current transaction
    commits (a failure to send does not undo it); nothing is sent if it rolls back.
    """
    message = message_render(
        template_prefix=template_prefix, context=context, recipients=recipients,
        language=language,
    )  # fmt: skip
    if on_commit:
        transaction.on_commit(partial(send_mail, **message), robust=True)
        return 1
    return send_mail(**message)


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
