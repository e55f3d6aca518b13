"""Counting scans of a batch's QR code without keeping anything personal."""

import re

from traceability.models import ScanLog

# Crawlers, link previews (chat apps fetch a link to draw its card) and scripts: not scans.
_BOT = re.compile(
    r"bot|crawl|spider|slurp|preview|facebookexternalhit|embedly|curl|wget|python|"
    r"java/|go-http|okhttp|headless|lighthouse|pingdom|monitor",
    re.IGNORECASE,
)
# In-app browsers first: Zalo and Facebook embed Chrome or Safari and say so too.
_FAMILIES = (
    ("Zalo", "Zalo"),
    ("FBAN", "Facebook"),
    ("FBAV", "Facebook"),
    ("Instagram", "Instagram"),
    ("SamsungBrowser", "Samsung Internet"),
    ("coc_coc_browser", "Cốc Cốc"),
    ("CocCoc", "Cốc Cốc"),
    ("Edg", "Edge"),
    ("OPR", "Opera"),
    ("Firefox", "Firefox"),
    ("FxiOS", "Firefox"),
    ("CriOS", "Chrome"),
    ("Chrome", "Chrome"),
    ("Safari", "Safari"),
)


def is_bot(user_agent):
    """Return True for crawlers, link previews, scripts and requests without a user agent."""
    return not user_agent or bool(_BOT.search(user_agent))


def user_agent_family(user_agent):
    """Return the browser family of ``user_agent`` ("Chrome", "Zalo"…), or "Khác"."""
    for marker, family in _FAMILIES:
        if marker in (user_agent or ""):
            return family
    return "Khác"


def scan_record(*, batch, user_agent):
    """Log one scan of ``batch`` (one INSERT), unless a bot made the request.

    Return True when a scan was logged.
    """
    if is_bot(user_agent):
        return False
    ScanLog.objects.create(batch=batch, client=user_agent_family(user_agent))
    return True
