"""The English catalogue translates every project string, and the compiled file is current."""

import gettext
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = [
    ROOT / "locale" / "en" / "LC_MESSAGES",
    ROOT / "marketplace" / "oscar_locale" / "vi" / "LC_MESSAGES",
    ROOT / "marketplace" / "api" / "drf_locale" / "vi" / "LC_MESSAGES",
]


def _messages(folder):
    with open(folder / "django.po", "rb") as po:
        return [m for m in read_po(po) if m.id]


def test_every_project_string_has_an_english_translation_that_is_not_fuzzy():
    missing = [
        m.id for m in _messages(CATALOGUES[0])
        if m.fuzzy or not (all(m.string) if isinstance(m.string, tuple) else m.string)
    ]  # fmt: skip

    assert missing == []


def test_the_compiled_catalogues_match_their_sources():
    for folder in CATALOGUES:
        with open(folder / "django.mo", "rb") as mo:
            compiled = gettext.GNUTranslations(mo)
        for message in _messages(folder):
            if isinstance(message.id, tuple) or message.context:
                continue
            assert compiled.gettext(message.id) == message.string, (folder, message.id)
