"""Build the four feeds (Vietnamese and English, XML and CSV) into the default storage."""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from catalogue.feeds.items import FeedItems
from catalogue.feeds.selectors import category_paths, feed_products
from catalogue.feeds.storage import FEEDS, LANGUAGES, feed_file, storage_name
from catalogue.feeds.writers import CsvFeedWriter, XmlFeedWriter
from marketplace.links import absolute_url

# Products read from the database at a time: the feeds of a large catalogue stream.
CHUNK_SIZE = 500


@dataclass
class FeedReport:
    """What one language's build wrote: its files, its items, the products left out."""

    language: str
    files: list
    items: int = 0
    skipped: dict = field(default_factory=dict)


def _language_home(language):
    return absolute_url("/" if language == settings.LANGUAGE_CODE else f"/{language}/")


def feed_language_build(language):
    """Write the XML and CSV feeds of ``language``; return their FeedReport."""
    names = {kind: name for name, (lang, kind) in FEEDS.items() if lang == language}
    with (
        translation.override(language),
        feed_file(names["xml"]) as xml_file,
        feed_file(names["csv"]) as csv_file,
    ):
        xml = XmlFeedWriter(
            xml_file, title=settings.OSCAR_SHOP_NAME, link=_language_home(language),
            description=_("Sản phẩm OCOP của các hợp tác xã Việt Nam"),
        )  # fmt: skip
        csv = CsvFeedWriter(csv_file)
        items = FeedItems(feed_products().iterator(chunk_size=CHUNK_SIZE), category_paths())
        count = 0
        for item in items:
            xml.write(item)
            csv.write(item)
            count += 1
        xml.close()
        csv.close()
    return FeedReport(
        language=language, files=[storage_name(names["xml"]), storage_name(names["csv"])],
        items=count, skipped=dict(items.skipped),
    )  # fmt: skip


def feeds_build():
    """Write every feed, each replacing the stored one whole; return their FeedReports."""
    return [feed_language_build(language) for language in LANGUAGES]
