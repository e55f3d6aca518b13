"""The batch labels' fonts ship with the project: no server prints a label in a fallback font."""

import unicodedata

import pytest
from fontTools.ttLib import TTFont

from traceability import labels

VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)
LABEL_SIGNS = "★0123456789/-.,:()₫…"


@pytest.mark.parametrize("path", [labels.FONT_REGULAR, labels.FONT_BOLD])
def test_each_label_font_draws_every_vietnamese_letter_and_the_ocop_star(path):
    drawable = set(TTFont(path)["cmap"].getBestCmap())
    text = unicodedata.normalize("NFC", VIETNAMESE + VIETNAMESE.upper() + LABEL_SIGNS)

    assert {c for c in text if ord(c) not in drawable} == set()


def test_labels_are_set_in_the_shipped_condensed_face():
    assert labels._font(31).getname() == ("DejaVu Sans Condensed", "Book")
    assert labels._font(31, bold=True).getname() == ("DejaVu Sans Condensed", "Bold")
