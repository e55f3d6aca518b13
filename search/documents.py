"""What the search index holds: products, cooperatives and stories, in Vietnamese and English.

A product's relevance fields hold words prepared by ``search.keys`` when it is indexed
(folded, with synonyms, as syllable pairs, English words singular), split on spaces only
by the ``keys`` analyser; ``search.ranking`` and ``search.queries`` prepare a query's
words the same way. The starts of the title's words serve suggestions while typing:
folded, with diacritics ("mậ" suggests "Mật ong" before "Mắm") and with the vowels' marks
but not the tones ("mâ", typed before its tone, also suggests "Mật" before "Mắm").
Cooperative names and stories, few, keep the search server's own analysers: ``.prefix``
edge n-grams, ``.folded`` without diacritics. Text is put into one Unicode form before
indexing and before querying (``search.text.vi_normalize``).

Index names come from ``ES_INDEX_PREFIX`` at run time: each document type is read
through an alias (``ocop-products``) that points at a timestamped index, so a rebuild
fills a new index and swaps the alias without downtime.
"""

import hashlib
import json
import re
import unicodedata
from pathlib import Path

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

from search import keys

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
    """Return a text field indexed as written, folded, and as prefixes (suggestions)."""
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


# Words prepared by ``search.keys``: the search server only splits them on spaces.
keys_analyzer = analyzer("keys", tokenizer="whitespace")


def key_text(**kwargs):
    """Return a relevance field of words prepared by ``search.keys``."""
    return Text(analyzer=keys_analyzer, **kwargs)


_HEAD_WORDS = 2
_QUANTITY = re.compile(r"[\s,(]+[\d.,x×]+.*$")


def head_vi(title):
    """Return the words that say what a Vietnamese product is: its first two.

    Vietnamese puts the noun first ("Mật ong hoa cà phê" is honey; "Cà phê Arabica" is
    coffee), so a query matching the head outranks one matching the qualifiers.
    """
    return " ".join(title.split()[:_HEAD_WORDS])


def without_size(title):
    """Return ``title`` without its size or count ("Mật ong hoa nhãn 500 ml" → "Mật ong
    hoa nhãn"): the words "did you mean" may offer (never "kg" for "og")."""
    return _QUANTITY.sub("", title)


def head_en(title):
    """Return the word that says what an English product is: the last before its size
    ("Sơn La coffee-blossom honey 500 ml" is honey)."""
    name = _QUANTITY.sub("", title.split(",")[0])
    return " ".join(re.findall(r"\w+", name)[-1:])


def product_keys(*, title, title_en, context, categories_en, description, description_en):
    """Return the relevance fields of a product's document: words from ``search.keys``.

    ``context`` holds the Vietnamese category names, the cooperative and the province.
    """
    title_words = keys.folded_words(title)
    context_words = keys.folded_words(" ".join(context))
    english = {
        "title": keys.english_words(title_en),
        "categories": keys.english_words(" ".join(categories_en)),
        # The cooperative and the province by their (Vietnamese) names.
        "context": keys.english_words(" ".join(context[-2:])),
    }
    every_word = keys.with_synonyms(title_words + context_words + keys.folded_words(description))
    return {
        "search_keys": keys.joined(keys.distinct(every_word)),
        "search_keys_en": keys.joined(
            keys.distinct(
                english["title"]
                + english["categories"]
                + english["context"]
                + keys.english_words(description_en)
            )
        ),
        "name_keys": keys.joined(
            keys.distinct(
                keys.with_synonyms(title_words + context_words)
                + english["title"]
                + english["categories"]
            )
        ),
        "title_keys": keys.joined(keys.exact_words(title)),
        "title_prefix_keys": keys.joined(keys.prefixes(title_words)),
        "title_prefix_exact_keys": keys.joined(keys.prefixes(keys.exact_words(title))),
        "title_prefix_toneless_keys": keys.joined(keys.prefixes(keys.toneless_words(title))),
        "title_folded_keys": keys.joined(keys.with_synonyms(title_words)),
        "title_pair_keys": keys.joined(keys.pairs(title_words)),
        "head_keys": keys.joined(keys.with_synonyms(keys.folded_words(head_vi(title)))),
        "context_keys": keys.joined(keys.with_synonyms(context_words)),
        "title_en_keys": keys.joined(english["title"]),
        "head_en_keys": keys.joined(keys.english_words(head_en(title_en))),
        "categories_en_keys": keys.joined(english["categories"]),
    }


class ProductDocument(Document):
    """A product on sale (approved cooperative, browsable), in both languages.

    The ``*_keys`` fields rank and match a query (``search.ranking``) and suggestions
    while typing (``search.queries.suggestions``); ``title`` is what suggestions show.
    """

    title = Keyword(index=False)
    # Every word of the Vietnamese texts (title, categories, cooperative, province,
    # description) once, folded, with synonyms: a product matches when it has them all.
    search_keys = key_text()
    # The same of the English texts (the cooperative's and the province's names as
    # they are): the other language a query may be in.
    search_keys_en = key_text()
    # The names only (titles, categories, cooperative, province; both languages): where
    # a word with a typo is looked for, the second try of a search that found nothing.
    name_keys = key_text()
    # The title's words as written (tones kept), folded with synonyms, and as pairs.
    title_keys = key_text()
    title_folded_keys = key_text()
    title_pair_keys = key_text()
    # The starts of the title's words (folded, as written, without tones): suggestions
    # while a word is typed ("mâ", before its tone, suggests "Mật" before "Mắm").
    title_prefix_keys = key_text()
    title_prefix_exact_keys = key_text()
    title_prefix_toneless_keys = key_text()
    # What the product is (``head_vi``, ``head_en``): a match here outranks qualifiers.
    head_keys = key_text()
    # Categories, cooperative and province, folded with synonyms.
    context_keys = key_text()
    title_en_keys = key_text()
    head_en_keys = key_text()
    categories_en_keys = key_text()
    # The titles' words without sizes, for "did you mean" (``without_size``).
    spelling = Text(analyzer=vi_folded)
    spelling_en = Text(analyzer=vi_folded)
    # The title without diacritics: "Đ" sorts with "D", as Vietnamese readers expect.
    title_sort = Keyword()
    # Every category the product is listed under, with their ancestors: a category page
    # lists its subcategories' products too.
    category_ids = Integer(multi=True)
    # The categories the product is directly in: the category facet.
    leaf_category_ids = Integer(multi=True)
    cooperative = Keyword(index=False)
    cooperative_slug = Keyword()
    province_code = Integer()
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
    """Return the settings and mappings of a new index for ``kind``, the mappings'
    ``_meta.schema`` naming them (``schema_digest``)."""
    body = _index_definition(kind)
    body.setdefault("mappings", {})["_meta"] = {"schema": schema_digest(kind)}
    return body


def _index_definition(kind):
    index = Index(alias_name(kind))
    index.settings(**INDEX_SETTINGS)
    index.document(DOCUMENTS[kind])
    return index.to_dict()


def schema_digest(kind):
    """Return a digest of the settings and mappings of ``kind``'s index, and of the code
    and rules its documents' words are made with (this module, ``search.keys``,
    ``synonyms.txt``): when it changes, the live index was built by other code and needs
    a rebuild (``manage.py search_index --if-outdated``)."""
    definition = json.dumps(_index_definition(kind), sort_keys=True, ensure_ascii=False)
    rules = [Path(path).read_bytes() for path in (__file__, keys.__file__, keys.SYNONYMS_FILE)]
    digest = hashlib.sha256(definition.encode())
    for rule in rules:
        digest.update(rule)
    return digest.hexdigest()[:16]
