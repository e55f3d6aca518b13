"""Signs that a batch's QR code was copied onto other packages: pure rules, no queries.

A genuine package is scanned by a few people in its life; a copied code printed on a
thousand fake packages is scanned by far more phones than the lot has items, and often
in bursts (a trader checking a pile of fakes at a market stall, or buyers comparing them).

The rules count *distinct clients* (one browser on one address, a keyed hash of both:
``traceability.scans``) and *distinct places* (the address's network, its IPv4 /24 or
IPv6 /48), never requests: one phone scanning a code 200 times is one client, so nobody
can brand a cooperative's lot as copied by reloading its page. Changing the user agent
from one address makes new clients but no new place, so:

- a flag needs clients from at least ``MIN_PLACES`` networks: one home, shop or attacker's
  line never raises it alone, whatever it sends;
- a network counts for at most ``CLIENTS_PER_PLACE`` clients on average (the counted
  clients are ``min(clients, CLIENTS_PER_PLACE × places)``): rotating user agents from
  two or three addresses does not add up to a burst either.

Callers count (see ``traceability.selectors``); the rules here only judge the counts.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

# A genuine item is scanned by the shop assistant who shelves it, the buyer, and the person
# who receives it as a gift (OCOP products are often Tết gifts): three phones an item is
# generous, so a lot scanned by more phones than that has more codes in circulation than items.
PLAUSIBLE_CLIENTS_PER_ITEM = 3
# Thirty different phones scanning one lot within ten minutes: no household or shop does
# that; people checking a stack of packages carrying the same copied code do.
BURST_CLIENTS = 30
BURST_MINUTES = 10
# Copied codes travel: their scans come from many networks (mobile carriers, shop Wi-Fi).
MIN_PLACES = 3
# A shop's Wi-Fi or a carrier's shared address may carry several phones, but not a crowd.
CLIENTS_PER_PLACE = 10


@dataclass(frozen=True)
class ScanCounts:
    """Scans of a lot (overall or within one window): requests, clients and places."""

    scans: int = 0
    clients: int = 0
    places: int = 0

    @property
    def counted_clients(self):
        """Return the clients the rules count: at most CLIENTS_PER_PLACE per place."""
        return min(self.clients, CLIENTS_PER_PLACE * self.places)

    @property
    def busyness(self):
        """Order windows by counted clients, then by scans."""
        return (self.counted_clients, self.scans)


@dataclass(frozen=True)
class ScanFlags:
    overall: ScanCounts
    busiest: ScanCounts  # the busiest BURST_MINUTES window
    plausible_clients: int
    too_many: bool
    burst: bool

    @property
    def looks_copied(self):
        return self.too_many or self.burst


def plausible_clients(quantity):
    """Return the most phones that scan a lot of ``quantity`` items without copied codes."""
    return PLAUSIBLE_CLIENTS_PER_ITEM * quantity


def scan_flags(*, batch, overall, windows):
    """Judge ``batch``'s scans: more phones than its size allows, or a burst of phones.

    ``overall`` counts every scan of the lot; ``windows`` are counts each within one
    BURST_MINUTES window (the last ten minutes on the public page, the busiest window of
    the month on the cooperative's page).
    """
    busiest = max(windows, key=lambda counts: counts.busyness, default=ScanCounts())
    limit = plausible_clients(batch.quantity)
    return ScanFlags(
        overall=overall,
        busiest=busiest,
        plausible_clients=limit,
        too_many=overall.places >= MIN_PLACES and overall.counted_clients > limit,
        burst=busiest.places >= MIN_PLACES and busiest.counted_clients > BURST_CLIENTS,
    )


def busiest_window(minute_rows, *, minutes=BURST_MINUTES):
    """Return the ScanCounts of the busiest ``minutes``-long window.

    ``minute_rows`` are ``(minute, client_key, place_key, scans)`` tuples, as one GROUP BY
    query returns them (the start of the minute, a datetime). A window covers ``minutes``
    consecutive minutes, so a burst straddling two clock-aligned buckets is counted whole,
    and a client seen in several of its minutes counts once.
    """
    span = datetime.timedelta(minutes=minutes)
    rows = sorted(minute_rows, key=lambda row: row[0])
    clients, places = Counter(), Counter()
    best, scans, start = ScanCounts(), 0, 0
    for moment, client_key, place_key, count in rows:
        clients[client_key] += 1
        places[place_key] += 1
        scans += count
        while moment - rows[start][0] >= span:
            _, old_client, old_place, old_count = rows[start]
            scans -= old_count
            for counter, key in ((clients, old_client), (places, old_place)):
                counter[key] -= 1
                if not counter[key]:
                    del counter[key]
            start += 1
        window = ScanCounts(scans=scans, clients=len(clients), places=len(places))
        if window.busyness > best.busyness:
            best = window
    return best
