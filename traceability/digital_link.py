"""GS1 Digital Link paths under ``/01/``: what a QR code's address says, checked before any
database read.

A GTIN (AI 01) may be followed by its key qualifiers, each optional but in this order:
consumer product variant (22), batch/lot (10), serial number (21). Each value is 1–20
characters of GS1's character set 82. Anything else (an unknown AI, an odd segment, a
wrong GTIN check digit, a value too long or with another character) is a malformed URI:
a GS1-conformant resolver answers it with 400 (``Malformed``).

Servers decode ``%2F`` before routing, so a lot code holding a slash (a lot "2026/11-A"
is legal) arrives as more path. When the server passes on the raw request path
(gunicorn's ``RAW_URI``, uWSGI's ``REQUEST_URI``) it is split on its real slashes;
otherwise ``candidates`` also offers the reading in which everything after ``/10/`` is
the lot, and the resolver tries that one first against the database.
"""

import re
from dataclasses import dataclass, replace
from urllib.parse import quote, unquote, urlsplit

from catalogue.gtin import VALID_LENGTHS, gtin14, gtin_is_valid

# GS1 AI encodable character set 82 (GS1 General Specifications, figure 7.11-1).
CSET82 = re.compile(r"^[!\"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$")
# The key qualifiers of a GTIN, in the only order the path may carry them.
QUALIFIERS = ("22", "10", "21")
NAMES = {"22": "cpv", "10": "lot", "21": "serial"}


class Malformed(ValueError):
    """The path is not a syntactically valid GS1 Digital Link URI (answer 400)."""


@dataclass(frozen=True)
class DigitalLink:
    """A GTIN with its qualifiers, as a GS1 Digital Link URI names it."""

    gtin: str  # always 14 digits
    cpv: str = ""
    lot: str = ""
    serial: str = ""

    def path(self):
        """Return the canonical path: 14-digit GTIN, qualifiers percent-encoded."""
        parts = [f"/01/{self.gtin}"]
        for ai in QUALIFIERS:
            value = getattr(self, NAMES[ai])
            if value:
                parts.append(f"/{ai}/{quote(value, safe='')}")
        return "".join(parts)

    def without(self, *names):
        """Return this link with the qualifiers ``names`` ("lot", "serial"…) removed."""
        return replace(self, **dict.fromkeys(names, ""))

    @property
    def product_level(self):
        return DigitalLink(self.gtin)


def gtin_parse(value):
    """Return the GTIN of a path segment as 14 digits, or raise ``Malformed``."""
    if not (value.isascii() and value.isdigit() and len(value) in VALID_LENGTHS):
        raise Malformed("GTIN")
    if not gtin_is_valid(value):
        raise Malformed("GTIN check digit")
    return gtin14(value)


def _pairs(segments):
    """Return ``{name: value}`` of qualifier segments ``[ai, value, ai, value…]``."""
    if len(segments) % 2:
        raise Malformed("odd segment")
    found, position = {}, -1
    for ai, value in zip(segments[::2], segments[1::2], strict=True):
        if ai not in QUALIFIERS:
            raise Malformed(f"AI {ai} is not a key qualifier of a GTIN")
        if QUALIFIERS.index(ai) <= position:
            raise Malformed("qualifiers out of order")
        position = QUALIFIERS.index(ai)
        if not CSET82.match(value):
            raise Malformed(f"AI {ai} value")
        found[NAMES[ai]] = value
    return found


def _split(rest):
    # One trailing slash is tolerated (GS1: resolvers SHOULD NOT fail on it).
    rest = rest.removesuffix("/").removeprefix("/")
    return rest.split("/") if rest else []


@dataclass(frozen=True)
class Reading:
    """What a path under ``/01/`` may mean: its GS1 reading, and the slashed-lot one.

    ``strict`` splits the path on every slash (None when that reading is malformed);
    ``slashed``, when offered, takes everything after ``/10/`` as the lot. A slashed
    reading counts only when that lot exists, so the resolver asks the database for it
    first; with neither, the path is malformed.
    """

    strict: DigitalLink | None
    slashed: DigitalLink | None = None


def read(gtin, rest, *, raw_path=None):
    """Return the ``Reading`` of ``/01/<gtin><rest>``, or raise ``Malformed``.

    ``rest`` is the decoded path after the GTIN ("" or "/10/LOT…"). ``raw_path`` is the
    undecoded request path when the server gives it: its real slashes leave one reading.
    """
    gtin = gtin_parse(gtin)
    if raw_path is not None:
        raw = urlsplit(raw_path).path.removesuffix("/")
        raw_segments = raw.split("/")[3:]  # after "", "01" and the GTIN
        return Reading(DigitalLink(gtin, **_pairs([unquote(s) for s in raw_segments])))
    try:
        strict, error = DigitalLink(gtin, **_pairs(_split(rest))), None
    except Malformed as malformed:
        strict, error = None, malformed
    slashed = None
    lot_tail = re.match(r"^/(?:22/([^/]+)/)?10/(.+)$", rest)
    if lot_tail:
        cpv, lot = lot_tail.group(1) or "", lot_tail.group(2).removesuffix("/")
        if "/" in lot and CSET82.match(lot) and (not cpv or CSET82.match(cpv)):
            slashed = DigitalLink(gtin, cpv=cpv, lot=lot)
    if strict is None and slashed is None:
        raise error
    return Reading(strict, slashed)
