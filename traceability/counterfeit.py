"""Signs that a batch's QR code was copied onto other packages: pure rules, no queries.

A genuine package is scanned a few times in its life; a copied code printed on a thousand
fake packages is scanned far more often than the lot has items, and often in bursts (a
trader checking a pile of fakes at a market stall, or a buyer comparing them). Callers
count the scans (see ``traceability.selectors``); the rules here only judge the counts.
"""

import datetime
from dataclasses import dataclass

# A genuine item is scanned by the shop assistant who shelves it, the buyer, and the person
# who receives it as a gift (OCOP products are often Tết gifts): three scans an item is
# generous, so a lot scanned more often than that has more codes in circulation than items.
PLAUSIBLE_SCANS_PER_ITEM = 3
# Thirty scans of one lot within ten minutes: no household or shop does that; someone
# checking a stack of packages carrying the same copied code does.
BURST_SCANS = 30
BURST_MINUTES = 10


@dataclass(frozen=True)
class ScanFlags:
    scan_count: int
    plausible_scans: int
    busiest_window: int  # the most scans counted in one BURST_MINUTES window
    too_many: bool
    burst: bool

    @property
    def looks_copied(self):
        return self.too_many or self.burst


def plausible_scans(quantity):
    """Return the most scans a lot of ``quantity`` items gets without copied codes."""
    return PLAUSIBLE_SCANS_PER_ITEM * quantity


def scan_flags(*, batch, scan_count, recent_counts):
    """Judge ``batch``'s scans: more than its size allows, or a burst in a short window.

    ``scan_count`` is every scan of the lot; ``recent_counts`` are scan counts each within
    one BURST_MINUTES window (the last ten minutes on the public page, the busiest windows
    of the month on the cooperative's page).
    """
    busiest = max(recent_counts, default=0)
    limit = plausible_scans(batch.quantity)
    return ScanFlags(
        scan_count=scan_count,
        plausible_scans=limit,
        busiest_window=busiest,
        too_many=scan_count > limit,
        burst=busiest > BURST_SCANS,
    )


def busiest_window(minute_counts, *, minutes=BURST_MINUTES):
    """Return the most scans within any ``minutes``-long window.

    ``minute_counts`` maps the start of each minute (a datetime) to that minute's scans, as
    one GROUP BY query returns them; a window covers ``minutes`` consecutive minutes, so a
    burst straddling two clock-aligned buckets is still counted whole.
    """
    span = datetime.timedelta(minutes=minutes)
    times = sorted(minute_counts)
    best = total = start = 0
    for moment in times:
        total += minute_counts[moment]
        while moment - times[start] >= span:
            total -= minute_counts[times[start]]
            start += 1
        best = max(best, total)
    return best
