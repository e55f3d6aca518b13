"""The Nu HTML Checker (vnu, the W3C validator) on pages a test has rendered.

`make test` installs it (.ci/browser-deps: the npm package vnu-jar, into .vnu/); it runs
on Java 17 or later.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

VNU_JAR = Path(__file__).resolve().parents[2] / ".vnu/node_modules/vnu-jar/build/dist/vnu.jar"


def vnu_command():
    """Return the command that starts the checker, or skip (fail under CI) without it."""
    java = shutil.which("java")
    if java and VNU_JAR.is_file():
        return [java, "-Xss2m", "-jar", str(VNU_JAR)]
    missing = "Java 17" if not java else f"the Nu HTML Checker ({VNU_JAR})"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{missing} is missing: make test installs it (.ci/browser-deps).")
    pytest.skip(f"{missing} is missing: `make browser-deps` installs it")


def vnu_messages(pages, folder, *, errors_only=True):
    """Check ``pages`` ({name: html}) in one run; return {name: [message, ...]}.

    One Java start for all the pages: the JVM takes seconds to warm up. Each message
    reads ``line N: text «extract»``.
    """
    files = {}
    for n, (name, html) in enumerate(pages.items()):
        path = Path(folder) / f"page-{n}.html"
        path.write_text(html, encoding="utf-8")
        files[path.resolve().as_uri()] = name
    options = ["--format", "json", "--exit-zero-always"]
    if errors_only:
        options.append("--errors-only")
    run = subprocess.run(
        [*vnu_command(), *options, *(Path(uri[len("file://") :]) for uri in files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    try:
        report = json.loads(run.stderr)
    except ValueError as error:
        raise AssertionError(f"vnu did not answer in JSON: {run.stderr[:2000]}") from error
    found = {name: [] for name in pages}
    for message in report["messages"]:
        name = files.get(_as_uri(message.get("url", "")), message.get("url", "?"))
        extract = " ".join(message.get("extract", "").split())
        found.setdefault(name, []).append(
            f"{message['type']} line {message.get('lastLine', '?')}: {message['message']}"
            f" «{extract[:160]}»"
        )
    return found


def _as_uri(url):
    """Return vnu's ``file:/x`` as ``file:///x``, the form Path.as_uri() gives."""
    if url.startswith("file:") and not url.startswith("file://"):
        return "file://" + url[len("file:") :]
    return url
