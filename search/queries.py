"""Searches against the index: the product listing with facets, and suggestions.

The words are matched and ranked by ``search.ranking.text_query``.

Each function raises ``search.connection.SearchUnavailable`` when the search server
cannot answer; the views then serve the database listing instead.
"""

from dataclasses import dataclass, field

from search.connection import SearchUnavailable, call
from search.documents import alias_name
from search.keys import exact_words, folded_words, joined, toneless_words
from search.ranking import MAX_QUERY_WORDS, normalized_query, stars_valid, text_query

# Elasticsearch pages through at most this many hits (index.max_result_window).
MAX_RESULT_WINDOW = 10_000

# Price ranges of the price facet, in đồng: key, from, to (the end is excluded).
PRICE_RANGES = [
    ("0-100000", None, 100_000),
    ("100000-200000", 100_000, 200_000),
    ("200000-500000", 200_000, 500_000),
    ("500000-", 500_000, None),
]


class Sort:
    """The orderings a shopper can choose."""

    RELEVANCE = "relevance"
    NEWEST = "newest"
    PRICE_ASC = "price-asc"
    PRICE_DESC = "price-desc"
    TITLE_ASC = "title-asc"
    RATING = "rating"


@dataclass
class Filters:
    """What a shopper selected; several values within a facet mean "any of them"."""

    categories: list = field(default_factory=list)
    provinces: list = field(default_factory=list)
    stars: list = field(default_factory=list)
    cooperatives: list = field(default_factory=list)
    certifications: list = field(default_factory=list)
    prices: list = field(default_factory=list)
    in_stock: bool = False


@dataclass
class SearchResult:
    ids: list
    total: int
    # Facet name → {value: count}, counted with every other facet's selection applied.
    facets: dict
    suggestion: str = ""
    # The CMS stories that match the query (asked for in the same round trip).
    stories: list = field(default_factory=list)


def _facet_clauses(filters):
    """Return facet name → the filter clause for the shopper's selection in it."""
    clauses = {}
    if filters.categories:
        clauses["category"] = {"terms": {"category_ids": filters.categories}}
    if filters.provinces:
        clauses["province"] = {"terms": {"province_code": filters.provinces}}
    if filters.stars:
        clauses["stars"] = {
            "bool": {"filter": [{"terms": {"ocop_stars": filters.stars}}, stars_valid()]}
        }
    if filters.cooperatives:
        clauses["cooperative"] = {"terms": {"cooperative_slug": filters.cooperatives}}
    if filters.certifications:
        clauses["certification"] = {"terms": {"certifications": filters.certifications}}
    if filters.prices:
        ranges = []
        for key, low, high in PRICE_RANGES:
            if key in filters.prices:
                bounds = {k: v for k, v in (("gte", low), ("lt", high)) if v is not None}
                ranges.append({"range": {"price": bounds}})
        clauses["price"] = {"bool": {"should": ranges, "minimum_should_match": 1}}
    if filters.in_stock:
        clauses["in_stock"] = {"term": {"in_stock": True}}
    return clauses


def _facet_aggs():
    return {
        "category": {"terms": {"field": "leaf_category_ids", "size": 50}},
        "province": {"terms": {"field": "province_code", "size": 40}},
        "stars": {
            "filter": stars_valid(),
            "aggs": {"values": {"terms": {"field": "ocop_stars", "size": 3}}},
        },
        "cooperative": {"terms": {"field": "cooperative_slug", "size": 50}},
        "certification": {"terms": {"field": "certifications", "size": 10}},
        "price": {
            "range": {
                "field": "price",
                "ranges": [
                    {"key": key, **({"from": low} if low else {}), **({"to": high} if high else {})}
                    for key, low, high in PRICE_RANGES
                ],
            }
        },
        "in_stock": {"filter": {"term": {"in_stock": True}}},
    }


def _sort(sort, has_query):
    if sort == Sort.PRICE_ASC:
        return [{"price": {"order": "asc", "missing": "_last"}}, "_score"]
    if sort == Sort.PRICE_DESC:
        return [{"price": {"order": "desc", "missing": "_last"}}, "_score"]
    if sort == Sort.NEWEST:
        return [{"date_created": "desc"}, "_score"]
    if sort == Sort.RATING:
        return [{"rating": {"order": "desc", "missing": "_last"}}, {"popularity": "desc"}]
    if sort == Sort.TITLE_ASC:
        return [{"title_sort": "asc"}, "_score"]
    if has_query:
        return ["_score", {"popularity": "desc"}]
    return [{"popularity": "desc"}, {"date_created": "desc"}]


