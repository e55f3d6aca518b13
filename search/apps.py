import oscar.apps.search.apps as apps
from django.urls import path
from oscar.core.loading import get_class


class SearchConfig(apps.SearchConfig):
    name = "search"

    def ready(self):
        super().ready()
        from search import receivers

        self.suggest_view = get_class("search.views", "SuggestView")
        receivers.connect()

    def get_urls(self):
        urls = super().get_urls()
        urls.append(path("suggest/", self.suggest_view.as_view(), name="suggest"))
        return urls
