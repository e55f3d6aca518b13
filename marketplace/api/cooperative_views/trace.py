"""The cooperative's lots and their trace events (scope family ``trace``)."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.response import Response

from marketplace.api import cooperative_selectors as selectors
from marketplace.api.cooperative_serializers.trace import (
    BatchCreateSerializer,
    BatchDetailSerializer,
    BatchSerializer,
    TraceEventCreateSerializer,
    TraceEventSerializer,
)
from marketplace.api.cooperative_views.base import CooperativeEndpoint
from marketplace.api.cooperative_views.docs import PARAMETERS, responses
from traceability import services

TAGS = ["cooperative: traceability"]


class _BatchMixin(CooperativeEndpoint):
    scope_family = "trace"

    def get_queryset(self):
        return selectors.own_batches(self.request.user)

    def batch_answer(self, batch, code=status.HTTP_200_OK, **kwargs):
        """Answer with the lot as it is now, its events included."""
        batch = selectors.own_batches_with_events(self.request.user).get(pk=batch.pk)
        data = BatchDetailSerializer(batch, context=self.get_serializer_context()).data
        return Response(data, status=code, **kwargs)


@extend_schema_view(
    get=extend_schema(
        tags=TAGS,
        parameters=PARAMETERS,
        summary="The cooperative's lots, drafts too, newest first (scope trace:read)",
        responses=responses({200: BatchSerializer(many=True)}),
    ),
)
class BatchListView(_BatchMixin, generics.ListAPIView):
    """GET the cooperative's lots; POST a new draft lot."""

    def get_serializer_class(self):
        return BatchCreateSerializer if self.request.method == "POST" else BatchSerializer

    def get_serializer(self, *args, **kwargs):
        serializer = super().get_serializer(*args, **kwargs)
        if isinstance(serializer, BatchCreateSerializer):
            # Only the cooperative's own products: another's is "not found", a 400.
            serializer.fields["product"].queryset = selectors.batch_products(
                self.request.user, getattr(self, "cooperative", None)
            )
        return serializer

    @extend_schema(
        tags=TAGS, parameters=PARAMETERS, request=BatchCreateSerializer,
        summary="Create a draft lot, maybe with its first event (scope trace:write)",
        description=(
            "The lot stays a draft, without a public page, until it is published. Its lot "
            "code must be new for the product."
        ),
        responses=responses({201: BatchDetailSerializer}, invalid=BatchCreateSerializer,
                            missing=False),
    )  # fmt: skip
    def post(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        batch = services.batch_create_with_event(by=request.user, **serializer.validated_data)
        location = reverse("api:cooperative-batch-detail", kwargs={"pk": batch.pk})
        return self.batch_answer(batch, status.HTTP_201_CREATED, headers={"Location": location})


@extend_schema_view(
    get=extend_schema(
        tags=TAGS,
        parameters=PARAMETERS,
        summary="One lot with its events (scope trace:read)",
        responses=responses({200: BatchDetailSerializer}),
    ),
)
class BatchDetailView(_BatchMixin, generics.RetrieveAPIView):
    serializer_class = BatchDetailSerializer

    def get_queryset(self):
        return selectors.own_batches_with_events(self.request.user)


class BatchEventCreateView(_BatchMixin, generics.GenericAPIView):
    serializer_class = TraceEventCreateSerializer

    @extend_schema(
        tags=TAGS, parameters=PARAMETERS, request=TraceEventCreateSerializer,
        summary="Record an event at the end of a lot's chain (scope trace:write)",
        description=(
            "Events are never changed or removed: each is chained to the one before by "
            "its hash. A recalled lot takes no more events."
        ),
        responses=responses({201: TraceEventSerializer}, invalid=TraceEventCreateSerializer),
    )  # fmt: skip
    def post(self, request, *args, **kwargs):
        batch = self.get_object()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        event = services.event_add(batch=batch, by=request.user, **serializer.validated_data)
        data = TraceEventSerializer(event, context=self.get_serializer_context()).data
        return Response(data, status=status.HTTP_201_CREATED)


class BatchPublishView(_BatchMixin, generics.GenericAPIView):
    serializer_class = BatchDetailSerializer

    @extend_schema(
        tags=TAGS, parameters=PARAMETERS, request=None,
        summary="Publish a draft lot: its page and QR code go live (scope trace:write)",
        description="The lot needs at least one event; only a draft is published.",
        responses=responses({200: BatchDetailSerializer}, invalid=BatchDetailSerializer),
    )  # fmt: skip
    def post(self, request, *args, **kwargs):
        batch = self.get_object()
        # No body is needed, but one that is not JSON is refused, as by every change.
        request.data  # noqa: B018
        batch = services.batch_publish(batch=batch, by=request.user)
        return self.batch_answer(batch)
