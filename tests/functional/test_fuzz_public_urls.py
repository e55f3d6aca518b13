"""Fuzzing the public addresses: whatever a phone, a crawler or an attacker sends, no 5xx.

Hypothesis generates the input (derandomized: the same examples on every run, so CI is
deterministic), for the GS1 Digital Link resolver, the short links and their QR images,
search and its suggestions, the public API, and every public URL pattern of the URL
configuration (all but the dashboards and admin sites), filled with NUL bytes and other
control characters, broken UTF-8 percent-escapes, emoji, huge values and many parameters.
Search runs on the database listing (ES_URL is blank in tests).
"""

import re
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import trace_batch

pytestmark = pytest.mark.django_db

PHONE = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36"
PRIVATE = ("shop/dashboard/", "cms/", "django-admin/")
GTIN = "8934567890120"
LOT = "CM-2026-11"

FUZZ = settings(
    derandomize=True,
    deadline=None,
    max_examples=15,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# What a damaged, copied or hostile QR code or link may carry, as raw text.
_hostile_text = st.text(
    alphabet=st.one_of(
        st.sampled_from("\x00\x01\x08\x0a\x0d\x1b\x7f/%?#&=;+ .-_~'\"<>\\"),
        st.sampled_from("ăâđêôơưÀẠảẽỹ🍯🧧👍🏽\u200b\ufeff\u202e"),
        st.characters(codec="utf-8"),
    ),
    max_size=40,
)
# Percent-escapes that decode to no valid UTF-8 (lone continuation bytes, truncated
# sequences, surrogates, overlong forms).
_broken_escape = st.sampled_from(
    ["%FF", "%C3", "%E2%82", "%ED%A0%80", "%C0%AF", "%F0%9F%8D", "%80", "%", "%G0", "%0"]
)
# Control characters, as escapes: what a NUL-byte probe sends.
_control_escape = st.sampled_from(["%00", "%01", "%08", "%1B", "%7F", "%0A", "%0D%0A", "%09"])
_huge = st.sampled_from(["x" * 100_000, "🍯" * 3000, "\x00" * 2000, "A" * 1500]).map(
    lambda value: quote(value, safe="")
)


@st.composite
def _segment(draw):
    """One path segment or query value, percent-encoded as a request line carries it."""
    parts = draw(st.lists(st.one_of(_hostile_text.map(lambda t: quote(t, safe="")),
                                    _broken_escape, _control_escape), max_size=4))  # fmt: skip
    return "".join(parts)


_value = st.one_of(_segment(), _huge, st.just(""))
_two_segments = st.builds("{}/{}".format, _segment(), _segment())  # a lot code with a slash


@st.composite
def _query(draw, names=()):
    """A query string: known parameter names and fuzzed ones, sometimes very many."""
    name = st.one_of(st.sampled_from(names), _segment()) if names else _segment()
    pairs = draw(st.lists(st.tuples(name, _value), max_size=6))
    query = "&".join(f"{key}={value}" for key, value in pairs)
    if draw(st.integers(0, 9)) == 0:
        query += "&" + "&".join(f"p{n}=1" for n in range(draw(st.sampled_from([999, 1001]))))
    return query


_ACCEPTS = ["", "*/*", "text/html", "application/linkset+json", "application/ld+json",
            "application/json;q=0.5, text/html;q=0.9", "text/html;q=abc", ";;;,,,",
            "*/*;q=1;q=2"]  # fmt: skip
_accept = st.one_of(
    st.sampled_from(_ACCEPTS),
    st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=80),
)


def _get(client, path, query="", accept=""):
    response = client.get(path, QUERY_STRING=query, HTTP_ACCEPT=accept, HTTP_USER_AGENT=PHONE)
    assert response.status_code < 500, (path, query[:200], accept)
    return response


@pytest.fixture
def batch(cooperative):
    return trace_batch(cooperative=cooperative, upc=GTIN, lot_code=LOT, kinds=["harvest"],
                       photos_per_event=0)  # fmt: skip


@FUZZ
@given(
    gtin=st.one_of(st.just("0" + GTIN), st.just(GTIN), _control_escape, _segment()),
    lot=st.one_of(st.just(LOT), _control_escape, _segment(), _two_segments),
    query=_query(names=("linkType", "context", "lang", "linkType")),
    accept=_accept,
)
def test_the_digital_link_resolver_never_fails(batch, gtin, lot, query, accept):
    client = Client()
    for path in (
        f"/01/{gtin}/10/{lot}",
        f"/01/{gtin}/10/{lot}/",
        f"/01/{gtin}",
        f"/01/{gtin}/",
        f"/01/{gtin}/10/{lot}/21/{lot}",
    ):
        _get(client, path, query, accept)


