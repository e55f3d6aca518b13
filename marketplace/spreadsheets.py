"""Spreadsheets the site hands out: no cell may be taken for a formula.

A product, cooperative or buyer name such as ``=HYPERLINK("http://evil","x")`` is text the
site stores as typed; Excel and LibreOffice would run it as a formula when the CSV is
opened (CSV/formula injection). Every CSV or XLSX the site produces writes its cells
through ``cell_safe``: text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return gets a leading ``'``, which spreadsheets show as text. Numbers stay numbers, negative
ones included.

Uploaded CSV files (product imports, bank statements) are read with ``csv_reader``, which
guesses the separator Excel used (comma, semicolon or tab).
"""

import csv
import io
import re
from decimal import Decimal

from django.utils.functional import Promise
from oscar.core.compat import UnicodeCSVWriter

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Text that is a plain number ("-5", "125000.00") cannot be a formula and stays as it is.
_PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def cell_safe(value):
    """Return ``value`` as it may be written to a spreadsheet cell.

    ``None`` and numbers are returned as they are; anything else (text, a model, a lazy
    translation) as text, with a ``'`` in front when a spreadsheet would read a formula.
    """
    if value is None or isinstance(value, (bool, int, float, Decimal)):
        return value
    text = str(value) if isinstance(value, Promise) or not isinstance(value, str) else value
    if text.startswith(FORMULA_PREFIXES) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


class SafeCSVWriter(UnicodeCSVWriter):
    """Oscar's Excel-friendly CSV writer, writing every cell through ``cell_safe``."""

    def writerow(self, row):
        super().writerow([cell_safe(value) for value in row])


def csv_reader(text):
    """Return a ``csv.reader`` over ``text``, with the separator guessed from its start."""
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return csv.reader(io.StringIO(text), dialect)
