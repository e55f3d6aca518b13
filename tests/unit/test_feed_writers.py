"""Feed texts are one line of plain text within Google's limits, and the writers produce
XML and CSV that parse back to the items, whatever a seller typed."""

import io

from catalogue.feeds.items import FIELDS, plain_text
from catalogue.feeds.writers import CsvFeedWriter, XmlFeedWriter
from tests.feed_checks import csv_items, xml_items

ITEM = {
    "id": "7", "title": "Trà & mật <ong>", "description": "Dòng 1\nDòng 2",
    "link": "https://cho-ocop.example/shop/catalogue/tra_7/",
    "image_link": "https://cho-ocop.example/media/a.jpg",
    "additional_image_link": ["https://cho-ocop.example/media/b.jpg",
                              "https://cho-ocop.example/media/c.jpg"],
    "availability": "in_stock", "price": "150000 VND", "condition": "new", "brand": "HTX A",
    "gtin": "", "identifier_exists": "no",
}  # fmt: skip


def test_a_sellers_html_becomes_words_apart():
    assert plain_text("<p>Chè</p><p>Mật <em>ong</em></p><ul><li>một</li><li>hai</li></ul>",
                      100) == "Chè Mật ong một hai"  # fmt: skip


def test_escaped_script_is_dropped_not_unescaped_into_markup():
    text = plain_text("Ngọt &lt;script&gt;alert(1)&lt;/script&gt; &amp;lt;b&amp;gt;đậm", 100)

    assert "<" not in text and "alert" not in text
    assert text.endswith("đậm")


def test_characters_xml_cannot_carry_are_dropped():
    assert plain_text("Chè\x00\x08\x0b\x1b\x7f\ufffe xanh\u0085", 100) == "Chè xanh"


def test_a_long_text_is_cut_to_the_limit():
    assert len(plain_text("chè " * 100, 150)) <= 150
    assert plain_text("5 < 6 & 7 > 2", 100) == "5 < 6 & 7 > 2"


def test_the_xml_writer_escapes_and_repeats_fields():
    handle = io.BytesIO()
    writer = XmlFeedWriter(handle, title="Chợ <OCOP>", link="https://cho-ocop.example/",
                           description="Mô tả")  # fmt: skip
    writer.write(ITEM)
    writer.close()

    channel, (item,) = xml_items(handle.getvalue())
    assert channel.findtext("title") == "Chợ <OCOP>"
    assert item["title"] == "Trà & mật <ong>"
    assert item["additional_image_link"] == ITEM["additional_image_link"]
    assert "gtin" not in item and item["identifier_exists"] == "no"
    assert not handle.closed


def test_the_csv_writer_has_googles_header_and_one_cell_a_field():
    handle = io.BytesIO()
    writer = CsvFeedWriter(handle)
    writer.write(ITEM)
    writer.close()

    header, (item,) = csv_items(handle.getvalue())
    assert tuple(header) == FIELDS
    assert item["description"] == "Dòng 1\nDòng 2"
    assert item["additional_image_link"] == ITEM["additional_image_link"]