@FUZZ
@given(
    code=st.one_of(st.just("real"), st.just("real-lower"), _control_escape, _segment(), _huge),
    query=_query(names=("linkType", "size")),
    accept=_accept,
)
def test_the_short_links_and_their_qr_images_never_fail(batch, code, query, accept):
    code = {"real": batch.short_code, "real-lower": batch.short_code.lower()}.get(code, code)
    client = Client()
    for path in (
        f"/t/{code}",
        f"/t/{code}/",
        f"/t/{code}/qr.png",
        f"/t/{code}/qr.svg",
        f"/t/{code}/qr.{code[:5]}",
    ):
        _get(client, path, query, accept)


SEARCH_PARAMS = ("q", "page", "sort_by", "category", "province", "stars", "cooperative",
                 "cert", "price", "in_stock", "selected_facets")  # fmt: skip


@FUZZ
@given(
    endpoint=st.sampled_from(["/shop/search/", "/shop/search/suggest/", "/en/shop/search/"]),
    query=_query(names=SEARCH_PARAMS),
)
def test_search_and_its_suggestions_never_fail(batch, endpoint, query):
    _get(Client(), endpoint, query)


API_PARAMS = ("q", "page", "page_size", "category", "cooperative", "province", "min_stars",
              "in_stock", "lang", "format")  # fmt: skip
API_ENDPOINTS = ["/api/v1/products/", "/api/v1/search/", "/api/v1/categories/",
                 "/api/v1/cooperatives/", "/api/v1/products/{pk}/lots/", "/api/v1/lots/{code}/",
                 "/api/v1/lots/{query}/"]  # fmt: skip


@settings(FUZZ, max_examples=60)
@given(
    endpoint=st.sampled_from(API_ENDPOINTS),
    query=_query(names=API_PARAMS),
    accept=_accept,
)
def test_the_public_api_never_fails(batch, endpoint, query, accept):
    path = endpoint.format(pk=batch.product_id, code=batch.short_code, query=quote(query[:40]))
    response = _get(Client(), path, query, accept)
    # Errors are JSON, or the browsable API's page for a client asking for HTML.
    if response.status_code >= 400 and not response["Content-Type"].startswith("text/html"):
        assert response["Content-Type"] == "application/json", (path, query[:200], accept)


def _public_patterns(patterns=None, prefix=()):
    """Yield (description, [regex, ...]) for every URL pattern outside the private areas."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        chain = (*prefix, entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _public_patterns(entry.url_patterns, chain)
        elif isinstance(entry, URLPattern):
            description = "".join(str(p) for p in chain).replace("^", "").replace("$", "")
            if not description.startswith(PRIVATE):
                yield description, [p.regex.pattern for p in chain]


PUBLIC_PATTERNS = sorted(dict(_public_patterns()).items())


def test_the_url_configuration_yields_the_public_patterns():
    described = [description for description, _ in PUBLIC_PATTERNS]

    assert any(d.startswith("t/") for d in described)
    assert any(d.startswith("shop/search/") for d in described)
    assert any(d.startswith("shop/catalogue/") for d in described)
    assert len(described) > 50
    assert not [d for d in described if d.startswith(PRIVATE)]


def _filled(regex):
    """Text matching one pattern's regex, its arguments fuzzed by Hypothesis."""
    regex = regex.removesuffix(r"\Z")
    return st.from_regex(re.compile(regex if regex.startswith("^") else "^" + regex),
                         fullmatch=True)  # fmt: skip


@pytest.mark.parametrize(
    "regexes", [regexes for _, regexes in PUBLIC_PATTERNS], ids=[d for d, _ in PUBLIC_PATTERNS]
)
@settings(FUZZ, max_examples=3)
@given(data=st.data(), query=_query(), accept=_accept)
def test_every_public_url_pattern_never_fails(regexes, data, query, accept):
    path = "".join(data.draw(_filled(regex)) for regex in regexes)
    path = "/" + quote(path, safe="/")
    if data.draw(st.booleans()):  # and the same address with a broken escape in it
        path += data.draw(_broken_escape)
    _get(Client(), path, query, accept)
