"""What every API serializer of a model shares: its schema says what it really sends."""

from django.db import models
from rest_framework import serializers


class StrictCharField(serializers.CharField):
    """Text that must come as a JSON string: DRF would take ``0`` or ``1.5`` as "0", "1.5"."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class ModelSerializer(serializers.ModelSerializer):
    """DRF's ``ModelSerializer``, with read-only fields described as they are sent.

    DRF drops ``allow_blank`` from read-only fields, so the schema would promise a
    non-empty carrier, seller kind or e-mail where the database holds "" (not chosen
    yet); here a blank-able field keeps it. An e-mail address is sent as the text stored,
    so it is a plain string in the schema (an empty one is no address). Text fields take
    JSON strings only (``StrictCharField``), as the schema says.
    """

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.EmailField: StrictCharField,
        models.CharField: StrictCharField,
        models.TextField: StrictCharField,
    }

    def include_extra_kwargs(self, kwargs, extra_kwargs):
        allow_blank = kwargs.get("allow_blank", False)
        kwargs = super().include_extra_kwargs(kwargs, extra_kwargs)
        if allow_blank and kwargs.get("read_only"):
            kwargs["allow_blank"] = True
        return kwargs
