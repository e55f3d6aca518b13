"""E-mails to buyers: rendered in the buyer's language, as plain text and HTML."""

from django.conf import settings
from django.template import Context, TemplateDoesNotExist
from django.template.loader import get_template
from django.utils import translation


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
    and, when it exists, ``_body.html``, rendered in ``language`` (default: the shop's).

    Whoever's request triggers the e-mail (a cooperative shipping, staff refunding), it
    goes out in the language of the person who reads it.
    """
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = text_render(f"{template_prefix}_subject.txt", context)
        body = text_render(f"{template_prefix}_body.txt", context)
        try:
            html = get_template(f"{template_prefix}_body.html").render(context)
        except TemplateDoesNotExist:
            html = None
    return {
        "subject": " ".join(subject.split()),
        "message": body,
        "html_message": html,
        "from_email": settings.DEFAULT_FROM_EMAIL,
        "recipient_list": recipients,
    }
