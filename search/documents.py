"""What the search index holds: products, cooperatives and stories, in Vietnamese.

Text fields are indexed several ways: as written (lowercased, diacritics kept) so an exact
match ranks first; ``.folded`` without diacritics (ASCII folding turns "đ" into "d") so
"che thai nguyen" finds "Chè Thái Nguyên"; ``.prefix`` as edge n-grams of the folded words
for suggestions while typing, ``.prefix_exact`` with diacritics ("mậ" suggests "Mật ong"
before "Mắm") and ``.prefix_toneless`` with the vowels' marks but not the tones ("mâ",
typed before its tone, also suggests "Mật" before "Mắm"). Text is put into one Unicode
form before indexing and before querying (``search.text.vi_normalize``).

Index names come from ``ES_INDEX_PREFIX`` at run time: each document type is read
through an alias (``ocop-products``) that points at a timestamped index, so a rebuild
fills a new index and swaps the alias without downtime.
"""

import unicodedata

from django.conf import settings
from elasticsearch.dsl import (
    Boolean,
    Date,
    Document,
    Float,
    Index,
    Integer,
    Keyword,
    Long,
    Text,
    analyzer,
    char_filter,
    token_filter,
)

vi_edge = token_filter("vi_edge", "edge_ngram", min_gram=1, max_gram=20)


def _tone_mappings():
    """Return "ậ=>â"-style mappings: every toned vowel to its vowel without the tone.

    The vowel's own marks stay (â, ă, ê, ô, ơ, ư): "mâ" typed on a phone (the tone comes
    last in Telex and VNI) is the start of "mật", not of "mắm".
    """
    tones = ("\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
    mappings = []
    for vowel in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY":
        for tone in tones:
            toned = unicodedata.normalize("NFC", vowel + tone)
            if len(toned) == 1:
                mappings.append(f"{toned}=>{vowel}")
    return mappings


vi_tones = char_filter("vi_tones", "mapping", mappings=_tone_mappings())
vi_exact = analyzer("vi_exact", tokenizer="standard", filter=["lowercase"])
vi_folded = analyzer("vi_folded", tokenizer="standard", filter=["lowercase", "asciifolding"])
vi_prefix = analyzer(
    "vi_prefix", tokenizer="standard", filter=["lowercase", "asciifolding", vi_edge]
)
vi_prefix_exact = analyzer("vi_prefix_exact", tokenizer="standard", filter=["lowercase", vi_edge])
vi_toneless = analyzer(
    "vi_toneless", tokenizer="standard", char_filter=[vi_tones], filter=["lowercase"]
)
vi_prefix_toneless = analyzer(
    "vi_prefix_toneless",
    tokenizer="standard",
    char_filter=[vi_tones],
    filter=["lowercase", vi_edge],
)

INDEX_SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0}


def vi_text(**kwargs):
    """Return a text field indexed as written, folded, and as prefixes of both."""
    return Text(
        analyzer=vi_exact,
        fields={
            "folded": Text(analyzer=vi_folded),
            "prefix": Text(analyzer=vi_prefix, search_analyzer=vi_folded),
            "prefix_exact": Text(analyzer=vi_prefix_exact, search_analyzer=vi_exact),
            "prefix_toneless": Text(analyzer=vi_prefix_toneless, search_analyzer=vi_toneless),
        },
        **kwargs,
    )


class ProductDocument(Document):
    """A product on sale (approved cooperative, browsable)."""

    title = vi_text()
    # The title without diacritics: "Đ" sorts with "D", as Vietnamese readers expect.
    title_sort = Keyword()
    categories = vi_text(multi=True)
    # Every category the product is listed under, with their ancestors: a category page
    # lists its subcategories' products too.
    category_ids = Integer(multi=True)
    # The categories the product is directly in: the category facet.
    leaf_category_ids = Integer(multi=True)
    cooperative = vi_text()
    cooperative_slug = Keyword()
    province_code = Integer()
    province = vi_text()
    # Stars of the best OCOP certificate valid at indexing time, and when it expires:
    # searches ignore stars past that date, so an expired rating never shows as a facet.
    ocop_stars = Integer()
    ocop_expires_on = Date()
    certifications = Keyword(multi=True)
    price = Long()
    in_stock = Boolean()
    rating = Float()
    popularity = Integer()
    date_created = Date()
    upc = Keyword()
    # Title, categories, cooperative, province and description in one folded field: a
    # query word may be in any of them, and one field is far cheaper to search than five.
    search_text = Text(analyzer=vi_folded)
    # For suggestions: the product's address and price without a database query.
    slug = Keyword(index=False)


class CooperativeDocument(Document):
    """An approved cooperative, for suggestions."""

    name = vi_text()
    slug = Keyword()
    province_code = Integer()
    province = vi_text()
    product_count = Integer()


class StoryDocument(Document):
    """A published CMS story (a cooperative's or a producer's), in its page's language."""

    title = vi_text()
    search_text = Text(analyzer=vi_folded)
    language = Keyword()
    cooperative = vi_text()
    date = Date()
    url = Keyword(index=False)
    intro = Text(index=False)


DOCUMENTS = {
    "products": ProductDocument,
    "cooperatives": CooperativeDocument,
    "stories": StoryDocument,
}


def alias_name(kind):
    """Return the alias that searches read for ``kind`` ("products" or "cooperatives")."""
    return f"{settings.ES_INDEX_PREFIX}-{kind}"


def index_body(kind):
    """Return the settings and mappings of a new index for ``kind``."""
    index = Index(alias_name(kind))
    index.settings(**INDEX_SETTINGS)
    index.document(DOCUMENTS[kind])
    return index.to_dict()