def _buckets(aggregation):
    inner = aggregation.get("values", aggregation)
    if "buckets" in inner:
        return {str(b["key"]): b["doc_count"] for b in inner["buckets"] if b["doc_count"]}
    return {"1": aggregation["doc_count"]} if aggregation.get("doc_count") else {}


def product_search(*, query="", category_id=None, filters=None, sort=Sort.RELEVANCE,
                   offset=0, limit=24, stories_language=None, language="vi"):  # fmt: skip
    """Return a ``SearchResult``: one page of product ids, the hit count and facet counts.

    ``language`` is the shopper's: its texts count first, the other language's after.

    Facets count with every *other* facet's selection applied (multi-select within a
    facet); the hits have all selections applied (``post_filter``). With
    ``stories_language`` and a query, the matching stories in that language come in the
    same round trip (one ``msearch``). Only a search that finds nothing costs more calls:
    the try with typos allowed, and the spelling suggestion.
    """
    filters = filters or Filters()
    page = (query, category_id, filters, sort, offset, limit, language)
    body = _product_body(*page, fuzzy=False)
    searches = [{"index": alias_name("products")}, body]
    story_body = _story_body(query, language=stories_language) if stories_language else None
    if story_body:
        searches += [{"index": alias_name("stories")}, story_body]
    responses = call(lambda es: es.msearch(searches=searches))["responses"]
    result = _search_result(_answer(responses[0]))
    if story_body:
        # No story index yet (or a failing one) leaves the products page without stories.
        stories = responses[1]
        result.stories = [] if "error" in stories else _story_hits(stories)
    if query.strip() and not result.total:
        fuzzy = _product_body(*page, fuzzy=True)
        found = _search_result(call(lambda es: es.search(index=alias_name("products"), body=fuzzy)))
        found.stories = result.stories
        result = found
        if not result.total:
            suggestion = did_you_mean(query, language=language)
            # Offer a spelling only when it finds something itself.
            if suggestion and _count(text_query(suggestion, fuzzy=True, language=language)):
                result.suggestion = suggestion
    return result


def _answer(response):
    """Return one ``msearch`` response, or raise ``SearchUnavailable`` for its error."""
    if "error" in response:
        raise SearchUnavailable(str(response["error"]))
    return response


def _count(query):
    response = call(lambda es: es.count(index=alias_name("products"), query=query))
    return response["count"]


def _product_body(query, category_id, filters, sort, offset, limit, language, *, fuzzy):
    base = []
    text = text_query(query, fuzzy=fuzzy, language=language)
    if text:
        base.append(text)
    if category_id:
        base.append({"term": {"category_ids": category_id}})
    clauses = _facet_clauses(filters)
    aggs = {}
    for name, agg in _facet_aggs().items():
        others = [clause for other, clause in clauses.items() if other != name]
        aggs[name] = {"filter": {"bool": {"filter": others}}, "aggs": {"facet": agg}}
    offset = max(0, min(offset, MAX_RESULT_WINDOW - limit))
    return {
        "query": {"bool": {"must": base or [{"match_all": {}}]}},
        "post_filter": {"bool": {"filter": list(clauses.values())}},
        "aggs": aggs,
        "from": offset,
        "size": limit,
        "track_total_hits": True,
        "_source": False,
        "sort": _sort(sort, bool(text)),
    }


def _search_result(response):
    hits = response["hits"]
    facets = {name: _buckets(response["aggregations"][name]["facet"]) for name in _facet_aggs()}
    return SearchResult(
        ids=[int(hit["_id"]) for hit in hits["hits"]], total=hits["total"]["value"], facets=facets
    )


# The field whose words "did you mean" offers, per shopper's language.
SPELLING_FIELDS = {"vi": "spelling", "en": "spelling_en"}


