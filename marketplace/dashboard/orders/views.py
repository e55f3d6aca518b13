"""The orders dashboard, split by cooperative.

Oscar already lists a non-staff user only the orders holding a line of one of their partners,
but then shows them the whole order: every cooperative's lines, the totals, the payment and
the customer. Here a cooperative sees its own lines, their subtotal and the shipping address
of its parcel, and fulfils the parcel through its shipment; Oscar's generic order and line
actions, and address edits, stay with marketplace staff.
"""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db.models import Count, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from oscar.apps.dashboard.orders import views as core_views
from oscar.core.loading import get_class, get_model

from marketplace import access
from marketplace.order import selectors, services
from marketplace.spreadsheets import SafeCSVWriter
from traceability.allocation import packing_slip_rows

Shipment = get_model("order", "Shipment")
Line = get_model("order", "Line")
Order = get_model("order", "Order")
ShippingAddress = get_model("order", "ShippingAddress")
ShipmentAdvanceForm = get_class("dashboard.orders.forms", "ShipmentAdvanceForm")
CooperativeOrderSearchForm = get_class("dashboard.orders.forms", "CooperativeOrderSearchForm")


def queryset_orders_for_user(user):
    """Return the orders ``user`` may open: Oscar's query, scoped by ``marketplace.access``.

    Oscar's function of the same name lets in any partner the user belongs to, and its
    views call it by name: each view below that looks orders up overrides that method.
    """
    queryset = Order._default_manager.select_related(
        "billing_address", "billing_address__country", "shipping_address",
        "shipping_address__country", "user",
    ).prefetch_related("lines", "status_changes")  # fmt: skip
    return access.orders_for(user, queryset)


def get_order_for_user_or_404(user, number):
    try:
        return queryset_orders_for_user(user).get(number=number)
    except ObjectDoesNotExist as error:
        raise Http404 from error


def _order_shipments(order, user):
    """Return the order's shipments ``user`` may see and act on in the dashboard."""
    shipments = order.shipments.select_related("cooperative__partner").order_by("pk")
    return access.shipments_for(user, shipments)


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
        self.cooperative_view = not access.sees_everything(request.user)
        if self.cooperative_view:
            self.form_class = CooperativeOrderSearchForm
            self.CSV_COLUMNS = self.COOPERATIVE_CSV_COLUMNS
        self.base_queryset = queryset_orders_for_user(request.user).order_by("-date_placed")
        # Skip Oscar's dispatch: it only sets base_queryset, by its own partner rule.
        return super(core_views.OrderListView, self).dispatch(request, *args, **kwargs)

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
        lines = access.lines_for(self.request.user)
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
        shipments = access.shipments_for(
            self.request.user, Shipment.objects.filter(order__in=orders)
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
        user = self.request.user
        orders = queryset_orders_for_user(user).filter(**filters)
        stats = {
            "total_orders": orders.count(),
            "total_lines": Line.objects.filter(order__in=orders).count(),
            "total_revenue": orders.aggregate(total=Sum("total_incl_tax"))["total"]
            or Decimal("0.00"),
            "order_status_breakdown": orders.order_by("status")
            .values("status")
            .annotate(freq=Count("id")),
        }
        if access.sees_everything(user):
            return stats
        # Oscar sums whole orders; a cooperative's revenue is what its own lines brought.
        lines = access.lines_for(user).filter(order__in=orders)
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
        self.cooperative_view = not access.sees_everything(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_object(self, queryset=None):
        return get_order_for_user_or_404(self.request.user, self.kwargs["number"])

    def get_order_lines(self):
        lines = self.object.lines.select_related("partner", "product").order_by("pk")
        return access.lines_for(self.request.user, lines)

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
        shipments = list(_order_shipments(self.object, self.request.user))
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
        order = get_order_for_user_or_404(self.request.user, self.kwargs["number"])
        line = access.lines_for(self.request.user, order.lines.all())
        return get_object_or_404(line, pk=self.kwargs["line_id"])


class ShippingAddressUpdateView(core_views.ShippingAddressUpdateView):
    def dispatch(self, request, *args, **kwargs):
        # The address is the customer's, and other cooperatives ship to it too.
        if not access.sees_everything(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_object(self, queryset=None):
        order = get_order_for_user_or_404(self.request.user, self.kwargs["number"])
        return get_object_or_404(ShippingAddress, order=order)


class ShipmentAdvanceView(View):
    """Move one shipment on: packed, shipped (with carrier and tracking code), delivered."""

    http_method_names = ["post"]

    def post(self, request, number, shipment_id):
        order = get_order_for_user_or_404(request.user, number)
        shipment = get_object_or_404(Shipment, order=order, pk=shipment_id)
        visible = _order_shipments(order, request.user)
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


class ShipmentPackingSlipView(View):
    """A parcel's packing slip, to print: its lines with the lots each unit comes from.

    Once the parcel has left, the lots are those recorded; before, those chosen, or the
    ones shipping will take (oldest lot first), marked as planned.
    """

    http_method_names = ["get", "head"]

    def get(self, request, number, shipment_id):
        order = get_order_for_user_or_404(request.user, number)
        visible = _order_shipments(order, request.user)
        shipment = get_object_or_404(visible, pk=shipment_id)
        lines = selectors.shipment_lines(shipment=shipment)
        rows = packing_slip_rows(shipment=shipment, lines=lines)
        return TemplateResponse(
            request,
            "oscar/dashboard/orders/packing_slip.html",
            {"order": order, "shipment": shipment, "rows": rows,
             "address": order.shipping_address, "printed_at": timezone.now()},
        )  # fmt: skip
