"""Filling the search index: full rebuilds behind an alias, and sync after each change."""

import logging
from datetime import UTC, datetime
from functools import partial

from django.core.cache import cache
from django.db.models import Prefetch
from elasticsearch import NotFoundError
from elasticsearch.helpers import bulk
from oscar.core.loading import get_model

from catalogue.selectors import product_cards
from marketplace import cache_stamps, places
from marketplace.partner.selectors import public_cooperatives
from search.connection import SearchUnavailable, call
from search.documents import (
    DOCUMENTS,
    alias_name,
    index_body,
    product_keys,
    schema_digest,
    without_size,
)
from search.text import vi_fold, vi_normalize

logger = logging.getLogger(__name__)

Category = get_model("catalogue", "Category")
Certificate = get_model("catalogue", "Certificate")
Product = get_model("catalogue", "Product")

# Ids (by kind) whose sync failed while the search server was away; sent with the next.
RETRY_KEY = "search:retry-ids"
# A bulk request of a rebuild may take longer than a shopper's ES_TIMEOUT.
BULK_TIMEOUT = 60
CHUNK_SIZE = 500


class CategoryTree:
    """All categories in memory: names and ancestors without a query per product."""

    def __init__(self):
        self.by_id = {
            c.pk: c for c in Category.objects.only("pk", "path", "depth", "name_vi", "name_en")
        }
        self._by_path = {c.path: c for c in self.by_id.values()}

    def with_ancestors(self, category):
        """Return ``category`` and its ancestors, root first."""
        steplen = Category.steplen
        paths = [category.path[: steplen * n] for n in range(1, category.depth + 1)]
        return [self._by_path[p] for p in paths if p in self._by_path]


def indexable_products():
    """Return the products on sale with everything a document reads fetched in bulk."""
    valid = Certificate.objects.valid_on()
    return (
        product_cards()
        .select_related("stats")
        .prefetch_related(
            "categories", Prefetch("certificates", queryset=valid, to_attr="valid_certs")
        )
        .order_by("pk")
    )


def product_document(product, tree):
    """Return the index document (a dict) of one product from ``indexable_products``."""
    categories, category_ids = [], {}
    for category in product.categories.all():
        for node in tree.with_ancestors(category):
            category_ids[node.pk] = node
        categories.append(category)
    ocop = max(
        (c for c in product.valid_certs if c.kind == Certificate.Kind.OCOP),
        key=lambda c: (c.stars or 0, c.expires_on),
        default=None,
    )
    records = list(product.stockrecords.all())
    prices = [int(r.price) for r in records if r.price is not None]
    track_stock = product.product_class.track_stock if product.product_class else True
    in_stock = bool(records) and (
        not track_stock or any((r.net_stock_level or 0) > 0 for r in records)
    )
    cooperative = product.cooperative
    cooperative_name = cooperative.partner.name if cooperative else ""
    province = places.province_name(product.origin_province_code) or ""
    stats = getattr(product, "stats", None)
    title, title_en = vi_normalize(product.title_vi or ""), product.title_en or ""
    category_names = [c.name_vi or "" for c in category_ids.values()]
    category_names_en = [c.name_en or "" for c in category_ids.values() if c.name_en]
    return {
        "title": title,
        **product_keys(
            title=title,
            title_en=title_en,
            context=[*category_names, cooperative_name, province],
            categories_en=category_names_en,
            description=product.description_vi or "",
            description_en=product.description_en or "",
        ),
        "spelling": without_size(title),
        "spelling_en": without_size(title_en),
        "title_sort": vi_fold(title),
        "category_ids": list(category_ids),
        "leaf_category_ids": [c.pk for c in categories],
        "cooperative": vi_normalize(cooperative_name),
        "cooperative_slug": cooperative.slug if cooperative else None,
        "province_code": product.origin_province_code,
        "ocop_stars": ocop.stars if ocop else None,
        "ocop_expires_on": ocop.expires_on.isoformat() if ocop else None,
        "certifications": sorted({c.kind for c in product.valid_certs}),
        "price": min(prices) if prices else None,
        "in_stock": in_stock,
        "rating": product.rating,
        "popularity": (stats.num_purchases * 10 + stats.num_views) if stats else 0,
        "date_created": product.date_created.isoformat(),
        "upc": product.upc or None,
        "slug": product.slug,
    }


def indexable_cooperatives():
    """Return the approved cooperatives with how many products they sell."""
    from django.db.models import Count, Q

    return public_cooperatives().annotate(
        product_count=Count(
            "products", filter=Q(products__is_public=True, products__parent__isnull=True)
        )
    )


