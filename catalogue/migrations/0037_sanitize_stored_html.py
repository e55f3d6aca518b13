"""Clean the HTML already stored in descriptions to the allow-list (marketplace.sanitize).

Product descriptions and rich-text attribute values were stored as sent before the
sanitiser existed (and category texts as staff typed them); new ones are cleaned when
saved. Text without markup comes out unchanged except that ``<``, ``>`` and ``&`` are
written as entities, which the page shows as the same characters.
"""

from django.db import migrations

from marketplace.sanitize import html_clean

FIELDS = {
    "Product": ["description"],
    "Category": ["description", "long_description"],
    "ProductAttributeValue": ["value_richtext"],
}


def sanitize_stored_html(apps, schema_editor):
    for model_name, fields in FIELDS.items():
        model = apps.get_model("catalogue", model_name)
        changed = []
        for row in model.objects.only("pk", *fields).iterator(chunk_size=500):
            dirty = False
            for name in fields:
                value = getattr(row, name)
                if value and html_clean(value) != value:
                    setattr(row, name, html_clean(value))
                    dirty = True
            if dirty:
                changed.append(row)
        model.objects.bulk_update(changed, fields, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0036_product_shipping_weight"),
    ]

    operations = [
        migrations.RunPython(sanitize_stored_html, migrations.RunPython.noop, elidable=True),
    ]
