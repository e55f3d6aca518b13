"""The cooperative's story in both languages (django-modeltranslation: ``story_vi``,
``story_en``; ``story`` reads the active language's)."""

from modeltranslation.translator import TranslationOptions, register

from marketplace.partner.models import Cooperative


@register(Cooperative)
class CooperativeTranslationOptions(TranslationOptions):
    fields = ("story",)
