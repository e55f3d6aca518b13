"""The cooperative's API tokens in the dashboard: list, create (the secret shown once), revoke."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from marketplace import access
from marketplace.access import CooperativeRequiredMixin
from marketplace.api import services
from marketplace.api.forms import AccessTokenForm
from marketplace.api.models import AccessToken
from marketplace.links import absolute_url
from marketplace.throttling import rate_limited

# The curl example on the "token made" page: an address the token's scopes reach.
EXAMPLE_PATHS = (
    ("catalogue", "/api/v1/cooperative/stock-records/"),
    ("orders", "/api/v1/cooperative/shipments/?status=packed"),
)


def example_url(token):
    """Return an absolute API address ``token`` may read, for the curl example, or ""."""
    for family, path in EXAMPLE_PATHS:
        if token.allows(f"{family}:read"):
            return absolute_url(path)
    return ""


@method_decorator(rate_limited("api-token-create"), name="dispatch")
class AccessTokenListView(CooperativeRequiredMixin, ListView):
    """The acting cooperative's tokens, and the form that makes one.

    A POST that makes a token answers with the secret in that one response, marked
    ``no-store``: it is kept in no session, message, log or cache, and a GET of this page
    never shows it again.
    """

    template_name = "api/dashboard/token_list.html"
    context_object_name = "tokens"
    paginate_by = 30

    def get_queryset(self):
        return access.api_tokens_for(
            self.request.user, AccessToken.objects.select_related("user", "revoked_by")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", AccessTokenForm())
        context.update(cooperative=self.cooperative, docs_url=reverse("api:docs"))
        return context

    def post(self, request, *args, **kwargs):
        form = AccessTokenForm(request.POST)
        if form.is_valid():
            try:
                token, secret = services.token_create(user=request.user, **form.cleaned_data)
            except ValidationError as error:
                # The service's own checks, beside the fields they name.
                for field, errors in getattr(error, "error_dict", {None: error}).items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                return self._created(token, secret)
        self.object_list = self.get_queryset()
        return self.render_to_response(self.get_context_data(form=form))

    def _created(self, token, secret):
        response = self.response_class(
            request=self.request,
            template="api/dashboard/token_created.html",
            context={
                "token": token,
                "secret": secret,
                "example_url": example_url(token),
                "docs_url": reverse("api:docs"),
                "view": self,
            },
        )
        # The secret must not outlive this response: no browser, proxy or back button.
        add_never_cache_headers(response)
        return response


class AccessTokenRevokeView(CooperativeRequiredMixin, View):
    """POST: revoke one of the acting cooperative's tokens (another's is a 404)."""

    http_method_names = ["post"]

    def post(self, request, pk):
        token = get_object_or_404(access.api_tokens_for(request.user), pk=pk)
        services.token_revoke(token=token, by=request.user)
        messages.success(
            request,
            _("Đã thu hồi mã “%(name)s”: chương trình dùng mã này không truy cập được nữa.")
            % {"name": token.name},
        )
        return redirect("cooperative-api-tokens")
