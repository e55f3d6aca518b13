"""One listing page: from the search server when it answers, else from the database."""

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Paginator
from django.utils import timezone

from catalogue.selectors import product_cards
from marketplace import cache_stamps
from marketplace.single_flight import cached_once
from search import queries, ranking
from search.connection import SearchUnavailable
from search.documents import alias_name
from search.facets import build_facets
from search.listing import product_listing

logger = logging.getLogger(__name__)

# How long the search server's answer for one page is kept. Any change a shopper would
# see replaces the catalogue stamp (search.receivers, search.tasks), so the entry is never
# read again; the lifetime bounds the memory and what a process without a shared cache
# (the demo's LocMem) could miss.
RESULTS_SECONDS = 600


class _HitPage(Sequence):
    """The hits of one page, sized as the whole result, for Django's Paginator.

    The search server gives the total with the page, so the paginator needs no COUNT
    query: it reads the length, then slices out the page already fetched.
    """

    def __init__(self, total, products):
        self._total = total
        self._products = products

    def __len__(self):
        return self._total

    def __getitem__(self, index):
        return self._products if isinstance(index, slice) else self._products[index]


@dataclass
class ListingPage:
    paginator: Paginator
    page: object
    facets: list
    active_filters: list
    suggestion: str
    from_search_server: bool
    stories: list = field(default_factory=list)


def _page_number(raw):
    # int() refuses a superscript digit ("²") and a number of thousands of digits.
    text = str(raw)
    return int(text) if text.isdecimal() and len(text) < 6 and 0 < int(text) < 100_000 else raw


def listing_page(*, form, category, page_number, per_page, path, params, stories_language=None,
                 language="vi"):  # fmt: skip
    """Return the ``ListingPage`` for a catalogue, category or search page.

    ``language`` is the shopper's: the search ranks its texts first.

    With ``stories_language``, the page also lists the matching stories in that
    language (from the search server only). Raise ``django.core.paginator.InvalidPage``
    for a page number out of range.
    """
    query, sort, filters = form.query(), form.sort(), form.filters()
    number = _page_number(page_number or 1)
    try:
        result = _search(
            query, category, filters, sort, number, per_page, stories_language, language
        )
    except SearchUnavailable:
        result = None
    if result is not None:
        found = product_cards().in_bulk(result.ids)
        products = [found[pk] for pk in result.ids if pk in found]
        # Never offer pages beyond what the search server can page through.
        total = min(result.total, queries.MAX_RESULT_WINDOW)
        paginator = Paginator(_HitPage(total, products), per_page)
        counts, suggestion = result.facets, result.suggestion
    else:
        paginator = Paginator(
            product_listing(category=category, query=query, filters=filters, sort=sort), per_page
        )
        counts, suggestion = None, ""
    page = paginator.page(number)
    facets, active = build_facets(counts=counts, filters=filters, path=path, params=params)
    return ListingPage(
        paginator=paginator,
        page=page,
        facets=facets,
        active_filters=active,
        suggestion=suggestion,
        from_search_server=result is not None,
        stories=result.stories if result is not None else [],
    )


def _filters_key(filters):
    """Return the shopper's selection as a string that does not depend on its order."""
    return repr(
        {
            name: sorted(map(str, value)) if isinstance(value, list) else value
            for name, value in sorted(vars(filters).items())
        }
    )


def _search(query, category, filters, sort, number, per_page, stories_language, language):
    """Return the search server's ``SearchResult`` for one page, cached under the
    catalogue stamp (and the CMS stamp when it lists stories).

    Only the server's answer is cached (ids, counts, stories: the same for everyone);
    the database fallback raises ``SearchUnavailable`` before anything is stored.
    """
    offset = (number - 1) * per_page if isinstance(number, int) else 0
    category_id = category.pk if category is not None else None
    phrase = ranking.normalized_query(query)
    stories_language = stories_language if phrase else None
    key = cache_stamps.cache_key(
        "catalogue",
        "search",
        # The answer of this server and index (the key is a digest: no secret in it).
        settings.ES_URL,
        alias_name("products"),
        # OCOP stars count only while their certificate is valid: a new day, a new answer.
        timezone.localdate().isoformat(),
        phrase,
        language,
        category_id,
        _filters_key(filters),
        sort,
        offset,
        per_page,
        stories_language or "",
        cache_stamps.current("cms") if stories_language else "",
    )
    return cached_once(
        key,
        lambda: (
            queries.product_search(
                query=query,
                category_id=category_id,
                filters=filters,
                sort=sort,
                offset=offset,
                limit=per_page,
                stories_language=stories_language,
                language=language,
            ),
            RESULTS_SECONDS,
        ),
        wait=settings.ES_TIMEOUT,
    )
