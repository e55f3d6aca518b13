"""axe-core in Chromium: the WCAG 2.2 AA problems of the page a test has open."""

from pathlib import Path

AXE = Path(__file__).parent / "axe" / "axe.min.js"
SEVERE = ("critical", "serious")


def axe_problems(page, impacts=SEVERE):
    """Run axe-core on ``page`` and return its violations of ``impacts``, one line each.

    The script is evaluated through the DevTools protocol, which the page's
    Content-Security-Policy does not govern (a <script> tag would be refused).
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},"
        " resultTypes: ['violations']})"
    )
    return [
        f"{v['impact']} {v['id']}: {[n['target'] for n in v['nodes'][:5]]} "
        f"{v['nodes'][0].get('failureSummary', '')[:300]}"
        for v in result["violations"]
        if v["impact"] in impacts
    ]


def page_width(page):
    """Return how wide the page is drawn, in CSS pixels (more than the screen: it scrolls)."""
    return page.evaluate("document.documentElement.scrollWidth")
