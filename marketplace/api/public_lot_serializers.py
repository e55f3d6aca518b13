"""How the public API writes a lot and its trace events: what the lot's QR page shows."""

from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from marketplace.api.public_serializers import media_url, shop_url
from traceability.chain import chain_verifies
from traceability.links import batch_uri
from traceability.linkset import lot_epcis_url
from traceability.models import Batch, TraceEvent
from traceability.selectors import product_on_sale


@extend_schema_serializer(component_name="PublicInput")
class InputSerializer(serializers.Serializer):
    name = serializers.CharField()
    dose = serializers.CharField()


@extend_schema_serializer(component_name="PublicPhoto")
class PhotoSerializer(serializers.Serializer):
    url = serializers.CharField()
    caption = serializers.CharField()


@extend_schema_serializer(component_name="PublicTraceEvent")
class TraceEventSerializer(serializers.Serializer):
    sequence = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=TraceEvent.Kind.choices)
    kind_label = serializers.CharField(source="get_kind_display")
    occurred_at = serializers.DateTimeField()
    place = serializers.CharField()
    note = serializers.CharField(help_text="Plain text.")
    inputs = serializers.SerializerMethodField(help_text="What was used (care events).")
    document_url = serializers.SerializerMethodField(help_text="A lab result or other document.")
    photos = serializers.SerializerMethodField()
    hash = serializers.CharField(help_text="SHA-256 over the event and the previous hash.")
    previous_hash = serializers.CharField()
    corrects = serializers.SerializerMethodField(
        help_text="The sequence number of the event this one corrects, or null."
    )

    @extend_schema_field(InputSerializer(many=True))
    def get_inputs(self, event):
        # Stored as the cooperative sent it: only names and doses, as text, come out.
        items = event.inputs if isinstance(event.inputs, list) else []
        return [
            {"name": str(item.get("name", "")), "dose": str(item.get("dose", ""))}
            for item in items
            if isinstance(item, dict)
        ]

    def get_document_url(self, event) -> str | None:
        return media_url(event.document)

    @extend_schema_field(PhotoSerializer(many=True))
    def get_photos(self, event):
        return [
            {"url": media_url(photo.image), "caption": photo.caption}
            for photo in event.photos.all()
            if photo.image
        ]

    def get_corrects(self, event) -> int | None:
        return event.corrects.sequence if event.corrects_id else None


@extend_schema_serializer(component_name="PublicLotProduct")
class LotProductSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    gtin = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField(
        help_text="The product's page in the shop; null while it is not on sale."
    )

    def get_gtin(self, product) -> str | None:
        return (product.upc or "").strip() or None

    def get_url(self, product) -> str | None:
        return shop_url(product) if product_on_sale(product) else None


@extend_schema_serializer(component_name="PublicLotCooperative")
class LotCooperativeSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    url = serializers.SerializerMethodField(
        help_text="The cooperative's page in the shop; null while it does not sell."
    )

    def get_url(self, cooperative) -> str | None:
        return shop_url(cooperative) if cooperative.is_approved else None


@extend_schema_serializer(component_name="PublicLot")
class LotSerializer(serializers.Serializer):
    """A published or recalled lot with its events, in order."""

    lot_code = serializers.CharField()
    short_code = serializers.CharField()
    status = serializers.ChoiceField(choices=[Batch.Status.PUBLISHED, Batch.Status.RECALLED])
    status_label = serializers.CharField(source="get_status_display")
    recall_reason = serializers.SerializerMethodField(help_text="Why it was recalled, or null.")
    recalled_at = serializers.DateTimeField(allow_null=True)
    produced_on = serializers.DateField()
    best_before = serializers.DateField(allow_null=True)
    quantity = serializers.IntegerField()
    farm_name = serializers.CharField()
    farm_location = serializers.CharField()
    farm_area_ha = serializers.DecimalField(max_digits=8, decimal_places=2, allow_null=True)
    trace_url = serializers.SerializerMethodField(
        help_text="The lot's traceability page: the address its QR code carries."
    )
    epcis_url = serializers.SerializerMethodField(help_text="The lot's EPCIS 2.0 events.")
    product = LotProductSerializer()
    cooperative = serializers.SerializerMethodField()
    chain_verified = serializers.SerializerMethodField(
        help_text="True when every event's hash matches its content and the one before."
    )
    events = TraceEventSerializer(many=True, source="events.all")

    def get_recall_reason(self, batch) -> str | None:
        return batch.recall_reason if batch.status == Batch.Status.RECALLED else None

    def get_trace_url(self, batch) -> str:
        return batch_uri(batch)

    def get_epcis_url(self, batch) -> str:
        return lot_epcis_url(batch)

    @extend_schema_field(LotCooperativeSerializer(allow_null=True))
    def get_cooperative(self, batch):
        cooperative = batch.product.cooperative
        if cooperative is None:
            return None
        return LotCooperativeSerializer(cooperative, context=self.context).data

    def get_chain_verified(self, batch) -> bool:
        return chain_verifies(list(batch.events.all()))