def cooperative_document(cooperative):
    """Return the index document of one cooperative from ``indexable_cooperatives``."""
    return {
        "name": vi_normalize(cooperative.partner.name),
        "slug": cooperative.slug,
        "province_code": cooperative.province_code,
        "province": vi_normalize(places.province_name(cooperative.province_code)),
        "product_count": cooperative.product_count,
    }


def _chunks(queryset, size):
    """Yield lists of objects from ``queryset``, ``size`` at a time, by primary key."""
    last_pk = 0
    while True:
        chunk = list(queryset.filter(pk__gt=last_pk)[:size])
        if not chunk:
            return
        yield chunk
        last_pk = chunk[-1].pk


def indexable_stories():
    """Return the live, public CMS stories, in every language."""
    from cms.models import StoryPage

    return (
        StoryPage.objects.live()
        .public()
        .select_related("locale", "cooperative__partner")
        .order_by("pk")
    )


def story_document(page):
    """Return the index document of one story from ``indexable_stories``."""
    body = " ".join(str(text) for text in page.body.stream_block.get_searchable_content(page.body))
    cooperative = page.cooperative.partner.name if page.cooperative else ""
    return {
        "title": vi_normalize(page.title),
        "search_text": vi_normalize(" ".join((page.title, page.intro, cooperative, body))),
        "language": page.locale.language_code,
        "cooperative": vi_normalize(cooperative),
        "date": page.date.isoformat(),
        "url": page.get_url(),
        "intro": page.intro,
    }


def _actions(kind, index, source, progress):
    if kind == "products":
        build = partial(product_document, tree=CategoryTree())
    else:
        build = {"cooperatives": cooperative_document, "stories": story_document}[kind]
    for chunk in source:
        for obj in chunk:
            yield {"_index": index, "_id": obj.pk, "_source": build(obj)}
        if progress:
            progress(kind, len(chunk))


