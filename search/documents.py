"""What the search index holds: products, cooperatives and stories, in Vietnamese and English.

Vietnamese text fields are indexed several ways: as written (lowercased, diacritics kept)
so an exact match ranks first; ``.folded`` without diacritics (ASCII folding turns "đ"
into "d") so "che thai nguyen" finds "Chè Thái Nguyên"; ``.pairs`` as pairs of adjacent
syllables (shingles), so that a compound matches as a unit — "thổ cẩm" (brocade) is the
pair "tho cam", which an orange ("cam") from a province with "thổ nhưỡng" in its story
does not have; ``.prefix`` as edge n-grams of the folded words for suggestions while
typing, ``.prefix_exact`` with diacritics ("mậ" suggests "Mật ong" before "Mắm") and
``.prefix_toneless`` with the vowels' marks but not the tones ("mâ", typed before its
tone, also suggests "Mật" before "Mắm"). Text is put into one Unicode form before
indexing and before querying (``search.text.vi_normalize``).

The folded fields are expanded with the synonyms of ``synonyms.txt`` when a product is
indexed (cafe/cà phê, chè/trà, "matong", English product words): Elasticsearch's
``synonym`` filter at index time, which also serves the products without an English text.
English texts (``title_en``, ``search_text_en``) have an English analyser of their own
(possessives, stop words, a light stemmer: "oranges" finds "orange").

Index names come from ``ES_INDEX_PREFIX`` at run time: each document type is read
through an alias (``ocop-products``) that points at a timestamped index, so a rebuild
fills a new index and swaps the alias without downtime.
"""

import re
import unicodedata
from functools import cache
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


SYNONYMS_FILE = Path(__file__).with_name("synonyms.txt")


@cache
def synonym_rules(path=SYNONYMS_FILE):
    """Return the synonym groups of ``path`` as folded Solr rules ("ca phe, cafe, coffee")."""
    from search.text import vi_fold

    rules = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        words = [" ".join(vi_fold(word).split()) for word in line.split(",")]
        words = list(dict.fromkeys(word for word in words if word))
        if len(words) > 1:
            rules.append(", ".join(words))
    return rules


vi_tones = char_filter("vi_tones", "mapping", mappings=_tone_mappings())
vi_exact = analyzer("vi_exact", tokenizer="standard", filter=["lowercase"])
vi_folded = analyzer("vi_folded", tokenizer="standard", filter=["lowercase", "asciifolding"])
vi_pair = token_filter(
    "vi_pair", "shingle", min_shingle_size=2, max_shingle_size=2,
    output_unigrams=False, output_unigrams_if_no_shingles=True,
)  # fmt: skip
vi_pairs = analyzer("vi_pairs", tokenizer="standard", filter=["lowercase", "asciifolding", vi_pair])
en_possessive = token_filter("en_possessive", "stemmer", language="possessive_english")
en_stop = token_filter("en_stop", "stop", stopwords="_english_")
en_stem = token_filter("en_stem", "stemmer", language="light_english")
en_text_analyzer = analyzer(
    "en_text",
    tokenizer="standard",
    filter=[en_possessive, "lowercase", "asciifolding", en_stop, en_stem],
)


def _synonym_filter():
    # Built when an index is created: the rules come from the maintained file.
    return token_filter("vi_synonyms", "synonym", synonyms=synonym_rules(), expand=True)


def vi_folded_synonyms():
    """Return the analyser of indexed folded text: folded, then expanded with synonyms."""
    return analyzer(
        "vi_folded_synonyms",
        tokenizer="standard",
        filter=["lowercase", "asciifolding", _synonym_filter()],
    )


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
    """Return a text field indexed as written, folded, as syllable pairs, and as prefixes."""
    return Text(
        analyzer=vi_exact,
        fields={
            "folded": Text(analyzer=vi_folded_synonyms(), search_analyzer=vi_folded),
            "pairs": Text(analyzer=vi_pairs),
            "prefix": Text(analyzer=vi_prefix, search_analyzer=vi_folded),
            "prefix_exact": Text(analyzer=vi_prefix_exact, search_analyzer=vi_exact),
            "prefix_toneless": Text(analyzer=vi_prefix_toneless, search_analyzer=vi_toneless),
        },
        **kwargs,
    )


def en_text(**kwargs):
    """Return an English text field: stemmed, with its words as written for exact matches."""
    return Text(
        analyzer=en_text_analyzer,
        fields={"exact": Text(analyzer=vi_folded), "prefix": Text(analyzer=vi_prefix,
                search_analyzer=vi_folded)},
        **kwargs,
    )  # fmt: skip


def folded_text(**kwargs):
    """Return a folded text field (expanded with synonyms) with its syllable pairs."""
    return Text(
        analyzer=vi_folded_synonyms(),
        search_analyzer=vi_folded,
        fields={"pairs": Text(analyzer=vi_pairs)},
        **kwargs,
    )


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


class ProductDocument(Document):
    """A product on sale (approved cooperative, browsable), in both languages."""

    title = vi_text()
    title_en = en_text()
    # What the product is (``head_vi``, ``head_en``): a match here outranks qualifiers.
    head = folded_text()
    head_en = Text(analyzer=en_text_analyzer)
    # The titles' words without sizes, for "did you mean" (``without_size``).
    spelling = Text(analyzer=vi_folded)
    spelling_en = Text(analyzer=vi_folded)
    # The title without diacritics: "Đ" sorts with "D", as Vietnamese readers expect.
    title_sort = Keyword()
    categories = vi_text(multi=True)
    categories_en = en_text(multi=True)
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
    search_text = folded_text()
    # The same in English (the cooperative's and the province's names as they are).
    search_text_en = Text(analyzer=en_text_analyzer)
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
