"""Run a command with a search server: ES_URL when given, else a local one started here.

    .venv/bin/python .ci/with_search_server.py [--data-dir DIR] -- COMMAND [ARGS...]

Without ES_URL, starts noida-db (a local server speaking the Elasticsearch 8 REST API)
on a free port with its data in DIR, exports ES_URL to the command, and stops the
server afterwards — but only a server it started: one already running in DIR is used
and left running.
"""

import argparse
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

NOIDA = Path(sys.executable).parent / "noida-db"
URL = re.compile(r"elasticsearch\s+(http://\S+)")


def _noida(*args):
    # The binary warns about two optional glibc symbols on older systems: not an error.
    result = subprocess.run([str(NOIDA), *args], capture_output=True, text=True)
    noise = [line for line in result.stderr.splitlines() if "GLIBC" not in line]
    return result.returncode, result.stdout, "\n".join(noise)


def _running_url(data_dir):
    code, out, _ = _noida("status", "--data-dir", data_dir)
    match = URL.search(out)
    return match.group(1) if code == 0 and match else None


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait(url, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.1)
    return False


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", default=".noida-db/default")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = [c for c in args.command if c != "--"] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give a command to run")
    if os.environ.get("ES_URL"):
        os.execvp(command[0], command)
    data_dir = str(Path(args.data_dir).resolve())
    Path(data_dir).mkdir(parents=True, exist_ok=True)
    url = _running_url(data_dir)
    started = url is None
    if started:
        code, out, err = _noida(
            "up", "--only", "elasticsearch", "--host", "127.0.0.1",
            "--elasticsearch-port", str(_free_port()), "--data-dir", data_dir,
        )  # fmt: skip
        match = URL.search(out)
        if code != 0 or not match:
            sys.exit(f"Could not start the local search server (noida-db): {err or out}")
        url = match.group(1)
    if not _wait(url):
        sys.exit(f"The local search server at {url} does not answer; see {data_dir}/noida.log")
    print(f"Search server: {url} ({'started here' if started else 'already running'})")
    env = {**os.environ, "ES_URL": url}
    child = subprocess.Popen(command, env=env)
    # A TERM (make, a supervisor) stops the command first, then the server below.
    signal.signal(signal.SIGTERM, lambda signum, frame: child.send_signal(signum))
    try:
        while True:
            try:
                status = child.wait()
                break
            except KeyboardInterrupt:
                # Ctrl-C reaches the child too (same process group); wait for it to end.
                child.send_signal(signal.SIGINT)
    finally:
        if started:
            _noida("down", "--data-dir", data_dir)
    sys.exit(status)


if __name__ == "__main__":
    main()
