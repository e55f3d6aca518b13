"""A spool file: lines appended by any process on this machine, drained by one at a time.

Without Redis the web server, the Celery worker and beat are separate processes: what the
web server buffers (product views, QR scans) must reach the worker that writes it to the
database. Each kind of record has one file under ``ANALYTICS_SPOOL_DIR``. Every append and
every drain holds an exclusive ``flock`` on the file, so a drain (read everything, then
truncate) sees each appended line exactly once: a line written during a drain waits for the
lock and lands in the emptied file, for the next drain. The lock is taken on a fresh open
of the file each time, so it also keeps threads of one process apart, and forked processes
share nothing.

The folder is read from the settings at every call (not cached), so that tests can point
it at their own temporary folder.
"""

import fcntl
import os
from pathlib import Path

from django.conf import settings


def spool_path(name):
    """Return the path of the spool file ``name`` under ANALYTICS_SPOOL_DIR."""
    return Path(settings.ANALYTICS_SPOOL_DIR) / f"{name}.spool"


def spool_append(path, line):
    """Append ``line`` (a str without a newline) to the spool file at ``path``.

    The folder is made on first use.
    """
    data = (line.replace("\n", " ") + "\n").encode()
    flags = os.O_RDWR | os.O_APPEND | os.O_CREAT
    try:
        fd = os.open(path, flags, 0o660)
    except FileNotFoundError:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, flags, 0o660)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        size = os.fstat(fd).st_size
        if size and os.pread(fd, 1, size - 1) != b"\n":
            # A writer died mid-line: end its fragment so that it cannot swallow this line.
            data = b"\n" + data
        # One write of the whole line: with O_APPEND it lands at the end as the drain left it.
        os.write(fd, data)
    finally:
        os.close(fd)  # closing releases the lock


def spool_drain(path):
    """Return the lines of the spool file at ``path`` and empty it, in one locked step."""
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return []  # nothing was ever spooled here
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        os.ftruncate(fd, 0)
    finally:
        os.close(fd)
    text = b"".join(chunks).decode(errors="replace")
    return [line for line in text.split("\n") if line]
