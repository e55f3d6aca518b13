from django.conf import settings
from django.db import transaction
from wagtail.models import Collection, Locale, Page


@transaction.atomic
def page_tree_ensure():
    """Return Wagtail's root page, recreating the rows Wagtail's migrations make if gone.

    A database flush (``manage.py flush``, transactional tests) empties the tables but
    does not rerun data migrations: without this the CMS has no locale, no page tree and
    no root collection.
    """
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
