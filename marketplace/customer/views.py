"""The buyer's account: orders (without card checkouts that never reached Stripe) and
Vietnamese addresses."""

from django.http import Http404
from django.urls import reverse
from oscar.apps.customer import views as oscar_views

from marketplace import access
from marketplace.checkout.forms import UserAddressForm
from marketplace.payments.selectors import buyer_orders


class AccountAuthView(oscar_views.AccountAuthView):
    """Log in or register. A cooperative's member with nowhere else to go lands on the
    cooperative's overview, not on the customer account page."""

    def get_login_success_url(self, form):
        if not form.cleaned_data["redirect_url"] and access.acting_cooperative(self.request.user):
            return reverse("cooperative-overview")
        return super().get_login_success_url(form)


class OrderHistoryView(oscar_views.OrderHistoryView):
    def get_queryset(self):
        return buyer_orders(super().get_queryset())


class OrderDetailView(oscar_views.OrderDetailView):
    def get_object(self, queryset=None):
        order = super().get_object(queryset)
        if not buyer_orders(type(order)._default_manager.filter(pk=order.pk)).exists():
            raise Http404
        return order


class AddressCreateView(oscar_views.AddressCreateView):
    """The address book speaks the 2025 units too: province, commune/ward, phone."""

    form_class = UserAddressForm


class AddressUpdateView(oscar_views.AddressUpdateView):
    form_class = UserAddressForm


class _HideFailedCardCheckouts:
    def get_object(self, *args, **kwargs):
        order = super().get_object(*args, **kwargs)
        if order is None:
            return None
        if not buyer_orders(type(order)._default_manager.filter(pk=order.pk)).exists():
            return None
        return order


class AnonymousOrderFormView(_HideFailedCardCheckouts, oscar_views.AnonymousOrderFormView):
    """A guest's order by the link in the e-mail; a failed card checkout is not found."""


class AnonymousOrderDetailView(_HideFailedCardCheckouts, oscar_views.AnonymousOrderDetailView):
    pass
