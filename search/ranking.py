"""How a query's words find products and rank them: the one place to tune relevance.

``text_query`` turns the shopper's words into the search server's relevance query, from
the field weights (``FIELD_BOOSTS``) and the constants beside them; ``search.queries``
sends it with the facets, the sort and the page. ``relevance.py`` scores the result on
the judged queries.
"""

from django.utils import timezone

from search import keys
from search.text import vi_normalize

# Only the first words of a very long query count: the cost stays bounded.
MAX_QUERY_WORDS = 8
# How much each field counts when a query's words match it, per language of the text;
# the shopper's language counts in full, the other at OTHER_LANGUAGE_WEIGHT (an English
# shopper typing "mat ong" still finds honey). Each field holds words from
# ``search.keys`` (``search.documents.product_keys``); the query's words are prepared the
# same way: exact, folded, as pairs or English (``FIELD_WORDS``).
FIELD_BOOSTS = {
    "vi": {
        # Words as written, diacritics included: "chè" (tea) above "chẻ" (split).
        "title_keys": 4,
        # Words without diacritics, synonyms included ("cafe" finds "cà phê").
        "title_folded_keys": 2,
        # Adjacent syllables: "tho cam" is brocade, not an orange ("cam") near "thổ".
        "title_pair_keys": 4,
        # The first words name the product: "cà phê" is coffee, not coffee-blossom honey.
        "head_keys": 4,
        # Categories, cooperative and province.
        "context_keys": 2,
    },
    "en": {
        "title_en_keys": 6,
        # The last word names the product: "coffee-blossom honey" is honey.
        "head_en_keys": 4,
        "categories_en_keys": 2,
        "context_keys": 2,
    },
}
# Which of the query's prepared words each field is searched with.
FIELD_WORDS = {
    "title_keys": "exact",
    "title_pair_keys": "pairs",
    "title_en_keys": "english",
    "head_en_keys": "english",
    "categories_en_keys": "english",
}
# The query's words adjacent and in order (or nearly: PHRASE_SLOP moves) in the title,
# and the query as the head's words in order; in the shopper's language only.
PHRASE_BOOST = 4
PHRASE_SLOP = 2
HEAD_PHRASE_BOOST = 4
# Field → (boost, slop) of the phrase clauses, per shopper's language.
PHRASE_FIELDS = {
    "vi": {"title_folded_keys": (PHRASE_BOOST, PHRASE_SLOP), "head_keys": (HEAD_PHRASE_BOOST, 0)},
    "en": {"title_en_keys": (PHRASE_BOOST, PHRASE_SLOP), "head_en_keys": (HEAD_PHRASE_BOOST, 0)},
}
# A field counts only when it holds every word of a one- or two-word query, and two
# thirds of a longer one: "tho cam" (brocade) gives no title credit to "Cam Cao Phong",
# "chè thái nguyên" none to "Mật thốt nốt nguyên chất".
FIELD_MINIMUM_MATCH = "2<67%"
OTHER_LANGUAGE_WEIGHT = 0.4
# Multipliers of the score: a product one can buy, with a valid certificate, comes first
# among equally relevant ones.
IN_STOCK_BOOST = 1.3
VALID_CERTIFICATE_BOOST = 1.15
LANGUAGES = ("vi", "en")
# The field every query word must be found in (each language's whole text), and the one
# a word with a typo is looked for in (the names of both languages).
MATCH_FIELDS = {"vi": ("search_keys", "folded"), "en": ("search_keys_en", "english")}
TYPO_FIELD = "name_keys"
# With typos allowed, the fields that still rank (names, not phrases: a word with a typo
# is in no phrase).
TYPO_BOOSTS = {"title_folded_keys": 4, "title_en_keys": 4}


def normalized_query(query):
    """Return ``query`` as the search server reads it: its first MAX_QUERY_WORDS words,
    normalised. Two queries with the same normalised form get the same answer (the key of
    the cached results)."""
    return " ".join(vi_normalize(query).split()[:MAX_QUERY_WORDS])


