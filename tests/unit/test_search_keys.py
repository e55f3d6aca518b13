"""The words the search index matches (search.keys), and a product's relevance fields."""

import unicodedata

import pytest

from search import keys
from search.documents import product_keys


def test_exact_words_keep_the_tones_and_one_spelling():
    assert keys.exact_words("Chè Thái Nguyên, 200 g") == ["chè", "thái", "nguyên", "200", "g"]
    assert keys.exact_words("Xôi nếp Hoà Bình") == keys.exact_words("xôi nếp hòa bình")
    assert keys.exact_words(unicodedata.normalize("NFD", "Mật ong")) == ["mật", "ong"]


def test_folded_words_drop_diacritics_and_cross_the_d():
    assert keys.folded_words("Đặc sản Chè Thái-Nguyên!") == ["dac", "san", "che", "thai", "nguyen"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Oranges", ["orange"]),
        ("candies", ["candy"]),
        ("peaches and boxes", ["peach", "box"]),
        ("glass noodles", ["glass", "noodle"]),
        ("the farmer's rice", ["farmer", "rice"]),
        ("hibiscus grass", ["hibiscus", "grass"]),
        ("Green tea from Thái Nguyên", ["green", "tea", "from", "thai", "nguyen"]),
    ],
)
def test_english_words_are_singular_without_stop_words(text, words):
    assert keys.english_words(text) == words


def test_vietnamese_syllables_that_are_english_stop_words_stay_on_the_vietnamese_side():
    # "tơ tằm" (silk) folds to "to tam": only English text loses its "to".
    assert keys.folded_words("Khăn tơ tằm") == ["khan", "to", "tam"]
    assert keys.english_words("to tam") == ["tam"]


def test_pairs_join_adjacent_words_and_a_single_word_stays_itself():
    assert keys.pairs(["tho", "cam", "ta", "phin"]) == ["tho_cam", "cam_ta", "ta_phin"]
    assert keys.pairs(["cam"]) == ["cam"]
    assert keys.pairs([]) == []


def _synonyms(tmp_path, text):
    path = tmp_path / "synonyms.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_synonym_group_found_in_the_words_adds_its_other_phrases_once(tmp_path):
    path = _synonyms(tmp_path, "# comment\ncà phê, cafe, coffee\nchè, trà, tea\n\n")
    words = keys.folded_words("Cà phê và cà phê sữa")

    assert keys.with_synonyms(words, path=path) == [*words, "cafe", "coffee"]


def test_a_phrase_counts_only_when_its_words_are_adjacent(tmp_path):
    path = _synonyms(tmp_path, "thổ cẩm, brocade\n")

    assert keys.with_synonyms(["tho", "cam"], path=path) == ["tho", "cam", "brocade"]
    assert keys.with_synonyms(["tho", "nhuong", "cam"], path=path) == ["tho", "nhuong", "cam"]


def test_synonym_groups_are_folded_and_a_single_spelling_is_no_group(tmp_path):
    path = _synonyms(tmp_path, "Mật ong, matong, HONEY\nchè, Chè\n")

    assert keys.synonym_groups(path) == ((("mat", "ong"), ("matong",), ("honey",)),)


def test_the_maintained_list_finds_coffee_honey_and_brocade():
    assert {"cafe", "coffee"} <= set(keys.with_synonyms(keys.folded_words("Cà phê Arabica")))
    assert "honey" in keys.with_synonyms(keys.folded_words("Mật ong hoa nhãn"))
    assert "brocade" in keys.with_synonyms(keys.folded_words("Khăn thổ cẩm"))


def test_a_products_relevance_fields():
    fields = product_keys(
        title="Cà phê Robusta Ea Tul",
        title_en="Ea Tul Robusta coffee beans, 500 g",
        context=["Cà phê", "HTX Cà phê Ea Tul", "Đắk Lắk"],
        categories_en=["Coffee"],
        description="Rang mộc, hương cà phê đậm.",
        description_en="Roasted plain.",
    )

    assert fields["title_keys"] == "cà phê robusta ea tul"
    assert fields["title_pair_keys"] == "ca_phe phe_robusta robusta_ea ea_tul"
    assert fields["head_keys"].split()[:2] == ["ca", "phe"]
    assert "coffee" in fields["title_folded_keys"].split()
    # Every word once: matched, not ranked.
    search_keys = fields["search_keys"].split()
    assert len(search_keys) == len(set(search_keys))
    assert {"rang", "moc", "dak", "lak", "htx", "cafe"} <= set(search_keys)
    assert {"bean", "roasted", "plain", "ea", "tul", "dak", "lak"} <= set(
        fields["search_keys_en"].split()
    )
    # The names of both languages, not the descriptions: where a typo is looked for.
    assert "bean" in fields["name_keys"].split()
    assert "roasted" not in fields["name_keys"].split()
    assert fields["head_en_keys"] == "bean"


def test_a_query_keeps_at_most_eight_words_of_each_kind():
    from search.ranking import MAX_QUERY_WORDS, query_words

    words = query_words("-".join(["chè"] * 2_000))

    assert {kind: len(found) for kind, found in words.items()} == {
        "exact": MAX_QUERY_WORDS,
        "folded": MAX_QUERY_WORDS,
        "pairs": MAX_QUERY_WORDS - 1,
        "english": MAX_QUERY_WORDS,
    }


def test_a_query_of_punctuation_only_finds_nothing_and_an_empty_one_everything():
    from search.ranking import text_query

    assert text_query("!!! ... ???") == {"match_none": {}}
    assert text_query("   ") is None


def test_toneless_words_keep_the_vowels_marks():
    assert keys.toneless_words("Mật ong, Nước mắm Đà Nẵng") == ["mât", "ong", "nươc", "măm",
                                                             "đa", "năng"]  # fmt: skip


def test_prefixes_are_the_distinct_starts_of_words_up_to_twenty_letters():
    assert keys.prefixes(["mat", "ma"]) == ["m", "ma", "mat"]
    assert max(map(len, keys.prefixes(["x" * 50]))) == 20
