"""The orders dashboard, split by cooperative.

Oscar already lists a non-staff user only the orders holding a line of one of their partners,
but then shows them the whole order: every cooperative's lines, the totals, the payment and
the customer. Here a cooperative sees its own lines, their subtotal and the shipping address
of its parcel, and fulfils the parcel through its shipment; Oscar's generic order and line
actions, and address edits, stay with marketplace staff.
"""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from oscar.apps.dashboard.orders import views as core_views
from oscar.core.loading import get_class, get_model

from marketplace.order import selectors, services
from marketplace.spreadsheets import SafeCSVWriter

Shipment = get_model("order", "Shipment")
ShipmentAdvanceForm = get_class("dashboard.orders.forms", "ShipmentAdvanceForm")
CooperativeOrderSearchForm = get_class("dashboard.orders.forms", "CooperativeOrderSearchForm")

get_order_for_user_or_404 = core_views.get_order_for_user_or_404


class OrderListView(core_views.OrderListView):
    # What a cooperative's CSV holds: its own lines' value and count, not the customer's
    # e-mail or billing name.
    COOPERATIVE_CSV_COLUMNS = {
        "number": _("Mã đơn hàng"),
        "value": _("Giá trị hàng của hợp tác xã"),
        "date": _("Ngày đặt"),
        "num_items": _("Số sản phẩm của hợp tác xã"),
        "status": _("Trạng thái đơn"),
        "shipping_address_name": _("Người nhận"),
    }

    def dispatch(self, request, *args, **kwargs):
        self.cooperative_view = not selectors.user_sees_whole_orders(request.user)
        if self.cooperative_view:
            self.form_class = CooperativeOrderSearchForm
            self.CSV_COLUMNS = self.COOPERATIVE_CSV_COLUMNS
        return super().dispatch(request, *args, **kwargs)

    def download_selected_orders(self, request, orders):
        """Oscar's CSV of the orders, with names that look like formulas defused."""
        response = HttpResponse(content_type="text/csv")
        response["Content-Disposition"] = (
            f"attachment; filename={self.get_download_filename(request)}"
        )
        writer = SafeCSVWriter(open_file=response)
        writer.writerow(self.CSV_COLUMNS.values())
        for order in orders:
            row_values = self.get_row_values(order)
            writer.writerow([row_values.get(column, "") for column in self.CSV_COLUMNS])
        return response

    def get_actions(self):
        if self.cooperative_view:
            # Changing an order's status changes it for every cooperative in it.
            return {"download_selected_orders": None}
        return super().get_actions()

    def post(self, request, *args, **kwargs):
        action = request.POST.get(self.action_param, "").lower()
        if self.cooperative_view and action not in self.get_actions():
            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def get_queryset(self):
        queryset = super().get_queryset()
        if not self.cooperative_view:
            return queryset
        lines = selectors.user_partner_lines(user=self.request.user)
        data = self.form.cleaned_data if self.form.is_valid() else {}
        # Oscar matches these against any line; a cooperative may only find its own.
        line_filters = {
            "title__istartswith": data.get("product_title"),
            "upc": data.get("upc"),
            "partner_sku": data.get("partner_sku"),
        }
        line_filters = {key: value for key, value in line_filters.items() if value}
        if line_filters:
            queryset = queryset.filter(pk__in=lines.filter(**line_filters).values("order_id"))
        order_lines = lines.filter(order=OuterRef("pk")).order_by().values("order_id")
        return queryset.annotate(
            own_subtotal=Subquery(
                order_lines.annotate(total=Sum("line_price_before_discounts_incl_tax")).values(
                    "total"
                )
            ),
            own_num_items=Subquery(order_lines.annotate(n=Sum("quantity")).values("n")),
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["cooperative_view"] = self.cooperative_view
        if self.cooperative_view:
            self.attach_own_shipments(ctx["orders"])
        return ctx

    def attach_own_shipments(self, orders):
        """Give each listed order ``own_shipments``: the user's parcels in it."""
        orders = list(orders)
        shipments = Shipment.objects.filter(
            order__in=orders, cooperative__partner__users=self.request.user
        ).order_by("pk")
        by_order = {}
        for shipment in shipments:
            by_order.setdefault(shipment.order_id, []).append(shipment)
        for order in orders:
            order.own_shipments = by_order.get(order.pk, [])

    def get_row_values(self, order):
        row = super().get_row_values(order)
        if self.cooperative_view:
            row.update(value=order.own_subtotal, num_items=order.own_num_items)
        return row


class OrderStatsView(core_views.OrderStatsView):
    def get_stats(self, filters):
        stats = super().get_stats(filters)
        if selectors.user_sees_whole_orders(self.request.user):
            return stats
        # Oscar sums whole orders; a cooperative's revenue is what its own lines brought.
        orders = core_views.queryset_orders_for_user(self.request.user).filter(**filters)
        lines = selectors.user_partner_lines(user=self.request.user).filter(order__in=orders)
        stats.update(
            lines.aggregate(
                total_lines=Count("pk"),
                total_revenue=Coalesce(
                    Sum("line_price_before_discounts_incl_tax"), Decimal("0.00")
                ),
            )
        )
        return stats


class OrderDetailView(core_views.OrderDetailView):
    def dispatch(self, request, *args, **kwargs):
        self.cooperative_view = not selectors.user_sees_whole_orders(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_order_lines(self):
        return selectors.dashboard_order_lines(order=self.object, user=self.request.user)

    def post(self, request, *args, **kwargs):
        if self.cooperative_view:
            # An order without the cooperative's lines is not found, as on GET.
            self.object = self.get_object()
            # Oscar's order actions (status, payment events, notes) and line actions act for
            # the whole marketplace, whatever lines are posted; a cooperative moves its own
            # parcel with ShipmentAdvanceView.
            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        shipments = list(
            selectors.dashboard_order_shipments(order=self.object, user=self.request.user)
        )
        ctx.update(
            cooperative_view=self.cooperative_view,
            shipments=shipments,
            shipment_form=ShipmentAdvanceForm(),
            shipment_status=Shipment.Status,
        )
        if self.cooperative_view:
            ctx.update(
                lines_subtotal=selectors.lines_subtotal(ctx["lines"]),
                payment_transactions=[],
                note_form=None,
                order_status_form=None,
                shipping_event_types=[],
                payment_event_types=[],
            )
        return ctx


class LineDetailView(core_views.LineDetailView):
    def get_object(self, queryset=None):
        line = super().get_object(queryset)
        if not selectors.user_sees_whole_orders(self.request.user):
            if not selectors.user_partner_lines(user=self.request.user).filter(pk=line.pk).exists():
                raise Http404
        return line


class ShippingAddressUpdateView(core_views.ShippingAddressUpdateView):
    def dispatch(self, request, *args, **kwargs):
        # The address is the customer's, and other cooperatives ship to it too.
        if not selectors.user_sees_whole_orders(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ShipmentAdvanceView(View):
    """Move one shipment on: packed, shipped (with carrier and tracking code), delivered."""

    http_method_names = ["post"]

    def post(self, request, number, shipment_id):
        order = get_order_for_user_or_404(request.user, number)
        shipment = get_object_or_404(Shipment, order=order, pk=shipment_id)
        visible = selectors.dashboard_order_shipments(order=order, user=request.user)
        if not visible.filter(pk=shipment.pk).exists():
            raise PermissionDenied
        form = ShipmentAdvanceForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Yêu cầu không hợp lệ, hãy thử lại."))
        else:
            try:
                services.shipment_advance(shipment=shipment, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request,
                    _("Kiện hàng của %(cooperative)s: %(status)s.")
                    % {
                        "cooperative": shipment.cooperative,
                        "status": shipment.get_status_display(),
                    },
                )
        url = reverse("dashboard:order-detail", kwargs={"number": order.number})
        return redirect(f"{url}#shipments")
