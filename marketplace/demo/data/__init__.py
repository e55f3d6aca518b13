"""The demo's content, read from the JSON files beside this module.

``categories.json``, ``cooperatives.json`` and ``products.json`` are the catalogue;
``palettes.json`` gives each category the colours of its placeholder product pictures;
``cms.json`` is the Wagtail content (home page, story index, stories, campaigns, standard
pages), each text in Vietnamese (``vi``) and English (``en``), long texts as lists of
paragraphs.

Names, places and numbers follow the project's seed articles (Phú Thọ, Thái Nguyên, Sơn La,
Vĩnh Phúc) and well-known OCOP specialities of other provinces. Places use the two-level
administrative units in force since 1 July 2025: ``province_code`` and ``ward_name`` are
spelled exactly as in the ``vietnam-provinces`` package. Prices are whole đồng (VND has no
minor unit). GTINs are GTIN-13 with Vietnam's GS1 prefix 893 and a valid mod-10 check digit;
products of cooperatives without GS1 membership have ``gtin`` null. Phone numbers and e-mail
addresses are fictitious (``ocop.example``).
"""

import json
from pathlib import Path

DIRECTORY = Path(__file__).resolve().parent


def read(name):
    """Return the content of the data file ``<name>.json``."""
    return json.loads((DIRECTORY / f"{name}.json").read_text(encoding="utf-8"))


def palette(colours):
    """Return a palette read from JSON (lists of three numbers) as Pillow's RGB tuples."""
    return [tuple(colour) for colour in colours]


CATEGORIES = read("categories")
COOPERATIVES = read("cooperatives")
PRODUCTS = read("products")
PALETTES = {slug: palette(colours) for slug, colours in read("palettes").items()}
CMS = read("cms")
