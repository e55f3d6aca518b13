"""Vietnamese search against the real (local) search server: diacritics, typos, ranking."""

import unicodedata

import pytest

from search.queries import product_search
from tests import search_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def products(search_server):
    catalogue = search_data.catalogue()
    search_server.rebuild()
    return catalogue


def _titles(query, **kwargs):
    result = product_search(query=query, **kwargs)
    from catalogue.models import Product

    titles = dict(Product.objects.filter(pk__in=result.ids).values_list("pk", "title"))
    return [titles[pk] for pk in result.ids]


def test_a_query_without_diacritics_finds_thai_nguyen_tea_first(products):
    assert _titles("che thai nguyen")[0] == "Chè Thái Nguyên Tân Cương"


def test_mat_ong_finds_the_honey(products):
    assert _titles("mat ong")[0] == "Mật ong hoa nhãn"


def test_nuoc_mam_and_gao_st25_find_their_products(products):
    assert _titles("nuoc mam")[0] == "Nước mắm cốt"
    assert _titles("gao st25")[0] == "Gạo ST25 đặc sản"


@pytest.mark.parametrize("typo", ["mat ongg", "che thai nguen", "nuoc mamm"])
def test_a_one_letter_typo_still_finds_the_product(products, typo):
    expected = {"mat ongg": "Mật ong hoa nhãn", "che thai nguen": "Chè Thái Nguyên Tân Cương",
                "nuoc mamm": "Nước mắm cốt"}[typo]  # fmt: skip
    assert _titles(typo)[0] == expected


def test_crossed_d_folds_to_d(products):
    assert "Gạo ST25 đặc sản" in _titles("dac san")
    assert "Gạo ST25 đặc sản" in _titles("ĐẶC SẢN")


def test_both_tone_mark_placements_match(products):
    # The title is written "Hòa"; a shopper may type "Hoà" (the other placement).
    assert _titles("xôi hoà bình")[0] == "Xôi nếp Hòa Bình"
    assert _titles("xôi hòa bình")[0] == "Xôi nếp Hòa Bình"


def test_a_decomposed_unicode_query_matches_like_a_composed_one(products):
    decomposed = unicodedata.normalize("NFD", "Chè Thái Nguyên")
    assert _titles(decomposed)[0] == "Chè Thái Nguyên Tân Cương"


def test_exact_diacritics_rank_above_folded_matches(products):
    # "chè" (tea) and "chẻ" (split) both fold to "che": the diacritics decide the order.
    assert _titles("chè")[-1] == "Chẻ tre đan giỏ"
    assert _titles("chẻ")[0] == "Chẻ tre đan giỏ"


def test_words_may_match_different_fields(products):
    # "che" in the title, "phu tho" in the origin province.
    titles = _titles("che phu tho")
    assert set(titles[:2]) == {"Chè xanh Phú Thọ", "Chè búp Long Cốc"}
    assert "Chè Thái Nguyên Tân Cương" not in titles


def test_a_word_found_nowhere_excludes_the_product(products):
    assert _titles("mat ong xyzzy") == []


def test_a_typo_is_tolerated_only_when_the_exact_words_find_nothing(products):
    # "cốt" is a word of the fish sauce; "cot" must not also match "cốc" (Long Cốc) by a
    # typo when an exact match exists.
    assert _titles("cot") == ["Nước mắm cốt"]
    assert _titles("gioo")[0] == "Chẻ tre đan giỏ"


def test_a_query_that_finds_nothing_gets_a_did_you_mean(products):
    # "og": two letters are too few for a typo to be tolerated, so nothing matches.
    result = product_search(query="mật og hoa nhãn")
    assert result.total == 0
    assert result.suggestion == "mat ong hoa nhan"


def test_a_typo_in_a_three_letter_syllable_is_tolerated(products):
    # Vietnamese syllables are short: "ogn" for "ong", "mma" for "mắm".
    assert _titles("mật ogn hoa nhãn")[0] == "Mật ong hoa nhãn"
    assert _titles("nuoc mma")[0] == "Nước mắm cốt"


def test_no_did_you_mean_when_no_spelling_finds_anything(products):
    result = product_search(query="qwxz")
    assert result.total == 0
    assert result.suggestion == ""
