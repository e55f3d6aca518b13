import datetime
import multiprocessing

from marketplace.analytics.buffer import FileBuffer
from traceability.scans import FileScanBuffer


def test_file_buffer_counts_views_per_product_and_keeps_signed_in_views():
    buffer = FileBuffer()
    buffer.add(7, None)
    buffer.add(7, 3)
    buffer.add(9, None)

    views, user_views = buffer.drain()

    assert views == {7: 2, 9: 1}
    assert user_views == [(3, 7)]


def test_draining_the_buffer_empties_it():
    buffer = FileBuffer()
    buffer.add(1, None)
    buffer.drain()

    assert buffer.drain() == ({}, [])


def test_an_empty_buffer_drains_to_nothing_without_making_its_folder(settings, tmp_path):
    settings.ANALYTICS_SPOOL_DIR = tmp_path / "never-used"

    assert FileBuffer().drain() == ({}, [])
    assert FileScanBuffer().drain() == []
    assert not (tmp_path / "never-used").exists()


def _view_from_another_process():
    FileBuffer().add(5, 8)


def test_what_one_process_buffers_another_drains():
    """The web server buffers, the Celery worker (another process) drains."""
    web = multiprocessing.get_context("fork").Process(target=_view_from_another_process)
    web.start()
    web.join()

    assert web.exitcode == 0
    assert FileBuffer().drain() == ({5: 1}, [(8, 5)])


def test_the_spool_folder_is_read_at_each_call(settings, tmp_path):
    buffer = FileBuffer()
    settings.ANALYTICS_SPOOL_DIR = tmp_path / "first"
    buffer.add(1, None)
    settings.ANALYTICS_SPOOL_DIR = tmp_path / "second"
    buffer.add(2, None)

    assert buffer.drain() == ({2: 1}, [])
    settings.ANALYTICS_SPOOL_DIR = tmp_path / "first"
    assert buffer.drain() == ({1: 1}, [])


def test_a_malformed_line_is_skipped_and_the_rest_counted(settings):
    buffer = FileBuffer()
    buffer.add(4, None)
    spool = settings.ANALYTICS_SPOOL_DIR / "product_views.spool"
    with open(spool, "a") as file:
        file.write("4\tnot-a-user\n12")  # then a line cut short by a crash, no newline
    buffer.add(4, 2)

    assert buffer.drain() == ({4: 2}, [(2, 4)])  # "12" did not swallow the next line


def test_file_scan_buffer_keeps_every_field_and_the_exact_time():
    buffer = FileScanBuffer()
    when = datetime.datetime(2026, 11, 3, 8, 15, 42, 123457, tzinfo=datetime.UTC)
    buffer.add(3, "Cốc Cốc", when, "a" * 16, "b" * 16)
    buffer.add(3, "Zalo", when)

    assert buffer.drain() == [
        (3, "Cốc Cốc", when, "a" * 16, "b" * 16),
        (3, "Zalo", when, "", ""),
    ]
    assert buffer.drain() == []
