"""The catalogue texts written in both languages (django-modeltranslation).

Each field below gets a ``_vi`` and an ``_en`` column; the field itself reads and writes
the active language's, and an English page falls back on the Vietnamese text
(``MODELTRANSLATION_FALLBACK_LANGUAGES``). Oscar's own code and templates keep using
``product.title`` and ``category.name`` unchanged.
"""

from modeltranslation.translator import TranslationOptions, register
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
ProductAttribute = get_model("catalogue", "ProductAttribute")


@register(Product)
class ProductTranslationOptions(TranslationOptions):
    fields = ("title", "description", "storage", "ingredients")


@register(Category)
class CategoryTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(ProductAttribute)
class ProductAttributeTranslationOptions(TranslationOptions):
    fields = ("name",)
