"""Checkout views: a Vietnamese address, a choice of payment, and an order placed once."""

from csp.decorators import csp_update
from django import http
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import generic
from oscar.apps.checkout import exceptions
from oscar.apps.checkout import views as oscar_views
from oscar.core.loading import get_model

from marketplace.checkout.forms import PaymentMethodForm, UserAddressForm
from marketplace.checkout.services import basket_fingerprint, card_checkout_begin
from marketplace.mail import checkout_language
from marketplace.payments import gateway, selectors, services
from marketplace.payments.models import Payment

Order = get_model("order", "Order")

ShippingAddressView = oscar_views.ShippingAddressView
UserAddressDeleteView = oscar_views.UserAddressDeleteView
ShippingMethodView = oscar_views.ShippingMethodView


class IndexView(oscar_views.IndexView):
    """The checkout's first step; a returning customer may sign in with their password."""

    def get_form_kwargs(self):
        # Oscar's gateway form is an AuthenticationForm: with the request, its sign-in is
        # counted and locked out like the sign-in page's (axes refuses one without it).
        return {**super().get_form_kwargs(), "request": self.request}


class UserAddressUpdateView(oscar_views.UserAddressUpdateView):
    """Edit a saved address with the Vietnamese fields (province, commune/ward, phone)."""

    form_class = UserAddressForm


def payment_method_choices():
    """Return the payment methods on offer: cards only when Stripe is set up."""
    methods = [Payment.Method.COD, Payment.Method.VIETQR]
    if gateway.stripe_enabled():
        methods.append(Payment.Method.STRIPE)
    return [(method.value, method.label) for method in methods]


class PaymentMethodCapturedMixin:
    def check_payment_data_is_captured(self, request):
        method = self.checkout_session.payment_method()
        if method not in dict(payment_method_choices()):
            raise exceptions.FailedPreCondition(
                url=reverse("checkout:payment-method"),
                message=_("Hãy chọn cách thanh toán."),
            )


class PaymentMethodView(oscar_views.PaymentMethodView, generic.FormView):
    """Choose cash on delivery, a VietQR transfer or a card; the choice is kept in the session."""

    template_name = "oscar/checkout/payment_method.html"
    form_class = PaymentMethodForm
    success_url = reverse_lazy("checkout:preview")

    def get(self, request, *args, **kwargs):
        return generic.FormView.get(self, request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "methods": payment_method_choices()}

    def get_initial(self):
        # Cash on delivery is chosen unless the buyer chose otherwise: most Vietnamese
        # shoppers pay that way, and it asks nothing more of them here.
        return {"method": self.checkout_session.payment_method() or Payment.Method.COD.value}

    def form_valid(self, form):
        self.checkout_session.pay_by(form.cleaned_data["method"])
        return redirect(self.get_success_url())


# Placing a card order answers the form's POST with a redirect to Stripe Checkout, which
# the browser follows only if this page's form-action allows it.
@method_decorator(csp_update({"form-action": ["https://checkout.stripe.com"]}), name="dispatch")
class PaymentDetailsView(PaymentMethodCapturedMixin, oscar_views.PaymentDetailsView):
    """The preview and the placing of the order.

    Nothing is charged before the order exists: COD and VietQR orders wait for their money;
    a card order is committed, with its stock, before Stripe is asked for a session, and
    cancelled again (its stock returned, the basket reopened) when Stripe cannot be reached.
    """

    def get(self, request, *args, **kwargs):
        if not self.preview:
            # No card details are ever typed here: the payment step is the method choice.
            return redirect("checkout:preview")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        method = self.checkout_session.payment_method()
        ctx["payment_method_label"] = dict(payment_method_choices()).get(method, "")
        if ctx.get("order_total") is not None and ctx.get("shipping_method") is not None:
            ctx["basket_fingerprint"] = self._fingerprint(
                ctx["shipping_method"], ctx["order_total"]
            )
            ctx["posted_total"] = int(ctx["order_total"].incl_tax)
        return ctx

    def _fingerprint(self, shipping_method, order_total):
        return basket_fingerprint(
            basket=self.request.basket,
            shipping_method_code=shipping_method.code,
            order_total=order_total.incl_tax,
            payment_method=self.checkout_session.payment_method(),
        )

    def handle_place_order_submission(self, request):
        submission = self.build_submission()
        expected = self._fingerprint(submission["shipping_method"], submission["order_total"])
        posted_total = request.POST.get("order_total", "")
        if request.POST.get("basket_fingerprint") != expected or posted_total != str(
            int(submission["order_total"].incl_tax)
        ):
            return self.render_preview(
                request,
                error=_(
                    "Giỏ hàng, giá hoặc phí giao hàng đã thay đổi so với trang bạn vừa xem. "
                    "Chưa có đơn hàng nào được tạo: hãy kiểm tra lại rồi đặt hàng."
                ),
            )
        return self.submit(**submission)

    def get_initial_order_status(self, basket):
        return services.initial_order_status(self.checkout_session.payment_method())

    def handle_order_placement(
        self,
        order_number,
        user,
        basket,
        shipping_address,
        shipping_method,
        shipping_charge,
        billing_address,
        order_total,
        surcharges=None,
        **kwargs,
    ):
        method = self.checkout_session.payment_method()
        # First transaction: the order, its stock (locked, checked, allocated) and its
        # payment. It commits before Stripe is called, so no stock row stays locked while
        # a remote API answers.
        with transaction.atomic():
            order = self.place_order(
                order_number=order_number,
                user=user,
                basket=basket,
                shipping_address=shipping_address,
                shipping_method=shipping_method,
                shipping_charge=shipping_charge,
                order_total=order_total,
                billing_address=billing_address,
                surcharges=surcharges,
                language=checkout_language(),
                **kwargs,
            )
            payment = services.payment_create(order=order, method=method)
            basket.submit()
        # Second step, for a card: Stripe's session, or the order cancelled again.
        stripe_url = None
        if method == Payment.Method.STRIPE:
            stripe_url = card_checkout_begin(payment=payment)
        response = self.handle_successful_order(order)
        if stripe_url:
            return http.HttpResponseRedirect(stripe_url)
        return response

    def get_message_context(self, order):
        ctx = super().get_message_context(order)
        ctx.update(selectors.order_payment_context(order))
        return ctx

    def send_order_placed_email(self, order):
        # The VietQR travels as an attached PNG too: mail clients block data: images.
        from oscar.apps.checkout.mixins import OrderDispatcher, logger

        attachments = selectors.order_qr_attachments(order)
        dispatcher = OrderDispatcher(logger=logger)
        dispatcher.send_order_placed_email_for_user(
            order, self.get_message_context(order), attachments=attachments
        )


class ThankYouView(oscar_views.ThankYouView):
    def get_context_data(self, *args, **kwargs):
        ctx = super().get_context_data(*args, **kwargs)
        ctx.update(selectors.order_payment_context(ctx["order"]))
        return ctx
