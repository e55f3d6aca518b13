from django.http import Http404
from django.views.generic import TemplateView

from marketplace.partner import selectors


class CooperativeProfileView(TemplateView):
    """A cooperative's public page: story, photos, place, certificates and products."""

    template_name = "partner/cooperative_profile.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            cooperative = selectors.cooperative_for_profile(
                slug=self.kwargs["slug"], viewer=self.request.user
            )
        except selectors.Cooperative.DoesNotExist as error:
            raise Http404("Không tìm thấy hợp tác xã.") from error
        context.update(
            cooperative=cooperative,
            products=selectors.cooperative_products(cooperative=cooperative),
            certificates=selectors.cooperative_certificates(cooperative=cooperative),
        )
        return context
