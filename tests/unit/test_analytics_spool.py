"""The spool file under concurrent writers and drainers, in separate processes."""

import multiprocessing

from marketplace.analytics.spool import spool_append, spool_drain

WRITERS = 4
LINES_PER_WRITER = 1500
DRAINERS = 2


def _write(path, writer):
    for n in range(LINES_PER_WRITER):
        spool_append(path, f"{writer}\t{n}\tCốc Cốc")


def _drain_until(path, stop, out):
    drained = []
    while not stop.is_set():
        drained.extend(spool_drain(path))
    drained.extend(spool_drain(path))
    out.write_text("\n".join(drained), encoding="utf-8")


def test_concurrent_appends_and_drains_lose_no_line_and_read_none_twice(tmp_path):
    path = tmp_path / "spool" / "scans.spool"
    spool_append(path, "first")  # makes the folder
    context = multiprocessing.get_context("fork")
    stop = context.Event()
    outputs = [tmp_path / f"drained-{n}.txt" for n in range(DRAINERS)]
    drainers = [context.Process(target=_drain_until, args=(path, stop, out)) for out in outputs]
    writers = [context.Process(target=_write, args=(path, n)) for n in range(WRITERS)]
    for process in drainers + writers:
        process.start()
    for process in writers:
        process.join(timeout=120)
    stop.set()
    for process in drainers:
        process.join(timeout=120)

    assert [p.exitcode for p in drainers + writers] == [0] * (DRAINERS + WRITERS)
    lines = [line for out in outputs for line in out.read_text(encoding="utf-8").split("\n")]
    lines = [line for line in lines if line] + spool_drain(path)
    expected = ["first"] + [
        f"{w}\t{n}\tCốc Cốc" for w in range(WRITERS) for n in range(LINES_PER_WRITER)
    ]
    assert len(lines) == len(expected)  # none read twice
    assert sorted(lines) == sorted(expected)  # none lost, none torn
    assert spool_drain(path) == []


def test_each_writer_keeps_its_own_order(tmp_path):
    path = tmp_path / "views.spool"
    for n in range(5):
        spool_append(path, str(n))

    assert spool_drain(path) == ["0", "1", "2", "3", "4"]


def test_a_newline_in_a_line_cannot_split_it(tmp_path):
    path = tmp_path / "views.spool"
    spool_append(path, "one\ntwo")

    assert spool_drain(path) == ["one two"]
