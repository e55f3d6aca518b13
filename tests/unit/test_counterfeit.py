"""The rules that say a lot's QR code looks copied: too many phones for its size, or a burst.

They count distinct clients and networks, never requests (traceability.counterfeit).
"""

import datetime
from types import SimpleNamespace

from traceability.counterfeit import (
    BURST_CLIENTS,
    CLIENTS_PER_PLACE,
    MIN_PLACES,
    PLAUSIBLE_CLIENTS_PER_ITEM,
    ScanCounts,
    busiest_window,
    scan_flags,
)

LOT = SimpleNamespace(quantity=500)  # only the size is read: no database
QUIET = ScanCounts(scans=3, clients=3, places=3)


def test_a_lot_scanned_by_up_to_three_phones_per_item_looks_genuine():
    overall = ScanCounts(scans=4000, clients=PLAUSIBLE_CLIENTS_PER_ITEM * 500, places=200)

    flags = scan_flags(batch=LOT, overall=overall, windows=[QUIET])

    assert not flags.too_many and not flags.burst and not flags.looks_copied
    assert flags.plausible_clients == 1500


def test_one_phone_more_than_the_lot_allows_looks_copied():
    flags = scan_flags(batch=LOT, overall=ScanCounts(1501, 1501, 200), windows=[])

    assert flags.too_many and not flags.burst and flags.looks_copied


def test_many_scans_by_few_phones_are_not_too_many():
    flags = scan_flags(batch=LOT, overall=ScanCounts(scans=100_000, clients=40, places=30),
                       windows=[])  # fmt: skip

    assert not flags.looks_copied


def test_a_burst_of_phones_looks_copied_even_in_a_lightly_scanned_lot():
    burst = ScanCounts(BURST_CLIENTS + 1, BURST_CLIENTS + 1, MIN_PLACES + 1)

    flags = scan_flags(batch=LOT, overall=ScanCounts(60, 60, 20), windows=[QUIET, burst])

    assert flags.burst and not flags.too_many and flags.looks_copied
    assert flags.busiest == burst


def test_exactly_the_burst_threshold_is_not_a_burst():
    window = ScanCounts(BURST_CLIENTS, BURST_CLIENTS, 10)

    assert not scan_flags(batch=LOT, overall=ScanCounts(), windows=[window]).burst


def test_one_network_never_raises_a_flag_whatever_it_sends():
    # One address rotating its user agent: thousands of "clients", one place.
    one_place = ScanCounts(scans=5000, clients=5000, places=1)
    tiny_lot = SimpleNamespace(quantity=1)

    flags = scan_flags(batch=tiny_lot, overall=one_place, windows=[one_place])

    assert not flags.too_many and not flags.burst


def test_a_network_counts_for_at_most_its_share_of_clients():
    # Rotating user agents from MIN_PLACES addresses: the counted clients are capped.
    few_places = ScanCounts(scans=900, clients=900, places=MIN_PLACES)

    assert few_places.counted_clients == CLIENTS_PER_PLACE * MIN_PLACES <= BURST_CLIENTS
    assert not scan_flags(batch=LOT, overall=ScanCounts(), windows=[few_places]).burst


def test_no_window_counts_means_no_burst():
    assert not scan_flags(batch=LOT, overall=ScanCounts(), windows=[]).looks_copied


def _rows(start, scans):
    """``scans`` maps a minute offset to [(client, place, requests), ...]."""
    return [
        (start + datetime.timedelta(minutes=minute), client, place, n)
        for minute, rows in scans.items()
        for client, place, n in rows
    ]


def test_the_busiest_window_counts_a_burst_across_clock_aligned_buckets():
    start = datetime.datetime(2026, 11, 22, 9, 7, tzinfo=datetime.UTC)
    # 20 phones at 9:07–9:09 and 20 at 9:11–9:13: one 10-minute burst of 40 across 9:10.
    rows = _rows(start, {m: [(f"c{m}-{i}", f"p{i % 5}", 1) for i in range(5)] for m in (0, 1, 2)})
    rows += _rows(start, {4: [(f"d{i}", "p9", 1) for i in range(5)]})
    rows += _rows(start, {m: [(f"e{m}-{i}", f"q{i}", 2) for i in range(5)] for m in (5, 6, 7)})

    busiest = busiest_window(rows)

    assert (busiest.clients, busiest.scans) == (35, 50)
    assert busiest.places == 11


def test_a_phone_scanning_in_many_minutes_of_a_window_counts_once():
    start = datetime.datetime(2026, 11, 22, 9, 0, tzinfo=datetime.UTC)
    rows = _rows(start, {m: [("same-phone", "home", 20)] for m in range(10)})

    assert busiest_window(rows) == ScanCounts(scans=200, clients=1, places=1)


def test_scans_further_apart_than_the_window_are_not_added_up():
    start = datetime.datetime(2026, 11, 22, 9, 0, tzinfo=datetime.UTC)
    twenty = {m: [(f"c{m}-{i}", f"p{i}", 1) for i in range(20)] for m in (0, 10, 25)}
    rows = _rows(start, twenty)

    assert busiest_window(rows).clients == 20
    assert busiest_window(rows, minutes=11).clients == 40


def test_no_scans_have_an_empty_busiest_window():
    assert busiest_window([]) == ScanCounts()
