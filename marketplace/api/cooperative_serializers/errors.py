"""The error bodies, as the schema shows them.

DRF words its own errors as ``{"detail": "…"}``; a request that fails validation gets each
field's messages (``{"price": ["…"]}``), and the services' errors that concern no field
come under ``detail`` as a list (``marketplace.api.exceptions``).
"""

import functools

from drf_spectacular.utils import extend_schema_field, inline_serializer
from rest_framework import serializers

MESSAGES = {"type": "array", "items": {"type": "string"}}


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What went wrong, in the language asked for.")


@extend_schema_field(MESSAGES)
class MessagesField(serializers.Field):
    """A field's messages: documentation only."""


@extend_schema_field({"oneOf": [{"type": "string"}, MESSAGES]})
class DetailField(serializers.Field):
    """A message (a request DRF could not read) or messages (a service's refusal)."""


@extend_schema_field({"anyOf": [{"type": "object", "additionalProperties": True}, MESSAGES]})
class NestedMessagesField(serializers.Field):
    """The messages of a nested object or list, by its fields (or positions), or the
    messages about the whole of it ("may not be null")."""


@functools.cache
def validation_error(serializer_class):
    """Return the serializer of the 400 body of a request read by ``serializer_class``."""
    fields = {}
    for name, field in serializer_class().fields.items():
        if field.read_only:
            continue
        nested = isinstance(field, serializers.BaseSerializer | serializers.ListField)
        fields[name] = (NestedMessagesField if nested else MessagesField)(required=False)
    fields["non_field_errors"] = MessagesField(required=False)
    fields["detail"] = DetailField(required=False)
    name = serializer_class.__name__.removesuffix("Serializer")
    return inline_serializer(name=f"{name}ValidationError", fields=fields)
