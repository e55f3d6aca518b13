"""One listing page: from the search server when it answers, else from the database."""

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.paginator import Paginator

from catalogue.selectors import product_cards
from search import queries
from search.connection import SearchUnavailable
from search.facets import build_facets
from search.listing import product_listing

logger = logging.getLogger(__name__)


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


def _page_number(raw):
    return int(raw) if str(raw).isdigit() and 0 < int(raw) < 100_000 else raw


def listing_page(*, form, category, page_number, per_page, path, params):
    """Return the ``ListingPage`` for a catalogue, category or search page.

    Raise ``django.core.paginator.InvalidPage`` for a page number out of range.
    """
    query, sort, filters = form.query(), form.sort(), form.filters()
    number = _page_number(page_number or 1)
    try:
        result = _search(query, category, filters, sort, number, per_page)
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
    )


def _search(query, category, filters, sort, number, per_page):
    offset = (number - 1) * per_page if isinstance(number, int) else 0
    return queries.product_search(
        query=query,
        category_id=category.pk if category is not None else None,
        filters=filters,
        sort=sort,
        offset=offset,
        limit=per_page,
    )


def matching_stories(*, query, language, limit=3):
    """Return the CMS stories in ``language`` that match ``query`` (none without the server)."""
    try:
        return queries.story_search(query, language=language, limit=limit)
    except SearchUnavailable:
        return []
