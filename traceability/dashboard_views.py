"""The cooperative's batches in the dashboard: create, record events, publish, recall."""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, ListView, TemplateView
from oscar.core.loading import get_model

from marketplace import access
from marketplace.access import CooperativeOrStaffMixin, CooperativeRequiredMixin
from marketplace.throttling import rate_limited
from traceability import allocation, export, selectors, services
from traceability.counterfeit import BURST_MINUTES, PLAUSIBLE_CLIENTS_PER_ITEM
from traceability.epcis import epcis_document
from traceability.forms import BatchForm, EventForm
from traceability.labels import LABELS_PER_PAGE, MAX_LABELS, MIN_LABELS
from traceability.links import batch_uri
from traceability.models import REASON_MAX_CHARS, Batch

Line = get_model("order", "Line")


class OwnBatchMixin(CooperativeRequiredMixin):
    def get_batch(self):
        batches = access.batches_for(self.request.user, Batch.objects.select_related("product"))
        return get_object_or_404(batches, pk=self.kwargs["pk"])


class BatchListView(CooperativeRequiredMixin, ListView):
    template_name = "dashboard/batches/batch_list.html"
    context_object_name = "batches"
    paginate_by = 30

    def get_queryset(self):
        return access.batches_for(self.request.user).select_related("product")


def add_service_errors(form, error, prefix=""):
    """Put a service's ValidationError beside the form's fields it names (``prefix`` + the
    model field), the rest above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        name = prefix + field
        form.add_error(name if name in form.fields else None, errors)


class BatchCreateView(CooperativeRequiredMixin, FormView):
    """A new batch with its first event in one step: the form starts with what the
    cooperative used last (product, farm, place), today's date, a fresh lot code and a
    harvest now, so a harvest is recorded by typing its quantity."""

    template_name = "dashboard/batches/batch_form.html"
    form_class = BatchForm

    def get_initial(self):
        return selectors.new_batch_defaults(cooperative=self.cooperative)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "cooperative": self.cooperative}

    def form_valid(self, form):
        event = form.event_data()
        try:
            batch = services.batch_create_with_event(
                by=self.request.user, event=event, **form.batch_data()
            )
        except ValidationError as error:
            add_service_errors(form, error, prefix="event_" if event else "")
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Đã tạo lô %(lot)s. Công bố lô để mã QR hoạt động và in tem.")
            % {"lot": batch.lot_code},
        )
        return redirect("batch-detail", pk=batch.pk)


@method_decorator(rate_limited("upload", uploads_only=True), name="dispatch")
class BatchDetailView(OwnBatchMixin, TemplateView):
    """The batch's timeline, with the form to record the next event."""

    template_name = "dashboard/batches/batch_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        batch = self.get_batch()
        events = list(batch.events.prefetch_related("photos").select_related("corrects"))
        last_place = next((event.place for event in reversed(events) if event.place), "")
        context.update(
            batch=batch,
            events=events,
            form=kwargs.get("form") or EventForm(batch=batch, initial={"place": last_place}),
            label_count=kwargs.get("label_count", LABELS_PER_PAGE),
            label_limits={"min": MIN_LABELS, "max": MAX_LABELS},
            reason_max=REASON_MAX_CHARS,
            public_url=batch_uri(batch),
            scans=selectors.batch_scan_report(batch=batch),
            chart_bar_width=selectors.SCAN_CHART_BAR_WIDTH,
            scans_per_item=PLAUSIBLE_CLIENTS_PER_ITEM,
            burst_minutes=BURST_MINUTES,
        )
        return context

    def post(self, request, *args, **kwargs):
        batch = self.get_batch()
        form = EventForm(request.POST, request.FILES, batch=batch)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data
        try:
            services.event_add(
                batch=batch,
                kind=data["kind"],
                occurred_at=data["occurred_at"],
                by=request.user,
                place=data["place"],
                note=data["note"],
                inputs=data["inputs"],
                document=data["document"],
                photos=[(photo, "") for photo in data["photos"]],
                corrects=data["corrects"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, _("Đã ghi sự kiện."))
        return redirect("batch-detail", pk=batch.pk)


class BatchActionView(OwnBatchMixin, View):
    """POST publish or recall (with a reason)."""

    def post(self, request, pk, action):
        batch = self.get_batch()
        try:
            if action == "publish":
                services.batch_publish(batch=batch, by=request.user)
                messages.success(
                    request, _("Đã công bố lô; mã QR đã hoạt động. In tem ngay bên dưới.")
                )
                # Straight to the label form: the next thing a cooperative does.
                return redirect(reverse("batch-detail", kwargs={"pk": batch.pk}) + "#labels")
            else:
                services.batch_recall(
                    batch=batch, reason=request.POST.get("reason", ""), by=request.user
                )
                messages.success(request, _("Đã thu hồi lô; trang truy xuất hiện cảnh báo."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("batch-detail", pk=batch.pk)


class LineBatchAssignView(CooperativeRequiredMixin, View):
    """POST ``lot-<batch id>=<units>``: the lots a line of this cooperative will ship from."""

    def post(self, request, line_id):
        lines = access.lines_for(request.user, Line.objects.select_related("order", "partner"))
        line = get_object_or_404(lines, pk=line_id)
        url = reverse("dashboard:order-detail", kwargs={"number": line.order.number})
        chosen = {}
        for key, value in request.POST.items():
            if key.startswith("lot-") and key[4:].isdigit() and value.strip():
                if not value.strip().isdigit() or len(value.strip()) > 6:
                    messages.error(request, _("Số lượng phải là số nguyên không âm."))
                    return redirect(f"{url}#line-batches")
                chosen[int(key[4:])] = int(value)
        own = {b.pk: b for b in access.batches_for(request.user).filter(pk__in=list(chosen))}
        if not chosen or set(chosen) - set(own):
            messages.error(request, _("Hãy chọn lô đã xuất cho sản phẩm này."))
            return redirect(f"{url}#line-batches")
        try:
            links = allocation.line_allocation_set(
                line=line, allocations=[(own[pk], units) for pk, units in chosen.items()],
                by=request.user,
            )  # fmt: skip
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            lots = ", ".join(f"{link.batch.lot_code} × {link.quantity}" for link in links)
            messages.success(
                request, _("Đã ghi lô %(lot)s cho %(title)s.") % {"lot": lots, "title": line.title}
            )
        return redirect(f"{url}#line-batches")


class BatchExportView(CooperativeOrStaffMixin, View):
    """Download a lot's events for the national traceability portal: EPCIS 2.0 (JSON-LD)
    or CSV (``traceability.export`` documents the columns). Its cooperative and staff."""

    def get(self, request, pk, fmt):
        batches = access.batches_for(request.user, selectors.public_batches(include_drafts=True))
        batch = get_object_or_404(batches, pk=pk)
        if fmt == "csv":
            body, content_type = export.epcis_csv(batch), "text/csv; charset=utf-8"
        else:
            body = json.dumps(epcis_document(batch), ensure_ascii=False, indent=2)
            content_type = "application/ld+json; charset=utf-8"
        response = HttpResponse(body, content_type=content_type)
        filename = export.export_filename(batch, "csv" if fmt == "csv" else "jsonld")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "private, no-store"
        return response
