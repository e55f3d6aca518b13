"""Reading product feeds back, and checking each item against Google's product data
specification (and Meta's required fields), for the feed tests."""

import csv
import io
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from django.core.files.storage import default_storage

from catalogue.gtin import gtin_is_valid

G = "{http://base.google.com/ns/1.0}"
# Google's required fields for every product, and Meta's.
GOOGLE_REQUIRED = {"id", "title", "description", "link", "image_link", "availability", "price",
                   "condition"}  # fmt: skip
META_REQUIRED = {"id", "title", "description", "availability", "condition", "price", "link",
                 "image_link", "brand"}  # fmt: skip
PRICE = re.compile(r"^\d+(\.\d+)? VND$")
WEIGHT = re.compile(r"^\d+(\.\d+)? (kg|g|lb|oz)$")
AVAILABILITY = {"in_stock", "out_of_stock", "preorder", "backorder"}
# Something a browser or a feed reader would take for markup.
TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?]")
URL_FIELDS = ("link", "image_link", "additional_image_link")


def stored(name):
    with default_storage.open(f"feeds/{name}", "rb") as handle:
        return handle.read()


def xml_items(content):
    """Return (channel element, [item as {field: value or [values]}]) of an XML feed."""
    root = ET.fromstring(content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    items = []
    for element in channel.findall("item"):
        item = {}
        for field in element:
            assert field.tag.startswith(G), field.tag
            name = field.tag.removeprefix(G)
            if name == "additional_image_link":
                item.setdefault(name, []).append(field.text)
            else:
                assert name not in item, f"{name} twice"
                item[name] = field.text or ""
        items.append(item)
    return channel, items


def csv_items(content):
    """Return (header, [item as {field: value}]) of a CSV feed; empty cells left out."""
    reader = csv.DictReader(io.StringIO(content.decode("utf-8"), newline=""))
    items = []
    for row in reader:
        item = {name: value for name, value in row.items() if value}
        if "additional_image_link" in item:
            item["additional_image_link"] = item["additional_image_link"].split(",")
        items.append(item)
    return reader.fieldnames, items


def feed_items(name):
    """Return the items of the stored feed ``name``, read with the parser of its format."""
    content = stored(name)
    return xml_items(content)[1] if name.endswith(".xml") else csv_items(content)[1]


def _absolute_https(url, site):
    parts = urlsplit(url)
    return parts.scheme == "https" and url.startswith(site + "/") and " " not in url


def item_problems(item, *, site):
    """Return what is wrong with ``item`` by the specification (an empty list if nothing)."""
    problems = [f"no {name}" for name in sorted(GOOGLE_REQUIRED | META_REQUIRED)
                if not item.get(name)]  # fmt: skip
    if not 0 < len(item.get("id", "")) <= 50:
        problems.append("id length")
    if len(item.get("title", "")) > 150:
        problems.append("title over 150")
    if len(item.get("description", "")) > 5000:
        problems.append("description over 5000")
    for name in ("title", "description", "brand", "product_type"):
        if TAG.search(item.get(name, "")):
            problems.append(f"markup in {name}: {item[name]!r}")
    if not PRICE.fullmatch(item.get("price", "")):
        problems.append(f"price {item.get('price')!r}")
    if item.get("availability") not in AVAILABILITY:
        problems.append(f"availability {item.get('availability')!r}")
    if item.get("condition") != "new":
        problems.append("condition")
    for name in URL_FIELDS:
        values = item.get(name, [])
        for url in values if isinstance(values, list) else [values]:
            if not _absolute_https(url, site):
                problems.append(f"{name} {url!r}")
    if len(item.get("additional_image_link", [])) > 10:
        problems.append("more than 10 additional images")
    if "gtin" in item:
        if not gtin_is_valid(item["gtin"]):
            problems.append(f"gtin {item['gtin']!r}")
        if item.get("identifier_exists", "yes") == "no":
            problems.append("gtin with identifier_exists no")
    elif item.get("identifier_exists") != "no":
        problems.append("no gtin and no identifier_exists no")
    if "shipping_weight" in item and not WEIGHT.fullmatch(item["shipping_weight"]):
        problems.append(f"shipping_weight {item['shipping_weight']!r}")
    return problems
