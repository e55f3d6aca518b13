"""How a query's words find products and rank them: the one place to tune relevance.

``text_query`` turns the shopper's words into the search server's relevance query, from
the field weights (``FIELD_BOOSTS``) and the constants beside them; ``search.queries``
sends it with the facets, the sort and the page. ``relevance.py`` scores the result on
the judged queries.
"""

from django.utils import timezone

from search.text import vi_normalize

# Only the first words of a very long query count: the cost stays bounded.
MAX_QUERY_WORDS = 8
# How much each field counts when a query's words match it, per language of the text;
# the shopper's language counts in full, the other at OTHER_LANGUAGE_WEIGHT (an English
# shopper typing "mat ong" still finds honey).
FIELD_BOOSTS = {
    "vi": {
        # Words as written, diacritics included: "chè" (tea) above "chẻ" (split).
        "title": 4,
        # Words without diacritics, synonyms included ("cafe" finds "cà phê").
        "title.folded": 2,
        # Adjacent syllables: "tho cam" is brocade, not an orange ("cam") near "thổ".
        "title.pairs": 4,
        # The first words name the product: "cà phê" is coffee, not coffee-blossom honey.
        "head": 4,
        "categories.folded": 2,
        "cooperative.folded": 2,
        "province.folded": 2,
    },
    "en": {
        "title_en": 4,
        "title_en.exact": 2,
        # The last word names the product: "coffee-blossom honey" is honey.
        "head_en": 4,
        "categories_en": 2,
        "cooperative.folded": 2,
        "province.folded": 2,
    },
}
# The query's words adjacent and in order (or nearly: PHRASE_SLOP moves) in the title,
# and the query as the head's words in order.
PHRASE_BOOST = 4
PHRASE_SLOP = 2
HEAD_PHRASE_BOOST = 4
# A field counts only when it holds every word of a one- or two-word query, and half of
# a longer one: "tho cam" (brocade) gives no title credit to "Cam Cao Phong".
FIELD_MINIMUM_MATCH = "2<50%"
OTHER_LANGUAGE_WEIGHT = 0.4
# Multipliers of the score: a product one can buy, with a valid certificate, comes first
# among equally relevant ones.
IN_STOCK_BOOST = 1.3
VALID_CERTIFICATE_BOOST = 1.15
LANGUAGES = ("vi", "en")
# The field every query word must be found in (each language's whole text).
MATCH_FIELDS = {"vi": "search_text", "en": "search_text_en"}
PHRASE_FIELDS = {"vi": "title.folded", "en": "title_en"}


def normalized_query(query):
    """Return ``query`` as the search server reads it: its first MAX_QUERY_WORDS words,
    normalised. Two queries with the same normalised form get the same answer (the key of
    the cached results)."""
    return " ".join(vi_normalize(query).split()[:MAX_QUERY_WORDS])


def text_query(query, *, fuzzy=False, language="vi"):
    """Return the relevance query for ``query`` (None for an empty query).

    A product matches when every word is found, with or without diacritics, in the text
    of one language — title, categories, cooperative, province and description — either
    language (the other one is the fallback). The score adds ``FIELD_BOOSTS`` over both
    languages (the shopper's ``language`` in full) and a phrase boost for the words in
    order; then products in stock with a valid certificate rank higher. ``fuzzy`` also
    accepts one typo in words of four letters or more (two from seven): short Vietnamese
    syllables are too alike for typos to be allowed on every search, so it is the second
    try when the first finds nothing.
    """
    phrase = normalized_query(query)
    if not phrase:
        return None
    every_word = {"query": phrase, "operator": "and"}
    typos = {"fuzziness": "AUTO:3,7", "prefix_length": 1} if fuzzy else {}
    every_word.update(typos)
    language = language if language in LANGUAGES else "vi"
    should = []
    for text_language in LANGUAGES:
        weight = 1 if text_language == language else OTHER_LANGUAGE_WEIGHT
        should += [
            {
                "match": {
                    name: {
                        "query": phrase,
                        "boost": boost * weight,
                        "minimum_should_match": FIELD_MINIMUM_MATCH,
                        **typos,
                    }
                }
            }  # fmt: skip
            for name, boost in FIELD_BOOSTS[text_language].items()
        ]
        head = "head" if text_language == "vi" else "head_en"
        should.append(
            {"match_phrase": {head: {"query": phrase, "boost": HEAD_PHRASE_BOOST * weight}}}
        )
        should.append(
            {
                "match_phrase": {
                    PHRASE_FIELDS[text_language]: {
                        "query": phrase,
                        "slop": PHRASE_SLOP,
                        "boost": PHRASE_BOOST * weight,
                    }
                }
            }  # fmt: skip
        )
    found = {
        "bool": {
            "should": [{"match": {MATCH_FIELDS[lang]: every_word}} for lang in LANGUAGES],
            "minimum_should_match": 1,
        }
    }
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


def stars_valid():
    """Return the filter of products whose OCOP certificate is valid today."""
    return {"range": {"ocop_expires_on": {"gte": timezone.localdate().isoformat()}}}
