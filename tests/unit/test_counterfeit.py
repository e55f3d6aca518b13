"""The rules that say a lot's QR code looks copied: too many scans for its size, or a burst."""

import datetime
from types import SimpleNamespace

from traceability.counterfeit import (
    BURST_SCANS,
    PLAUSIBLE_SCANS_PER_ITEM,
    busiest_window,
    scan_flags,
)

LOT = SimpleNamespace(quantity=500)  # only the size is read: no database


def test_a_lot_scanned_up_to_three_times_per_item_looks_genuine():
    flags = scan_flags(batch=LOT, scan_count=PLAUSIBLE_SCANS_PER_ITEM * 500, recent_counts=[3])

    assert not flags.too_many and not flags.burst and not flags.looks_copied
    assert flags.plausible_scans == 1500


def test_one_scan_more_than_the_lot_allows_looks_copied():
    flags = scan_flags(batch=LOT, scan_count=1501, recent_counts=[0])

    assert flags.too_many and not flags.burst and flags.looks_copied


def test_a_burst_of_scans_looks_copied_even_in_a_lightly_scanned_lot():
    flags = scan_flags(batch=LOT, scan_count=60, recent_counts=[2, BURST_SCANS + 1])

    assert flags.burst and not flags.too_many and flags.looks_copied
    assert flags.busiest_window == BURST_SCANS + 1


def test_exactly_the_burst_threshold_is_not_a_burst():
    assert not scan_flags(batch=LOT, scan_count=60, recent_counts=[BURST_SCANS]).burst


def test_no_window_counts_means_no_burst():
    assert not scan_flags(batch=LOT, scan_count=0, recent_counts=[]).looks_copied


def _minutes(start, counts):
    return {start + datetime.timedelta(minutes=m): n for m, n in counts.items()}


def test_the_busiest_window_counts_a_burst_across_clock_aligned_buckets():
    start = datetime.datetime(2026, 11, 22, 9, 7)
    # 20 scans at 9:07–9:09 and 20 at 9:11–9:13: one 10-minute burst across 9:10.
    minute_counts = _minutes(start, {0: 5, 1: 5, 2: 10, 4: 10, 5: 5, 6: 5})

    assert busiest_window(minute_counts) == 40


def test_scans_further_apart_than_the_window_are_not_added_up():
    start = datetime.datetime(2026, 11, 22, 9, 0)
    minute_counts = _minutes(start, {0: 20, 10: 20, 25: 20})

    assert busiest_window(minute_counts) == 20
    assert busiest_window(minute_counts, minutes=11) == 40


def test_no_scans_have_an_empty_busiest_window():
    assert busiest_window({}) == 0
