"""Forget the thumbnails sorl-thumbnail 13 recorded: 12.x (Oscar 4.2's supported range)
cannot read its rows, and a page showing a picture would fail until ``manage.py thumbnail
clear``. The rows go, and their copies in sorl's cache (Redis in production). The thumbnail
files stay; each is recorded again the first time a page asks for it."""

from django.core.cache import InvalidCacheBackendError, cache, caches
from django.db import migrations


def thumbnail_store_clear(apps, schema_editor):
    from sorl.thumbnail.conf import settings as sorl_settings

    try:
        kv_cache = caches[sorl_settings.THUMBNAIL_CACHE]
    except InvalidCacheBackendError:
        kv_cache = cache  # as sorl's cached_db key-value store falls back
    rows = apps.get_model("thumbnail", "KVStore").objects.all()
    keys = list(rows.values_list("key", flat=True))
    for start in range(0, len(keys), 1000):
        kv_cache.delete_many(keys[start : start + 1000])
    rows.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0039_merge_revocation_and_translations"),
        ("thumbnail", "0001_initial"),
    ]

    operations = [migrations.RunPython(thumbnail_store_clear, migrations.RunPython.noop)]
