"""The QR page's recall alert form, and the confirm / stop links its messages carry.

Pages are standalone like the QR page (its one stylesheet, no script). Confirming and
stopping take a POST from the page the link opens: a mail scanner that follows links
changes nothing.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from marketplace.sms import sms_enabled
from marketplace.throttling import over_limit, rate_limited
from marketplace.views import too_many_requests
from traceability import alerts, selectors
from traceability.links import batch_uri
from traceability.pages import not_found


class RecallAlertForm(forms.Form):
    contact = forms.CharField(label=gettext_lazy("Thư điện tử hoặc số điện thoại"), max_length=254)
    # Left empty by people (it is hidden); filled by form-spamming robots.
    website = forms.CharField(required=False, max_length=200)

    def clean_contact(self):
        try:
            return alerts.contact_parse(self.cleaned_data["contact"])
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from error


def _render(request, template, context, status=200):
    return render(request, f"traceability/{template}.html",
                  {"sms": sms_enabled(), **context}, status=status)  # fmt: skip


@rate_limited("trace-alert")
@require_http_methods(["GET", "HEAD", "POST"])
def recall_alert_request(request, code):
    """``/t/<code>/alerts/``: ask to be told if this lot is recalled."""
    batch = selectors.batch_for_short_code(code=code)
    if batch is None or batch.status != batch.Status.PUBLISHED:
        return not_found(request)
    context = {"batch": batch, "page_uri": batch_uri(batch)}
    if request.method != "POST":
        return _render(request, "alert_form", {**context, "form": RecallAlertForm()})
    form = RecallAlertForm(request.POST)
    if not form.is_valid():
        return _render(request, "alert_form", {**context, "form": form}, status=400)
    channel, address = form.cleaned_data["contact"]
    if not form.cleaned_data["website"]:
        wait = over_limit(request, "trace-alert-contact", value=f"{channel}:{address}")
        if wait:
            return too_many_requests(request, retry_after=wait)
        try:
            alerts.recall_alert_request(
                batch=batch, contact=address, language=translation.get_language() or "vi"
            )
        except ValidationError as error:
            form.add_error("contact", error)
            return _render(request, "alert_form", {**context, "form": form}, status=400)
    # The same answer whether a message went out or not: it tells nothing of the address.
    return _render(request, "alert_result", {**context, "state": "sent", "channel": channel})


@require_http_methods(["GET", "HEAD", "POST"])
def recall_alert_confirm(request, token):
    """``/t/alerts/<token>/confirm/``: a button that confirms the alert (POST)."""
    return _token_page(request, token, alerts.recall_alert_confirm, "confirmed")


@require_http_methods(["GET", "HEAD", "POST"])
def recall_alert_stop(request, token):
    """``/t/alerts/<token>/stop/``: a button that stops the alert (POST)."""
    return _token_page(request, token, alerts.recall_alert_stop, "stopped")


def _token_page(request, token, action, done):
    from traceability.models import RecallSubscription

    subscription = (
        RecallSubscription.objects.select_related("batch__product").filter(token=token).first()
        if 20 <= len(token) <= 40
        else None
    )
    if subscription is None:
        return not_found(request)
    state = "ask"
    if request.method == "POST":
        subscription = action(token=token)
        if subscription is None:
            return _render(request, "alert_result", {"state": "expired"}, status=410)
        state = done
    context = {"batch": subscription.batch, "page_uri": batch_uri(subscription.batch),
               "state": state, "action": done, "subscription": subscription,
               "title": _("Nhận tin thu hồi")}  # fmt: skip
    return _render(request, "alert_result", context)