def index_rebuild(*, progress=None, chunk_size=CHUNK_SIZE):
    """Build fresh indexes of products, cooperatives and stories; swap the aliases to them.

    Searches keep reading the old indexes until the swap, which is one atomic alias
    update; the old indexes are deleted after it. ``progress(kind, n)`` is called after
    every ``n`` documents. Return the document count of each kind.
    Raise ``SearchUnavailable`` when the search server cannot be reached.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")
    sources = {
        "products": _chunks(indexable_products(), chunk_size),
        "cooperatives": _chunks(indexable_cooperatives().order_by("pk"), chunk_size),
        "stories": _chunks(indexable_stories(), chunk_size),
    }
    counts = {}
    for kind, source in sources.items():
        alias = alias_name(kind)
        new_index = f"{alias}-{stamp}"
        counts[kind] = _index_fill(kind, new_index, source, progress, chunk_size)
        _alias_swap(alias, new_index)
    # Results cached from the old indexes are not the new ones' answers.
    cache_stamps.bump("catalogue", "cms")
    return counts


def index_outdated():
    """Return the kinds whose live index is missing or was built for other code (its
    mappings' ``_meta.schema`` is not ``schema_digest``).

    Raise ``SearchUnavailable`` when the search server cannot be reached.
    """

    def schema(es, kind):
        try:
            mappings = es.indices.get_mapping(index=alias_name(kind))
        except NotFoundError:
            return None
        metas = [m.get("mappings", {}).get("_meta", {}) for m in mappings.values()]
        return metas[0].get("schema") if len(metas) == 1 else None

    return [
        kind
        for kind in DOCUMENTS
        if call(lambda es, kind=kind: schema(es, kind)) != schema_digest(kind)
    ]


def _index_fill(kind, index, source, progress, chunk_size):
    """Create ``index`` and bulk-load ``source`` into it; return the document count."""
    call(lambda es: es.indices.create(index=index, **index_body(kind)))
    try:
        count, _ = call(
            lambda es: bulk(es, _actions(kind, index, source, progress), chunk_size=chunk_size),
            timeout=BULK_TIMEOUT,
        )
        call(lambda es: es.indices.refresh(index=index))
    except SearchUnavailable:
        call_quietly(lambda es: es.indices.delete(index=index))
        raise
    return count


def call_quietly(operation):
    """Run ``operation`` against the search server, ignoring any failure."""
    try:
        call(operation)
    except SearchUnavailable:
        pass


def _alias_swap(alias, new_index):
    """Point ``alias`` at ``new_index`` only, then delete the indexes it pointed at."""

    def current(es):
        try:
            return list(es.indices.get_alias(name=alias))
        except NotFoundError:
            return []

    old = call(current)
    # A plain index left under the alias name (an old layout) would block the alias.
    if call(lambda es: es.indices.exists(index=alias)) and alias not in old and not old:
        call(lambda es: es.indices.delete(index=alias))
    actions = [{"remove": {"index": name, "alias": alias}} for name in old]
    actions.append({"add": {"index": new_index, "alias": alias}})
    call(lambda es: es.indices.update_aliases(actions=actions))
    for name in old:
        if name != new_index:
            call_quietly(lambda es, name=name: es.indices.delete(index=name))


def _bulk_sync(kind, ids, found, document):
    alias = alias_name(kind)
    actions = [
        {"_index": alias, "_id": pk, "_source": document(obj)} for pk, obj in found.items()
    ] + [{"_op_type": "delete", "_index": alias, "_id": pk} for pk in ids - found.keys()]
    # A delete of a document the index never had answers 404: not an error here.
    # "wait_for": the change is searchable when the sync returns, so the stamp replaced
    # after it (search.tasks) never files an answer read before the change as current.
    call(
        lambda es: bulk(es, actions, raise_on_error=False, refresh="wait_for"),
        timeout=BULK_TIMEOUT,
    )


def products_sync(product_ids):
    """Bring the index in line with the database for ``product_ids``.

    A product still on sale is (re)indexed; one removed, hidden or whose cooperative is
    no longer approved is deleted from the index. Raise ``SearchUnavailable`` when the
    search server is away (the task retries; ``sync_postpone`` keeps the ids meanwhile).
    """
    ids = set(product_ids)
    if not ids:
        return
    tree = CategoryTree()
    found = {p.pk: p for p in indexable_products().filter(pk__in=ids)}
    _bulk_sync("products", ids, found, lambda product: product_document(product, tree))


def cooperatives_sync(cooperative_ids):
    """Bring the index in line for ``cooperative_ids`` and every product they sell."""
    ids = set(cooperative_ids)
    if not ids:
        return
    products_sync(Product.objects.filter(cooperative__in=ids).values_list("pk", flat=True))
    found = {c.pk: c for c in indexable_cooperatives().filter(pk__in=ids)}
    _bulk_sync("cooperatives", ids, found, cooperative_document)


def stories_sync(page_ids):
    """Bring the index in line for the story pages ``page_ids`` (published or not)."""
    ids = set(page_ids)
    if not ids:
        return
    found = {page.pk: page for page in indexable_stories().filter(pk__in=ids)}
    _bulk_sync("stories", ids, found, story_document)


SYNC_KINDS = {"products": products_sync, "cooperatives": cooperatives_sync,
              "stories": stories_sync}  # fmt: skip


def sync(*, products=(), cooperatives=(), stories=()):
    """Sync these ids, and any postponed ones; raise ``SearchUnavailable`` (nothing lost:
    the ids stay postponed until a sync succeeds)."""
    wanted = {"products": products, "cooperatives": cooperatives, "stories": stories}
    pending = sync_pending()
    for kind, function in SYNC_KINDS.items():
        ids = set(wanted[kind]) | set(pending.get(kind, ()))
        try:
            function(ids)
        except SearchUnavailable:
            sync_postpone(**{k: wanted[k] for k in SYNC_KINDS})
            raise
    if any(pending.values()):
        cache.delete(RETRY_KEY)


def sync_pending():
    """Return the ids postponed while the search server was away, by kind."""
    pending = cache.get(RETRY_KEY) or {}
    return pending if isinstance(pending, dict) else {"products": list(pending)}


def sync_postpone(**ids):
    """Keep ids for the next sync (or the periodic reconcile) to send."""
    pending = sync_pending()
    merged = {
        kind: sorted(set(pending.get(kind, ())) | set(ids.get(kind, ()))) for kind in SYNC_KINDS
    }
    cache.set(RETRY_KEY, merged, timeout=None)
    logger.warning(
        "Search index sync postponed for %s.",
        ", ".join(f"{len(v)} {k}" for k, v in merged.items() if v) or "nothing",
    )


def index_refresh():
    """Make every indexed change visible to searches now (tests, commands)."""
    names = ",".join(alias_name(kind) for kind in ("products", "cooperatives", "stories"))
    call(lambda es: es.indices.refresh(index=names))
