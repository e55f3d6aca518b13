"""A cooperative's lots (batches) and their trace events."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from rest_framework import serializers

from marketplace.api.serializers import ModelSerializer, StrictCharField
from traceability.links import batch_uri
from traceability.models import EARLIEST_EVENT_YEAR, NOTE_MAX_CHARS, Batch, TraceEvent

Product = get_model("catalogue", "Product")

# A correction names the event it corrects: the dashboard records those.
EVENT_KINDS = [(k.value, k.label) for k in TraceEvent.Kind if k != TraceEvent.Kind.CORRECTION]
MAX_INPUTS = 20


class TraceEventPhotoSerializer(serializers.Serializer):
    image = serializers.ImageField(read_only=True)
    caption = serializers.CharField(read_only=True)


class TraceEventSerializer(ModelSerializer):
    """One event of a lot's chain, as recorded (events are never changed)."""

    photos = TraceEventPhotoSerializer(many=True, read_only=True)

    class Meta:
        model = TraceEvent
        fields = [
            "id", "sequence", "kind", "occurred_at", "place", "note", "inputs", "document",
            "document_sha256", "photos", "corrects", "recorded_by_name", "previous_hash",
            "hash", "created_at",
        ]  # fmt: skip
        read_only_fields = fields


class BatchSerializer(ModelSerializer):
    """A lot of one of the cooperative's products, draft or published."""

    product_title = serializers.CharField(source="product.get_title", read_only=True)
    trace_url = serializers.SerializerMethodField(
        help_text="What its QR code carries; null while the lot is a draft."
    )

    class Meta:
        model = Batch
        fields = [
            "id", "product", "product_title", "lot_code", "quantity", "produced_on",
            "best_before", "farm_name", "farm_location", "farm_area_ha", "farm_gln_extension",
            "status", "short_code", "trace_url", "published_at", "recall_reason",
            "recalled_at", "created_at",
        ]  # fmt: skip
        read_only_fields = fields

    def get_trace_url(self, batch) -> str | None:
        return batch_uri(batch) if batch.is_public else None


class BatchDetailSerializer(BatchSerializer):
    events = TraceEventSerializer(many=True, read_only=True)

    class Meta(BatchSerializer.Meta):
        fields = [*BatchSerializer.Meta.fields, "events"]
        read_only_fields = fields


class EventInputSerializer(serializers.Serializer):
    name = StrictCharField(max_length=120, help_text="e.g. Phân hữu cơ vi sinh")
    dose = StrictCharField(
        max_length=120, required=False, allow_blank=True, default="", help_text="e.g. 2 tấn/ha"
    )


class TraceEventCreateSerializer(serializers.Serializer):
    """A new event at the end of the lot's chain (JSON: no document or photos here)."""

    kind = serializers.ChoiceField(
        choices=EVENT_KINDS,
        error_messages={"invalid_choice": _("Loại sự kiện không tồn tại: “{input}”.")},
    )
    occurred_at = serializers.DateTimeField(help_text="When it happened; not in the future.")
    place = StrictCharField(max_length=255, required=False, allow_blank=True, default="")
    note = StrictCharField(max_length=NOTE_MAX_CHARS, required=False, allow_blank=True, default="")
    inputs = serializers.ListField(
        child=EventInputSerializer(), required=False, default=list, max_length=MAX_INPUTS,
        help_text="Inputs used (fertiliser, feed…), for care events.",
    )  # fmt: skip

    def validate_occurred_at(self, when):
        # The service refuses it too; said here, beside the field.
        if when > timezone.now() + datetime.timedelta(minutes=5):
            raise serializers.ValidationError(_("Thời điểm không được ở tương lai."))
        if when.year < EARLIEST_EVENT_YEAR:
            raise serializers.ValidationError(_("Thời điểm phải từ năm 2000 trở đi."))
        return when


class BatchCreateSerializer(ModelSerializer):
    """A new draft lot of one of the cooperative's products, and maybe its first event."""

    product = serializers.PrimaryKeyRelatedField(
        # The view narrows it to the cooperative's products (``batch_products``): another
        # cooperative's product reads as one that does not exist.
        queryset=Product.objects.none(), help_text="One of the cooperative's products.",
        error_messages={
            "does_not_exist": _("Hợp tác xã không có sản phẩm mã {pk_value}."),
            "incorrect_type": _("Mã sản phẩm là một số nguyên."),
        },
    )  # fmt: skip
    event = TraceEventCreateSerializer(
        required=False, help_text="Its first event (a harvest, say), recorded with it."
    )

    class Meta:
        model = Batch
        fields = [
            "product", "lot_code", "quantity", "produced_on", "best_before", "farm_name",
            "farm_location", "farm_area_ha", "farm_gln_extension", "event",
        ]  # fmt: skip
        # The service checks that a lot code is new for the product, with its own words.
        validators = []
