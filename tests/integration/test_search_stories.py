"""Published CMS stories are found by search, in the visitor's language."""

import json

import pytest
from django.urls import reverse

from tests import cms_pages, search_data

pytestmark = pytest.mark.django_db

BODY = json.dumps([{"type": "text", "value": "<p>Những đồi chè shan tuyết cổ thụ trên núi.</p>"}])


@pytest.fixture
def story(search_server, home_page, django_capture_on_commit_callbacks):
    search_data.catalogue()
    index = cms_pages.story_index(home_page)
    with django_capture_on_commit_callbacks(execute=True):
        page = cms_pages.story(index, title="Người giữ đồi chè Tân Cương",
                               intro="Ba thế hệ làm chè.", body=BODY)  # fmt: skip
    search_server.rebuild()
    return page


def test_a_published_story_is_found_without_diacritics(client, story):
    response = client.get(reverse("search:search"), {"q": "shan tuyet"})
    assert [s["title"] for s in response.context["stories"]] == ["Người giữ đồi chè Tân Cương"]
    assert response.context["stories"][0]["url"] == story.get_url()
    assert "Câu chuyện liên quan" in response.content.decode()


def test_stories_appear_among_suggestions(client, story):
    data = client.get(reverse("search:suggest"), {"q": "doi che"}).json()
    assert data["stories"] == [{"title": "Người giữ đồi chè Tân Cương", "url": story.get_url()}]


def test_an_unpublished_story_leaves_the_results(client, story, search_server,
                                                 django_capture_on_commit_callbacks):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        story.unpublish()
    search_server.refresh()
    response = client.get(reverse("search:search"), {"q": "shan tuyet"})
    assert response.context["stories"] == []


def test_a_new_story_is_found_once_published(client, story, search_server,
                                             django_capture_on_commit_callbacks):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        cms_pages.story(story.get_parent(), title="Mật ong rừng Tam Đảo", slug="mat-ong-tam-dao")
    search_server.refresh()
    data = client.get(reverse("search:suggest"), {"q": "tam dao"}).json()
    assert [s["title"] for s in data["stories"]] == ["Mật ong rừng Tam Đảo"]


def test_stories_are_searched_in_the_visitors_language(client, story):
    english = cms_pages.translate(story, title="The keeper of the Tân Cương tea hills")
    from search.indexing import index_rebuild

    index_rebuild()
    response = client.get("/en" + reverse("search:search"), {"q": "tea hills"})
    assert [s["title"] for s in response.context["stories"]] == [english.title]