def did_you_mean(query, *, language="vi"):
    """Return a spelling the index knows for ``query`` ("" when there is none)."""
    words = normalized_query(query)
    spelling_field = SPELLING_FIELDS.get(language, SPELLING_FIELDS["vi"])
    body = {
        "size": 0,
        "suggest": {
            "spelling": {
                "text": words,
                "phrase": {
                    "field": spelling_field,
                    "size": 1,
                    "max_errors": 3,
                    # Vietnamese syllables are short: correct words from two letters on.
                    "direct_generator": [
                        {
                            "field": spelling_field,
                            "suggest_mode": "always",
                            "min_word_length": 2,
                            "prefix_length": 0,
                            "max_edits": 2,
                        }  # fmt: skip
                    ],
                },
            }
        },
    }
    response = call(lambda es: es.search(index=alias_name("products"), body=body))
    options = response.get("suggest", {}).get("spelling", [{}])[0].get("options", [])
    suggestion = options[0]["text"] if options else ""
    return suggestion if suggestion and suggestion != words.lower() else ""


def _story_body(query, *, language, limit=3):
    phrase = normalized_query(query)
    if not phrase:
        return None
    return {
        "query": {
            "bool": {
                "must": [{"match": {"search_text": {"query": phrase, "operator": "and"}}}],
                "filter": [{"term": {"language": language}}],
                "should": [{"match": {"title.folded": {"query": phrase, "boost": 2}}}],
            }
        },
        "size": limit,
        "_source": ["title", "url", "intro", "cooperative", "date"],
    }


def _story_hits(response):
    return [hit["_source"] for hit in response["hits"]["hits"]]


def story_search(query, *, language, limit=3):
    """Return up to ``limit`` published stories in ``language`` that match ``query``."""
    body = _story_body(query, language=language, limit=limit)
    if body is None:
        return []
    return _story_hits(call(lambda es: es.search(index=alias_name("stories"), body=body)))


def suggestion_words(query):
    """Return the query's words as typed so far: folded, exact and without tones."""
    phrase = normalized_query(query)
    return {
        "folded": folded_words(phrase)[:MAX_QUERY_WORDS],
        "exact": exact_words(phrase)[:MAX_QUERY_WORDS],
        "toneless": toneless_words(phrase)[:MAX_QUERY_WORDS],
    }


def _every(field, words):
    return {"match": {field: {"query": joined(words), "operator": "and"}}}


def suggestions(query, *, products=5, cooperatives=3, stories_language=None, stories=2):
    """Return products and cooperatives whose names start like ``query``'s words.

    With ``stories_language``, also the stories in that language that match ``query``:
    everything in one round trip (one ``msearch``).
    """
    words = normalized_query(query)
    prefix = {"match": {"name.prefix": {"query": words, "operator": "and"}}}
    typed = suggestion_words(query)
    searches = [
        {"index": alias_name("products")},
        {
            "query": {
                "bool": {
                    "must": [_every("title_prefix_keys", typed["folded"])],
                    "should": [
                        {"match": {"title_keys": {"query": joined(typed["exact"]), "boost": 2}}},
                        _every("title_prefix_exact_keys", typed["exact"]),
                        _every("title_prefix_toneless_keys", typed["toneless"]),
                    ],
                }
            },
            "sort": ["_score", {"popularity": "desc"}],
            "size": products,
            "_source": ["title", "slug", "price", "cooperative", "leaf_category_ids"],
            "aggs": {"categories": {"terms": {"field": "leaf_category_ids", "size": 3}}},
        },
        {"index": alias_name("cooperatives")},
        {"query": prefix, "size": cooperatives, "_source": ["name", "slug", "province"]},
    ]
    story_body = _story_body(query, language=stories_language, limit=stories)
    if stories_language and story_body:
        searches += [{"index": alias_name("stories")}, story_body]
    responses = call(lambda es: es.msearch(searches=searches))["responses"]
    product_response, cooperative_response = (_answer(r) for r in responses[:2])
    story_response = responses[2] if len(responses) > 2 else {"error": "not asked"}
    return {
        "stories": [] if "error" in story_response else _story_hits(story_response),
        "products": [
            {"id": int(h["_id"]), **h["_source"]} for h in product_response["hits"]["hits"]
        ],
        "category_ids": [
            int(b["key"]) for b in product_response["aggregations"]["categories"]["buckets"]
        ],
        "cooperatives": [h["_source"] for h in cooperative_response["hits"]["hits"]],
    }