def query_words(query):
    """Return the query's words prepared for each kind of field (``FIELD_WORDS``), at most
    MAX_QUERY_WORDS of each ("a-b-c" is three words)."""
    phrase = normalized_query(query)
    folded = keys.folded_words(phrase)[:MAX_QUERY_WORDS]
    return {
        "exact": keys.exact_words(phrase)[:MAX_QUERY_WORDS],
        "folded": folded,
        "pairs": keys.pairs(folded),
        "english": keys.english_words(phrase)[:MAX_QUERY_WORDS],
    }


def _match(field, words, **options):
    return {"match": {field: {"query": keys.joined(words), **options}}}


def text_query(query, *, fuzzy=False, language="vi"):
    """Return the relevance query for ``query`` (None for an empty one).

    A product matches when every word is found, with or without diacritics, in the text
    of one language — title, categories, cooperative, province and description — either
    language (the other one is the fallback). The score adds ``FIELD_BOOSTS`` over both
    languages (the shopper's ``language`` in full) and phrase boosts for the words in
    order; then products in stock with a valid certificate rank higher.

    ``fuzzy`` is the second try when the first finds nothing: every word is then looked
    for in the names (``TYPO_FIELD``), one typo allowed in words of three letters or more
    (two from seven) — short Vietnamese syllables are too alike for typos to be allowed
    on every search.
    """
    if not normalized_query(query):
        return None
    words = query_words(query)
    if not words["folded"]:
        # Punctuation only: nothing to find, as the database fallback answers.
        return {"match_none": {}}
    language = language if language in LANGUAGES else "vi"
    if fuzzy:
        typos = {"fuzziness": "AUTO:3,7", "prefix_length": 1}
        found = _match(TYPO_FIELD, words["folded"], operator="and", **typos)
        should = [
            _match(name, words[FIELD_WORDS.get(name, "folded")], boost=boost,
                   minimum_should_match=FIELD_MINIMUM_MATCH, **typos)
            for name, boost in TYPO_BOOSTS.items()
        ]  # fmt: skip
    else:
        found = {
            "bool": {
                "should": [
                    _match(field, words[kind], operator="and")
                    for field, kind in MATCH_FIELDS.values()
                    if words[kind]
                ],
                "minimum_should_match": 1,
            }
        }
        should = _ranking_clauses(words, language)
    return {
        "function_score": {
            "query": {"bool": {"must": [found], "should": should}},
            "functions": [
                {"filter": {"term": {"in_stock": True}}, "weight": IN_STOCK_BOOST},
                {"filter": stars_valid(), "weight": VALID_CERTIFICATE_BOOST},
            ],
            "score_mode": "multiply",
            "boost_mode": "multiply",
        }
    }


def _ranking_clauses(words, language):
    boosts = {}
    for text_language in LANGUAGES:
        weight = 1 if text_language == language else OTHER_LANGUAGE_WEIGHT
        for name, boost in FIELD_BOOSTS[text_language].items():
            boosts[name] = max(boosts.get(name, 0), boost * weight)
    should = [
        _match(name, words[FIELD_WORDS.get(name, "folded")], boost=boost,
               minimum_should_match=FIELD_MINIMUM_MATCH)
        for name, boost in boosts.items()
        if words[FIELD_WORDS.get(name, "folded")]
    ]  # fmt: skip
    phrase = words["english" if language == "en" else "folded"]
    if len(phrase) > 1:
        for name, (boost, slop) in PHRASE_FIELDS[language].items():
            should.append(
                {
                    "match_phrase": {
                        name: {"query": keys.joined(phrase), "slop": slop, "boost": boost}
                    }
                }  # fmt: skip
            )
    return should


def stars_valid():
    """Return the filter of products whose OCOP certificate is valid today."""
    return {"range": {"ocop_expires_on": {"gte": timezone.localdate().isoformat()}}}
