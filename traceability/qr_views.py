"""The public QR image of a batch and the cooperative's printable label sheet."""

import io

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.utils.decorators import method_decorator
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views import View

from marketplace import access
from marketplace.access import CooperativeOrStaffMixin
from marketplace.throttling import rate_limited
from traceability.labels import LABELS_PER_PAGE, MAX_LABELS, MIN_LABELS, label_sheet_pdf
from traceability.models import Batch
from traceability.qr import batch_qr_png, batch_qr_svg
from traceability.selectors import is_short_code

QR_FORMATS = {
    "png": (batch_qr_png, "image/png"),
    "svg": (batch_qr_svg, "image/svg+xml"),
}


@method_decorator(rate_limited("trace-qr"), name="dispatch")
class BatchQrView(View):
    """Serve a published (or recalled) batch's QR code as PNG or SVG."""

    def get(self, request, short_code, fmt):
        if fmt not in QR_FORMATS or not is_short_code(short_code):
            raise Http404  # checked before the query: no odd input reaches the database
        batch = get_object_or_404(
            Batch.objects.select_related("product"),
            short_code=short_code.upper(),
            status__in=[Batch.Status.PUBLISHED, Batch.Status.RECALLED],
        )
        render, content_type = QR_FORMATS[fmt]
        response = HttpResponse(render(batch=batch), content_type=content_type)
        # The image only changes with the site's address; a day keeps CDNs and phones quick.
        patch_cache_control(response, public=True, max_age=60 * 60 * 24)
        return response


def _ascii_slug(text):
    # slugify drops "đ" (it has no decomposition): "Đặc sản" would become "ac-san".
    # Lot codes keep their parts apart: "SG-2026/11" becomes "sg-2026-11".
    text = text.replace("đ", "d").replace("Đ", "D").replace("/", "-").replace(".", "-")
    return slugify(text)


class BatchLabelSheetView(CooperativeOrStaffMixin, View):
    """Download an A4 PDF of ``?count=`` labels (24 to a page) for the cooperative's batch."""

    def get(self, request, pk):
        batches = access.batches_for(
            request.user, Batch.objects.select_related("product__cooperative__partner")
        )
        batch = get_object_or_404(batches, pk=pk)
        try:
            count = int(request.GET.get("count", LABELS_PER_PAGE))
        except ValueError:
            count = None
        if count is None or not MIN_LABELS <= count <= MAX_LABELS:
            # The label form again, inside the dashboard, the error beside the count.
            context = {
                "batch": batch,
                "label_count": request.GET.get("count", "")[:12],
                "label_limits": {"min": MIN_LABELS, "max": MAX_LABELS},
                "label_error": _("Số tem phải là số nguyên từ %(min)d đến %(max)d.")
                % {"min": MIN_LABELS, "max": MAX_LABELS},
            }
            return render(request, "dashboard/batches/labels_form.html", context, status=400)
        filename = "nhan-{}-lo-{}.pdf".format(
            _ascii_slug(batch.product.get_title()) or "san-pham", _ascii_slug(batch.lot_code)
        )
        response = FileResponse(
            io.BytesIO(label_sheet_pdf(batch=batch, count=count)),
            as_attachment=True,
            filename=filename,
            content_type="application/pdf",
        )
        patch_cache_control(response, private=True)
        return response
