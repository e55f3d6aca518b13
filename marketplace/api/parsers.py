"""Request bodies: JSON only, and a body that is not JSON is a 400 in the caller's words."""

import codecs

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError
from rest_framework.utils import json


class JSONParser(parsers.JSONParser):
    """REST framework's JSON parser, refusing every unreadable body the same way.

    Its own turns a ``ValueError`` into "JSON parse error - <Python's message>", in
    English, and lets a ``RecursionError`` through: ``[[[[…]]]]`` nested a hundred
    thousand deep was a 500. Here both are a 400 saying what to send.
    """

    def parse(self, stream, media_type=None, parser_context=None):
        parser_context = parser_context or {}
        encoding = parser_context.get("encoding", settings.DEFAULT_CHARSET)
        try:
            decoded = codecs.getreader(encoding)(stream)
            constant = json.strict_constant if self.strict else None
            return json.load(decoded, parse_constant=constant)
        except (ValueError, RecursionError):
            raise ParseError(
                _("Nội dung không phải JSON hợp lệ (UTF-8, không NaN, không lồng quá sâu).")
            ) from None
