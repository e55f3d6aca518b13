"""The buyer's account: a card checkout that never reached Stripe is not the buyer's order."""

from django.http import Http404
from oscar.apps.customer import views as oscar_views

from marketplace.payments.selectors import buyer_orders


class OrderHistoryView(oscar_views.OrderHistoryView):
    def get_queryset(self):
        return buyer_orders(super().get_queryset())


class OrderDetailView(oscar_views.OrderDetailView):
    def get_object(self, queryset=None):
        order = super().get_object(queryset)
        if not buyer_orders(type(order)._default_manager.filter(pk=order.pk)).exists():
            raise Http404
        return order
