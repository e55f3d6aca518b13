"""Write feed items as Google's RSS 2.0 XML and as CSV, streaming to a binary file."""

import csv
import io
from xml.sax.saxutils import XMLGenerator

from catalogue.feeds.items import FIELDS
from marketplace.spreadsheets import cell_safe

GOOGLE_NS = "http://base.google.com/ns/1.0"


class XmlFeedWriter:
    """An RSS 2.0 channel of ``<item>``s, every field a ``g:`` element (repeated for a
    field with several values); empty fields are left out."""

    def __init__(self, handle, *, title, link, description):
        self._text = io.TextIOWrapper(handle, encoding="utf-8", newline="\n")
        self._xml = XMLGenerator(self._text, encoding="utf-8", short_empty_elements=True)
        self._xml.startDocument()
        self._xml.startElement("rss", {"version": "2.0", "xmlns:g": GOOGLE_NS})
        self._xml.startElement("channel", {})
        for name, value in (("title", title), ("link", link), ("description", description)):
            self._element(name, value)

    def write(self, item):
        self._newline()
        self._xml.startElement("item", {})
        for name in FIELDS:
            values = item.get(name)
            for value in values if isinstance(values, list) else [values]:
                if value:
                    self._element(f"g:{name}", value)
        self._newline()
        self._xml.endElement("item")

    def close(self):
        """End the document and hand the file back (flushed, not closed)."""
        self._newline()
        self._xml.endElement("channel")
        self._xml.endElement("rss")
        self._xml.endDocument()
        self._text.write("\n")
        self._text.flush()
        self._text.detach()

    def _element(self, name, value):
        self._newline()
        self._xml.startElement(name, {})
        self._xml.characters(str(value))
        self._xml.endElement(name)

    def _newline(self):
        self._xml.ignorableWhitespace("\n")


class CsvFeedWriter:
    """A header of Google's column names, then one row an item; a field with several
    values (``additional_image_link``) is one cell, its values separated by commas.

    Cells go through ``cell_safe``: a title such as ``=HYPERLINK(…)`` stays text when
    someone opens the public file in a spreadsheet.
    """

    def __init__(self, handle):
        self._text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
        self._csv = csv.writer(self._text)
        self._csv.writerow(FIELDS)

    def write(self, item):
        row = []
        for name in FIELDS:
            value = item.get(name) or ""
            row.append(cell_safe(",".join(value) if isinstance(value, list) else value))
        self._csv.writerow(row)

    def close(self):
        """Hand the file back (flushed, not closed)."""
        self._text.flush()
        self._text.detach()
