"""Drop the markup from cooperatives' stories already stored (marketplace.sanitize).

Stories are shown as plain text; the profile and application forms now drop markup a
cooperative pastes in, and this does the same for what was saved before.
"""

from django.db import migrations

from marketplace.sanitize import html_text

FIELDS = ["story", "story_en"]


def stories_without_markup(apps, schema_editor):
    Cooperative = apps.get_model("partner", "Cooperative")
    changed = []
    for cooperative in Cooperative.objects.only("pk", *FIELDS).iterator(chunk_size=500):
        dirty = False
        for name in FIELDS:
            value = getattr(cooperative, name)
            if value and html_text(value) != value:
                setattr(cooperative, name, html_text(value))
                dirty = True
        if dirty:
            changed.append(cooperative)
    Cooperative.objects.bulk_update(changed, FIELDS, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("partner", "0009_cooperative_approved_at_and_more"),
    ]

    operations = [
        migrations.RunPython(stories_without_markup, migrations.RunPython.noop, elidable=True),
    ]
