"""/feeds/<name>: the product feeds (one address for all languages; the name says which)."""

from django.urls import path

from catalogue.feeds import views

urlpatterns = [path("<str:name>", views.feed, name="product-feed")]
