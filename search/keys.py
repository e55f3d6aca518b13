"""The words the search index matches, prepared here for products and queries alike.

Every relevance field of a product (``search.documents.ProductDocument``) holds words
made by this module, and the search server splits them on spaces only (the ``keys``
analyser). The language rules live here, in one place, and run once: when a product is
indexed, and when a query arrives.

- ``exact_words``: lowercased, tones kept ("chè" is tea, "chẻ" is split).
- ``folded_words``: without diacritics ("che thai nguyen" finds "Chè Thái Nguyên").
- ``with_synonyms``: the folded words plus the other spellings of every synonym group
  found in them (``synonyms.txt``: a product with "cà phê" is also found by "cafe").
- ``pairs``: adjacent syllables joined ("tho_cam"), so that a compound matches as a unit.
- ``english_words``: folded, without English stop words, plurals made singular
  ("oranges" finds "orange").
- ``prefixes``: the starts of words, for suggestions while typing (of folded, exact and
  ``toneless_words``).

Why not the search server's own analysers: the local search server (noida-db) analyses
every stored text again at each query, and a chain of filters (standard tokenizer,
lowercase, ASCII folding, synonyms) over 2,000 products cost 93 ms for one field, against
17 ms for words split on spaces. On Elasticsearch the prepared words cost nothing extra,
and the same words serve both.
"""

import re
import unicodedata
from functools import cache
from pathlib import Path

from search.text import TONE_MARKS, vi_fold, vi_normalize

SYNONYMS_FILE = Path(__file__).with_name("synonyms.txt")
_WORD = re.compile(r"\w+", re.UNICODE)
# Lucene's English stop words: dropped from English texts and English queries only (the
# Vietnamese side keeps "to", "an", "no": folded syllables of tơ, ăn, nở).
ENGLISH_STOP_WORDS = frozenset(
    "a an and are as at be but by for if in into is it no not of on or such that the "
    "their then there these they this to was will with".split()
)


def exact_words(text):
    """Return the words of ``text`` lowercased, diacritics kept (one Unicode spelling)."""
    return _WORD.findall(vi_normalize(text).lower())


def folded_words(text):
    """Return the words of ``text`` lowercased, without diacritics ("đ" as "d")."""
    return _WORD.findall(vi_fold(vi_normalize(text)))


def toneless_words(text):
    """Return the words of ``text`` lowercased without their tones, the vowels' own marks
    kept ("Mật" → "mât"): what a phone has typed before the tone, which comes last."""
    decomposed = unicodedata.normalize("NFD", vi_normalize(text).lower())
    bare = "".join(c for c in decomposed if c not in TONE_MARKS)
    return _WORD.findall(unicodedata.normalize("NFC", bare))


def prefixes(words, *, longest=20):
    """Return the distinct starts of ``words`` ("mat", "ong" → m ma mat o on ong), for
    suggestions while a word is being typed; words count up to ``longest`` letters."""
    return distinct(word[:end] for word in words for end in range(1, min(len(word), longest) + 1))


def _singular(word):
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


def english_words(text):
    """Return the words of an English ``text``: folded, stop words out, plurals singular.

    A Vietnamese syllable never ends in "s", so the place and cooperative names inside an
    English text keep their words.
    """
    return [
        _singular(word)
        for word in folded_words(text)
        if word not in ENGLISH_STOP_WORDS and not (len(word) == 1 and word == "s")
    ]


def pairs(words):
    """Return the adjacent pairs of ``words`` joined by "_"; a single word stays itself."""
    if len(words) < 2:
        return list(words)
    return [f"{first}_{second}" for first, second in zip(words, words[1:], strict=False)]


@cache
def synonym_groups(path=SYNONYMS_FILE):
    """Return the synonym groups of ``path``: a tuple of folded phrases (word tuples) each."""
    groups = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        phrases = [tuple(folded_words(phrase)) for phrase in line.split(",")]
        phrases = tuple(dict.fromkeys(phrase for phrase in phrases if phrase))
        if len(phrases) > 1:
            groups.append(phrases)
    return tuple(groups)


@cache
def _phrase_index(path=SYNONYMS_FILE):
    # First word → [(phrase, its group)]: a text is scanned once, word by word.
    index = {}
    for group in synonym_groups(path):
        for phrase in group:
            index.setdefault(phrase[0], []).append((phrase, group))
    return index


def with_synonyms(words, *, path=SYNONYMS_FILE):
    """Return folded ``words`` followed by the other phrases of each synonym group that
    one of their phrases is found in ("ca phe" adds "cafe caphe coffee")."""
    index = _phrase_index(path)
    groups, present = [], set()
    for position, word in enumerate(words):
        for phrase, group in index.get(word, ()):
            if tuple(words[position : position + len(phrase)]) == phrase:
                present.add(phrase)
                if group not in groups:
                    groups.append(group)
    extra = [w for group in groups for phrase in group if phrase not in present for w in phrase]
    return list(words) + extra


def distinct(words):
    """Return ``words`` without repeats, in their first order (a field to match, not rank)."""
    return list(dict.fromkeys(words))


def joined(words):
    """Return ``words`` as the text of an index field or of a query."""
    return " ".join(words)
