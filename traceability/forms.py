import datetime

from django import forms
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from marketplace.uploads import IMAGE_ACCEPT, SafeDocumentField, image_clean
from traceability.models import EARLIEST_EVENT_YEAR, NOTE_MAX_CHARS, Batch, TraceEvent

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


DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"]
EVENT_KINDS = [c for c in TraceEvent.Kind.choices if c[0] != TraceEvent.Kind.CORRECTION]


def _when_input():
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _not_in_future(when):
    # The service refuses it too; said here, beside the field.
    if when is not None and when > timezone.now() + datetime.timedelta(minutes=5):
        raise forms.ValidationError(_("Thời điểm không được ở tương lai."), code="future")
    if when is not None and when.year < EARLIEST_EVENT_YEAR:
        raise forms.ValidationError(_("Thời điểm phải từ năm 2000 trở đi."), code="too_early")
    return when


def _with_limit(message):
    """Return ``message`` (lazy) with its ``%(max)s`` filled in when it is shown, in the
    page's language: "2.000" the Vietnamese way."""
    return lazy(lambda: str(message) % {"max": f"{NOTE_MAX_CHARS:,}".replace(",", ".")}, str)()


def _note_field(label):
    """A free-text field that says its limit before (help, maxlength) and after (error)."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=NOTE_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_with_limit(_("Không bắt buộc. Tối đa %(max)s ký tự.")),
        error_messages={
            "max_length": _("Ghi chú dài tối đa %(limit_value)s ký tự (đang có %(show_value)s).")
        },
    )


class BatchForm(forms.ModelForm):
    """A new batch and, in the same step, its first event (a harvest, by default).

    The view fills it with what the cooperative used last (``selectors.new_batch_defaults``):
    a harvest is recorded by typing the quantity and tapping one button.
    """

    event_kind = forms.ChoiceField(
        label=_("Loại sự kiện"),
        required=False,
        choices=[("", _("— Chưa ghi sự kiện —")), *EVENT_KINDS],
    )
    event_occurred_at = forms.DateTimeField(
        label=_("Thời điểm"), required=False, widget=_when_input(), input_formats=DATETIME_FORMATS
    )
    event_place = forms.CharField(label=_("Nơi diễn ra"), max_length=255, required=False)
    event_note = _note_field(_("Ghi chú"))

    class Meta:
        model = Batch
        fields = [
            "product", "quantity", "lot_code", "produced_on", "best_before", "farm_name",
            "farm_location", "farm_area_ha", "farm_gln_extension",
        ]  # fmt: skip
        widgets = {
            "produced_on": forms.DateInput(attrs={"type": "date"}),
            "best_before": forms.DateInput(attrs={"type": "date"}),
            "quantity": forms.NumberInput(attrs={"inputmode": "numeric", "min": 1}),
        }
        help_texts = {
            "lot_code": _(
                "Ví dụ 260612-1 hoặc CM-2026/11: 1–20 chữ không dấu, số, dấu - . /; "
                "in trên tem. Đã điền sẵn một mã theo ngày, đổi nếu muốn."
            ),
        }

    # The fields a cooperative usually leaves as they are: folded under "more" on a phone.
    MORE = ("best_before", "farm_name", "farm_location", "farm_area_ha", "farm_gln_extension")
    EVENT = ("event_kind", "event_occurred_at", "event_place", "event_note")

    def __init__(self, *args, cooperative, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the cooperative's own products, whatever the POST says.
        self.fields["product"].queryset = Product.objects.filter(cooperative=cooperative)
        self.fields["product"].empty_label = _("— Chọn sản phẩm —")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("event_kind") and not cleaned.get("event_occurred_at"):
            if "event_occurred_at" not in self.errors:
                self.add_error("event_occurred_at", _("Hãy ghi thời điểm của sự kiện."))
        return cleaned

    def clean_event_occurred_at(self):
        return _not_in_future(self.cleaned_data.get("event_occurred_at"))

    def main_fields(self):
        return [f for f in self if f.name not in self.MORE + self.EVENT]

    def event_fields(self):
        return [self[name] for name in self.EVENT]

    def more_fields(self):
        return [self[name] for name in self.MORE]

    def more_has_errors(self):
        return any(self[name].errors for name in self.MORE)

    def batch_data(self):
        return {k: v for k, v in self.cleaned_data.items() if not k.startswith("event_")}

    def event_data(self):
        """Return the first event's fields, or None when none is to be recorded."""
        if not self.cleaned_data.get("event_kind"):
            return None
        return {
            "kind": self.cleaned_data["event_kind"],
            "occurred_at": self.cleaned_data["event_occurred_at"],
            "place": self.cleaned_data["event_place"],
            "note": self.cleaned_data["event_note"],
        }


class EventForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại sự kiện"), choices=EVENT_KINDS)
    occurred_at = forms.DateTimeField(
        label=_("Thời điểm"), widget=_when_input(), input_formats=DATETIME_FORMATS
    )
    place = forms.CharField(label=_("Địa điểm"), max_length=255, required=False)
    note = _note_field(_("Ghi chú"))
    inputs = forms.CharField(
        label=_("Vật tư sử dụng"),
        required=False,
        max_length=NOTE_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_with_limit(
            _(
                "Mỗi dòng một vật tư: tên: liều lượng, ví dụ “Phân hữu cơ: 2 tấn/ha”. "
                "Tối đa %(max)s ký tự."
            )
        ),
        error_messages={
            "max_length": _(
                "Danh sách vật tư dài tối đa %(limit_value)s ký tự (đang có %(show_value)s)."
            )
        },
    )
    document = SafeDocumentField(label=_("Tài liệu (kết quả kiểm nghiệm…)"), required=False)
    photos = SafeImagesField(label=_("Ảnh"), required=False)
    corrects = forms.ModelChoiceField(
        label=_("Đính chính cho sự kiện"), queryset=TraceEvent.objects.none(), required=False
    )

    def __init__(self, *args, batch, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["corrects"].queryset = batch.events.order_by("sequence")
        # The next event happens now, where the last one did (the page lists them anyway).
        self.fields["occurred_at"].initial = lambda: timezone.localtime().replace(
            second=0, microsecond=0
        )

    def clean_occurred_at(self):
        return _not_in_future(self.cleaned_data.get("occurred_at"))

    def clean_inputs(self):
        rows = []
        for line in self.cleaned_data["inputs"].splitlines():
            if not line.strip():
                continue
            name, _sep, dose = line.partition(":")
            rows.append({"name": name.strip()[:120], "dose": dose.strip()[:120]})
        return rows
