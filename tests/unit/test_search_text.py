import unicodedata

import pytest

from search.text import vi_fold, vi_normalize


@pytest.mark.parametrize(("old", "new"), [("hoà", "hòa"), ("khoẻ", "khỏe"), ("thuỷ", "thủy"),
                                      ("Hoà Bình", "Hòa Bình"), ("THUỶ", "THỦY")])  # fmt: skip
def test_both_tone_placements_normalise_to_one_spelling(old, new):
    assert vi_normalize(old) == vi_normalize(new)


@pytest.mark.parametrize("word", ["quý", "hoàng", "toán", "khuya", "Chè", "thuyền"])
def test_words_outside_the_oa_oe_uy_endings_are_left_alone(word):
    assert vi_normalize(word) == word


def test_decomposed_text_is_composed():
    assert vi_normalize(unicodedata.normalize("NFD", "Chè Thái Nguyên")) == "Chè Thái Nguyên"


def test_folding_drops_diacritics_and_crosses_the_d():
    assert vi_fold("Đặc sản Chè Thái Nguyên") == "dac san che thai nguyen"
    assert vi_fold(unicodedata.normalize("NFD", "Mật ong")) == "mat ong"
