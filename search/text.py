"""Vietnamese text as the search index and the database fallback see it.

The same word reaches us in several spellings: composed or decomposed Unicode (a phone
keyboard and a PDF copy differ), and two placements of the tone mark in "oa", "oe" and
"uy" ("hoà"/"hòa", "khoẻ"/"khỏe", "thuỷ"/"thủy"), both in everyday use. ``vi_normalize``
gives each word one spelling, for indexed text and queries alike; ``vi_fold`` also drops
the diacritics (đ → d included), for queries typed without them.
"""

import re
import unicodedata

# The five tone marks as combining characters (the circumflex, breve and horn are not tones).
TONE_MARKS = frozenset({"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"})
# A syllable ending in one of these pairs carries its tone on the pair's second vowel in the
# spelling kept here ("hoà", "khoẻ", "thuỷ"); "qu" + "y" is a consonant + vowel, not a pair.
_PAIR_END = re.compile(r"(?<!q)(oa|oe|uy)$", re.IGNORECASE)
_WORD = re.compile(r"\w+", re.UNICODE)


def _retone(match):
    word = unicodedata.normalize("NFD", match.group(0))
    tones = [c for c in word if c in TONE_MARKS]
    if len(tones) != 1:
        return match.group(0)
    bare = "".join(c for c in word if c not in TONE_MARKS)
    composed = unicodedata.normalize("NFC", bare)
    if not _PAIR_END.search(composed):
        return match.group(0)
    # Put the tone on the last letter: the second vowel of the pair.
    return unicodedata.normalize("NFC", composed + tones[0])


def vi_normalize(text):
    """Return ``text`` in NFC with one tone placement for "oa", "oe" and "uy" endings."""
    text = unicodedata.normalize("NFC", text or "")
    return _WORD.sub(_retone, text)


def vi_fold(text):
    """Return ``text`` lowercased without diacritics: "Đặc sản Chè" → "dac san che"."""
    decomposed = unicodedata.normalize("NFD", (text or "").replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
