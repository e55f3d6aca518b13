"""The feeds' files in the default storage (``feeds/google-vi.xml`` …), replaced whole.

A channel may fetch a feed while it is rebuilt: it must get the old file or the new one,
never half of one. On the file system (``FileSystemStorage``) the new file is written
beside the old one under a temporary name and renamed over it (atomic on one file
system). An object store (S3 and the like) replaces an object whole on upload.
"""

import datetime
import io
import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage

FEED_DIR = "feeds"
LANGUAGES = ("vi", "en")
FORMATS = {"xml": "application/xml; charset=utf-8", "csv": "text/csv; charset=utf-8"}
# Every feed, by the name in its address: google-vi.xml, google-vi.csv, google-en.xml, …
FEEDS = {
    f"google-{language}.{kind}": (language, kind) for language in LANGUAGES for kind in FORMATS
}


def storage_name(name):
    """Return the feed's name in the default storage: "feeds/google-vi.xml"."""
    return f"{FEED_DIR}/{name}"


def _local_path(storage, key):
    try:
        return Path(storage.path(key))
    except NotImplementedError:  # not on this machine's file system
        return None


@contextmanager
def feed_file(name):
    """Give a binary file to write feed ``name`` into; once the block ends without an
    error, the stored feed is replaced by it whole (on an error, the old one stays)."""
    storage, key = default_storage, storage_name(name)
    final = _local_path(storage, key)
    if final is None:
        with tempfile.TemporaryFile() as handle:
            yield handle
            handle.seek(0)
            if storage.get_available_name(key) != key:  # it would save beside the old one
                storage.delete(key)
            storage.save(key, File(handle, name=key))
        return
    final.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - renamed over the feed below
        dir=final.parent, prefix=f".{final.name}.", suffix=".tmp", delete=False
    )
    try:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())
        handle.close()
        # A temporary file is readable by its owner only; the web server may be another user.
        os.chmod(handle.name, storage.file_permissions_mode or 0o644)
        os.replace(handle.name, final)
    except BaseException:
        handle.close()
        Path(handle.name).unlink(missing_ok=True)
        raise


@dataclass
class StoredFeed:
    """An open stored feed: its file, size and when it was written."""

    file: File
    size: int
    modified: datetime.datetime

    @property
    def etag(self):
        """Return a validator that changes with every build (the time and the size)."""
        return f'"{int(self.modified.timestamp() * 1_000_000):x}-{self.size:x}"'


def feed_open(name):
    """Return the stored feed ``name``, open, or None when it has not been built yet."""
    storage, key = default_storage, storage_name(name)
    if _local_path(storage, key) is None and not storage.exists(key):
        return None
    try:
        handle = storage.open(key, "rb")
    except FileNotFoundError:
        return None
    try:
        # The size and time of the very file opened, even if a build replaces it now.
        stat = os.fstat(handle.fileno())
        size = stat.st_size
        modified = datetime.datetime.fromtimestamp(stat.st_mtime, tz=datetime.UTC)
    except (AttributeError, OSError, io.UnsupportedOperation):
        size, modified = storage.size(key), storage.get_modified_time(key)
    return StoredFeed(file=handle, size=size, modified=modified)
