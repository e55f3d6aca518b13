"""The shop's stylesheet and icon fonts, cut down to what the shop's pages use.

Oscar's storefront stylesheet (``oscar/css/styles.css``: Bootstrap 4 and Font Awesome 7,
283 KB) and its icon font (``fa-solid-900.woff2``, 112 KB) are sent with every shop page,
for a few hundred rules and some twenty icons. ``build`` (``manage.py build_shop_assets``)
writes ``static/css/shop.css``: the rules whose every class and id appears in a word of
the shop's templates, Python code or scripts (Bootstrap's and Oscar's scripts included,
so classes they add at run time stay), and the icon fonts with only those icons' glyphs.

A template that starts using a class the stylesheet lacks needs the build run again;
``tests/unit/test_shop_assets.py`` fails until it is (the files are committed).
"""

import re
from pathlib import Path

import tinycss2
from django.conf import settings

STATIC = Path(settings.BASE_DIR) / "static"
CSS_OUT = STATIC / "css" / "shop.css"
FONTS_OUT = STATIC / "fonts"
_WORD = re.compile(r"[A-Za-z_][\w-]*")
# A class made from a prefix and a value ("alert-{{ tag }}", f"badge-{kind}", 'is-' + state):
# every class with that prefix counts as used.
_PREFIX = re.compile(r"\b([A-Za-z][\w-]*-)(?:\{|\$\{|['\"]\s*\+)")
_SELECTOR_NAMES = re.compile(r"[.#](-?[_a-zA-Z][\w-]*)")
# An icon's glyph, as the parser gives it back: the character itself ("\f058" → U+F058).
_ICON = re.compile(r'(--fa:\s*)"([^"]+)"')
_FONT_URL = re.compile(r'url\("\.\./webfonts/([\w-]+)\.woff2"\)')


def _oscar():
    import oscar

    return Path(oscar.__file__).parent


def sources():
    """Return the files whose words may name a class on a shop page."""
    oscar = _oscar()
    base = Path(settings.BASE_DIR)
    found = [
        *(base / "templates").rglob("*.html"),
        *(oscar / "templates" / "oscar").rglob("*.html"),
        *(STATIC / "js").glob("*.js"),
        oscar / "static" / "oscar" / "js" / "oscar" / "ui.js",
        oscar / "static" / "oscar" / "js" / "bootstrap4" / "bootstrap.bundle.js",
    ]
    for app in ("marketplace", "catalogue", "search", "cms", "traceability"):
        found += (base / app).rglob("*.py")
    found += (oscar / "apps").rglob("*.py")
    found += (oscar / "templatetags").rglob("*.py")
    found += (oscar / "forms").rglob("*.py")
    # The staff dashboard has its own stylesheet (oscar/css/dashboard.css).
    return sorted(p for p in found if "dashboard" not in p.parts and "migrations" not in p.parts)


class Words:
    """The words of the shop's sources, and the prefixes of the classes they compose."""

    def __init__(self, paths):
        self.words, prefixes = set(), set()
        for path in paths:
            text = path.read_text(encoding="utf-8", errors="replace")
            self.words.update(_WORD.findall(text))
            prefixes.update(_PREFIX.findall(text))
        self.prefixes = tuple(sorted(prefixes))

    def __contains__(self, name):
        return name in self.words or name.startswith(self.prefixes)


def _selector_kept(selector, words):
    # A class inside :not() needs no element: the selector matches where it is absent.
    positive = re.sub(r":not\([^()]*\)", "", selector)
    return all(name in words for name in _SELECTOR_NAMES.findall(positive))


def _purge(rules, words):
    """Return the CSS text of ``rules`` without the selectors that name an unused class."""
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s.strip() for s in tinycss2.serialize(rule.prelude).split(",")]
            kept = [s for s in selectors if _selector_kept(s, words)]
            if kept:
                out.append(f"{','.join(kept)}{{{tinycss2.serialize(rule.content).strip()}}}")
        elif rule.type == "at-rule":
            name = rule.lower_at_keyword
            prelude = tinycss2.serialize(rule.prelude).strip()
            if name in ("media", "supports"):
                inner = _purge(tinycss2.parse_rule_list(rule.content, True, True), words)
                if inner:
                    out.append(f"@{name} {prelude}{{{inner}}}")
            elif name == "charset":
                continue  # the file is UTF-8 and says so first
            else:  # @font-face, @keyframes, @page: kept as they are, checked below
                body = tinycss2.serialize(rule.content or []).strip()
                out.append(f"@{name} {prelude}{{{body}}}".replace("@font-face {", "@font-face{"))
    return "".join(out)


def _drop_unused_keyframes(css):
    """Remove @keyframes that no kept rule animates with."""

    def keep(match):
        return match.group(0) if css.count(match.group(1)) > 1 else ""

    return re.sub(r"@keyframes ([\w-]+)\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", keep, css)


def build(*, out_css=CSS_OUT, out_fonts=FONTS_OUT):
    """Write the shop's stylesheet and icon fonts; return {path: size in bytes}."""
    from fontTools import subset

    styles = (_oscar() / "static" / "oscar" / "css" / "styles.css").read_text(encoding="utf-8")
    words = Words(sources())
    rules = tinycss2.parse_stylesheet(styles, skip_comments=True, skip_whitespace=True)
    css = _drop_unused_keyframes(_purge(rules, words))
    codepoints = sorted({ord(char) for _name, text in _ICON.findall(css) for char in text})
    out_fonts.mkdir(parents=True, exist_ok=True)
    written = {}
    for font in sorted(set(_FONT_URL.findall(css))):
        target = out_fonts / f"{font}.shop.woff2"
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = []
        options.name_IDs = []
        options.notdef_outline = True
        font_file = _oscar() / "static" / "oscar" / "webfonts" / f"{font}.woff2"
        loaded = subset.load_font(str(font_file), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=codepoints)
        subsetter.subset(loaded)
        loaded.recalcTimestamp = False  # the same bytes from the same sources
        subset.save_font(loaded, str(target), options)
        written[target] = target.stat().st_size
    css = _FONT_URL.sub(lambda m: f'url("../fonts/{m.group(1)}.shop.woff2")', css)
    # The glyphs written as escapes again, as in the source.
    css = _ICON.sub(
        lambda m: (
            m.group(1)
            + '"'
            + "".join(c if c.isascii() else f"\\{ord(c):x}" for c in m.group(2))
            + '"'
        ),
        css,
    )
    header = (
        '@charset "UTF-8";\n/* Built by `manage.py build_shop_assets` from Oscar\'s styles.css '
        "(Bootstrap v4.6.2, MIT; Font Awesome Free 7, icons CC BY 4.0, fonts OFL 1.1): only "
        "the rules the shop's pages use. Do not edit: edit static/css/marketplace.css. */\n"
    )
    out_css.write_text(header + css + "\n", encoding="utf-8")
    written[out_css] = out_css.stat().st_size
    return written
