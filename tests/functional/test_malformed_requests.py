"""Bad input gets a bilingual 404, 400 or 414 page, never a 500, and reaches no query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import trace_batch

pytestmark = pytest.mark.django_db

PHONE = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36"
GUARD = "marketplace.request_guard.MalformedRequestMiddleware"


def _get(client, path, query=""):
    return client.get(path, QUERY_STRING=query, HTTP_USER_AGENT=PHONE)


def _is_bad_request_page(response, status=400):
    page = response.content.decode()
    return (
        response.status_code == status
        and "Yêu cầu không hợp lệ" in page
        and "The address or the data sent was not valid." in page
    )


@pytest.mark.parametrize(
    "path",
    ["/t/%00/qr.svg", "/t/%00/qr.png", "/01/%00", "/01/08934567890120/10/A%00", "/t/AB%01CD/"],
)
def test_a_control_character_in_a_resolver_path_is_the_lot_not_found_page(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = _get(client, path)

    assert response.status_code == 404
    assert "Không tìm thấy lô hàng này" in response.content.decode()
    assert len(queries) == 0


@pytest.mark.parametrize("path", ["/shop/catalogue/%00/", "/%7F", "/cms-page%0A/", "/en/%1B"])
def test_a_control_character_in_any_other_path_is_the_site_not_found_page(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = _get(client, path)

    assert response.status_code == 404
    assert "Không tìm thấy trang này" in response.content.decode()
    assert len(queries) == 0


@pytest.mark.parametrize(
    "query", ["q=%00", "q=a%00b", "linkType=%1B", "q=\x00", "page=1&sort_by=%08"]
)
def test_a_control_character_in_the_query_is_a_bad_request(client, query):
    assert _is_bad_request_page(_get(client, "/shop/search/", query))


def test_a_tab_or_a_line_break_in_a_query_value_is_fine(client):
    assert _get(client, "/shop/search/", "q=m%E1%BA%ADt%09ong%0Ad%E1%BA%A7u").status_code == 200


@pytest.mark.parametrize("path", ["/", "/shop/search/", "/t/ABCDEFGH/", "/01/%FF"])
def test_more_query_parameters_than_django_allows_is_a_bad_request(client, path):
    query = "&".join(f"a{n}=1" for n in range(1001))

    assert _is_bad_request_page(_get(client, path, query))


def test_too_many_parameters_are_a_400_even_where_the_guard_does_not_run(client, settings):
    # The root cause: Django's 400 page ran Oscar's search-form context processor, which
    # read request.GET again and failed a second time, as a 500.
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != GUARD]
    query = "&".join("a=1" for _ in range(1001))

    assert _is_bad_request_page(_get(client, "/shop/search/", query))
    assert _is_bad_request_page(_get(client, "/no-such-page/", query))


def test_a_huge_query_value_is_414(client):
    assert _is_bad_request_page(_get(client, "/shop/search/", "q=" + "x" * 100_000), status=414)


def test_a_huge_path_is_414(client):
    assert _is_bad_request_page(_get(client, "/t/" + "A" * 9000 + "/"), status=414)


@pytest.mark.parametrize(
    ("path", "query"),
    [("/t/%FF%FE/", ""), ("/01/%C3/10/%E2%82", ""), ("/shop/search/", "q=%FF%C3%28"),
     ("/shop/search/suggest/", "q=%F0%9F%8D%AF%ED%A0%80")],
)  # fmt: skip
def test_broken_utf8_is_no_server_error(client, path, query):
    assert _get(client, path, query).status_code < 500


def test_the_qr_image_of_an_impossible_code_is_a_404_without_a_query(client):
    with CaptureQueriesContext(connection) as queries:
        response = _get(client, "/t/not-a-code!/qr.svg")

    assert response.status_code == 404
    assert not [q for q in queries.captured_queries if "traceability_batch" in q["sql"]]


def test_a_real_qr_image_is_still_served(client, cooperative):
    batch = trace_batch(cooperative=cooperative, kinds=["harvest"], photos_per_event=0)

    response = _get(client, f"/t/{batch.short_code.lower()}/qr.svg")

    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"


def test_the_sitemap_without_a_wagtail_site_is_a_404(client):
    from wagtail.models import Site

    Site.objects.all().delete()

    assert _get(client, "/sitemap.xml").status_code == 404
