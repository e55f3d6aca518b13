from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from marketplace.uploads import IMAGE_ACCEPT, SafeDocumentField, image_clean
from traceability.models import Batch, TraceEvent

Product = get_model("catalogue", "Product")
MAX_PHOTOS = 6


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class SafeImagesField(forms.FileField):
    """Several photos at once (a phone's gallery or camera), each decoded and re-encoded."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": IMAGE_ACCEPT, "multiple": True})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploads = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if self.required and not uploads:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if len(uploads) > MAX_PHOTOS:
            raise forms.ValidationError(
                _("Tối đa %(max)s ảnh cho một sự kiện.") % {"max": MAX_PHOTOS}, code="too_many"
            )
        return [image_clean(upload=upload) for upload in uploads]


class BatchForm(forms.ModelForm):
    class Meta:
        model = Batch
        fields = [
            "product", "lot_code", "quantity", "produced_on", "best_before", "farm_name",
            "farm_location", "farm_area_ha", "farm_gln_extension",
        ]  # fmt: skip
        widgets = {
            "produced_on": forms.DateInput(attrs={"type": "date"}),
            "best_before": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, cooperative, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the cooperative's own products, whatever the POST says.
        self.fields["product"].queryset = Product.objects.filter(cooperative=cooperative)


class EventForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Loại sự kiện"),
        choices=[c for c in TraceEvent.Kind.choices if c[0] != TraceEvent.Kind.CORRECTION],
    )
    occurred_at = forms.DateTimeField(
        label=_("Thời điểm"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"],
    )
    place = forms.CharField(label=_("Địa điểm"), max_length=255, required=False)
    note = forms.CharField(label=_("Ghi chú"), widget=forms.Textarea(attrs={"rows": 3}),
                           required=False)  # fmt: skip
    inputs = forms.CharField(
        label=_("Vật tư sử dụng"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Mỗi dòng một vật tư: tên: liều lượng, ví dụ “Phân hữu cơ: 2 tấn/ha”."),
    )
    document = SafeDocumentField(label=_("Tài liệu (kết quả kiểm nghiệm…)"), required=False)
    photos = SafeImagesField(label=_("Ảnh"), required=False)
    corrects = forms.ModelChoiceField(
        label=_("Đính chính cho sự kiện"), queryset=TraceEvent.objects.none(), required=False
    )

    def __init__(self, *args, batch, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["corrects"].queryset = batch.events.order_by("sequence")

    def clean_inputs(self):
        rows = []
        for line in self.cleaned_data["inputs"].splitlines():
            if not line.strip():
                continue
            name, _sep, dose = line.partition(":")
            rows.append({"name": name.strip()[:120], "dose": dose.strip()[:120]})
        return rows
