"""Run several named commands together, as one service: the web server, the worker, beat.

    python -m marketplace.procfile --procfile Procfile
    python -m marketplace.procfile web="manage.py runserver" worker="celery -A marketplace worker"

Each command runs under ``sh -c`` (so ``${PORT:-8000}`` expands) in its own process
group, and every line it prints comes out prefixed with its name (``web    | ...``).
SIGINT (Ctrl-C) and SIGTERM are passed on to every command, as SIGTERM: the stop signal of
servers. When any one of them ends, on its own or after a signal, the others are asked to
stop (SIGTERM), killed (SIGKILL) if still running after ``--grace`` seconds, and the
runner exits with the exit code of the one that ended first: a crashed worker stops the
whole service, for the supervisor (systemd, a container runtime) to restart it. A stop
asked for by a signal exits 0 when every command stopped cleanly.

A simple command (no ``;``, ``&&``, pipes, redirections or subshells) is ``exec``-ed by
the shell, and a signal goes to that program alone: Celery's worker then stops its pool
itself, finishing the tasks in hand (a signal to the whole group would kill the pool
processes under it). Whatever a command leaves behind in its process group is stopped
too, so nothing outlives the runner.

It needs only the standard library and never sets Django up: the commands do that.
"""

import argparse
import ctypes
import os
import re
import signal
import subprocess
import sys
import threading
import time

# Honcho's and foreman's Procfile format: "name: command", "#" comments.
PROCFILE_LINE = re.compile(r"^([A-Za-z0-9_-]+)\s*:\s*(.+)$")
NAME = re.compile(r"^[A-Za-z0-9_-]+$")
# A command with any of these is a shell script, not one program to exec.
SHELL_SYNTAX = re.compile(r"[;&|<>()`\n]")
# Leading "NAME=value " assignments (unquoted values) stay before the exec.
ASSIGNMENTS = re.compile(r"^((?:[A-Za-z_][A-Za-z0-9_]*=[^\s'\"]*\s+)*)(.*)$", re.DOTALL)
SYSTEM = "system"
POLL_SECONDS = 0.1
PR_SET_CHILD_SUBREAPER = 36  # linux/prctl.h


class ProcfileError(ValueError):
    """A Procfile or a command argument the runner cannot use."""


def procfile_parse(text):
    """Return the ``[(name, command)]`` of a Procfile's text, in order."""
    commands = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = PROCFILE_LINE.match(line)
        if not match:
            raise ProcfileError(f"line {number}: expected 'name: command', got {line!r}")
        commands.append((match.group(1), match.group(2).strip()))
    return commands


def arguments_parse(arguments):
    """Return the ``[(name, command)]`` of ``name=command`` arguments."""
    commands = []
    for argument in arguments:
        name, equals, command = argument.partition("=")
        if not equals or not NAME.match(name) or not command.strip():
            raise ProcfileError(f"expected name=command, got {argument!r}")
        commands.append((name, command.strip()))
    return commands


def shell_script(command):
    """Return ``(script for sh -c, whether the shell execs one program)``."""
    assignments, program = ASSIGNMENTS.match(command).groups()
    first = program.split()[0] if program.split() else ""
    if SHELL_SYNTAX.search(command) or "=" in first or first in ("", "exec"):
        return command, first == "exec" and not SHELL_SYNTAX.search(command)
    return f"{assignments}exec {program}", True


class Process:
    """One named command in its own process group, its output copied line by line."""

    def __init__(self, name, command):
        self.name, self.command = name, command
        self.script, self.execs = shell_script(command)
        self.popen = None
        self.reader = None

    def start(self, output):
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}  # lines as they are printed, not in blocks
        self.popen = subprocess.Popen(
            ["sh", "-c", self.script], env=env, stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        output.system(f"{self.name} started (pid {self.pid}): {self.command}")
        self.reader = threading.Thread(target=output.copy, args=(self,), daemon=True)
        self.reader.start()

    @property
    def pid(self):
        return self.popen.pid

    def poll(self):
        return self.popen.poll()

    def signal_main(self, signum):
        """Send ``signum`` to the program (exec-ed), else to the script's whole group."""
        if not self.execs:
            return self.signal_group(signum)
        try:
            self.popen.send_signal(signum)
        except ProcessLookupError:
            pass

    def signal_group(self, signum):
        """Send ``signum`` to the command's whole process group (the shell and its children)."""
        try:
            os.killpg(self.popen.pid, signum)
        except (ProcessLookupError, PermissionError):
            pass  # the group is gone (a group of zombies may refuse some signals)

    def group_alive(self):
        """Whether anything of the command still runs: the shell, or a child it left."""
        if self.popen.poll() is None:
            return True
        try:
            # Orphans of the group are ours (a subreaper): collect those that ended, so that
            # a zombie does not count as running.
            while os.waitpid(-self.popen.pid, os.WNOHANG)[0]:
                pass
        except ChildProcessError:
            pass
        try:
            os.killpg(self.popen.pid, 0)
        except (ProcessLookupError, PermissionError):
            return False
        return True


class Output:
    """Write each command's lines to one stream, prefixed with its name, whole lines only."""

    def __init__(self, names, stream=None):
        self.width = max(len(name) for name in [*names, SYSTEM])
        self.stream = stream or sys.stdout.buffer
        self.lock = threading.Lock()

    def line(self, name, data):
        prefix = f"{name:<{self.width}} | ".encode()
        with self.lock:
            self.stream.write(prefix + data.rstrip(b"\r\n") + b"\n")
            self.stream.flush()

    def system(self, message):
        self.line(SYSTEM, message.encode())

    def copy(self, process):
        for data in iter(process.popen.stdout.readline, b""):
            self.line(process.name, data)
        process.popen.stdout.close()


def subreaper_become():
    """Adopt the processes our commands leave behind (Linux): they are stopped and
    collected here instead of becoming init's, even when the runner is a container's
    first process."""
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # then orphans go to init, and are still stopped with their group


def exit_code(returncode):
    """The shell's convention: a process killed by signal N exits 128 + N."""
    return 128 - returncode if returncode < 0 else returncode


class Runner:
    def __init__(self, commands, *, grace=30.0, stream=None):
        names = [name for name, _ in commands]
        if not commands:
            raise ProcfileError("no commands to run")
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ProcfileError(f"names used twice: {', '.join(duplicates)}")
        self.processes = [Process(name, command) for name, command in commands]
        self.output = Output(names, stream)
        self.grace = grace
        self.requested = None  # the signal that asked everything to stop

    def _on_signal(self, signum, frame):
        # Only the first signal is passed on: a second Ctrl-C (the search server wrapper
        # sends one too) would turn Celery's warm shutdown into a cold one.
        if self.requested is None:
            self.requested = signum

    def run(self):
        """Start every command, wait for the first to end, stop the rest; return the code."""
        previous = {
            signum: signal.signal(signum, self._on_signal)
            for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
        }
        subreaper_become()
        try:
            for process in self.processes:
                process.start(self.output)
            first = self._wait_first()
            return self._stop(first)
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)

    def _wait_first(self):
        while self.requested is None:
            for process in self.processes:
                if process.poll() is not None:
                    return process
            time.sleep(POLL_SECONDS)
        return None

    def _stop(self, first):
        if first is not None:
            code = exit_code(first.poll())
            self.output.system(f"{first.name} exited with code {code}; stopping the others")
            signum = signal.SIGTERM
        else:
            # Whatever the signal, each command is asked to stop with SIGTERM, the stop signal
            # of servers (as foreman and honcho do): Celery's worker answers SIGINT with a
            # warm shutdown too, but then exits 1, as if it had failed.
            received, signum = signal.Signals(self.requested).name, signal.SIGTERM
            self.output.system(f"{received} received; stopping everything")
        for process in self.processes:
            process.signal_main(signum)
        deadline = time.monotonic() + self.grace
        swept = set()
        while any(p.group_alive() for p in self.processes) and time.monotonic() < deadline:
            for process in self.processes:
                # The program ended and left processes behind (the development server's
                # reloader leaves its child): stop those too.
                if process.poll() is not None and process.name not in swept:
                    swept.add(process.name)
                    process.signal_group(signal.SIGTERM)
            time.sleep(POLL_SECONDS)
        for process in self.processes:
            if process.group_alive():
                self.output.system(f"{process.name} still running after {self.grace:g} s: killed")
                process.signal_group(signal.SIGKILL)
        for process in self.processes:
            process.popen.wait()
            process.reader.join(timeout=1)  # the last lines it printed
            if process is not first:
                self.output.system(f"{process.name} exited with code {exit_code(process.poll())}")
        reaped_by = time.monotonic() + 1  # what SIGKILL ended, collected
        while any(p.group_alive() for p in self.processes) and time.monotonic() < reaped_by:
            time.sleep(POLL_SECONDS / 10)
        if first is None:
            # Stopped on request: clean when each ended by itself or by the signal it was sent.
            clean = all(p.poll() in (0, -signum, 128 + signum) for p in self.processes)
            code = 0 if clean else 1
        self.output.system(f"all stopped; exit code {code}")
        return code


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m marketplace.procfile",
        description="Run named commands together, prefix their output, stop all when one ends.",
    )
    parser.add_argument("--procfile", help="read 'name: command' lines from this file")
    parser.add_argument(
        "--grace", type=float, default=30.0,
        help="seconds between SIGTERM and SIGKILL when stopping (default 30)",
    )  # fmt: skip
    parser.add_argument("commands", nargs="*", metavar="name=command")
    args = parser.parse_intermixed_args(argv)
    try:
        commands = []
        if args.procfile:
            with open(args.procfile, encoding="utf-8") as procfile:
                commands += procfile_parse(procfile.read())
        commands += arguments_parse(args.commands)
        runner = Runner(commands, grace=args.grace)
    except (OSError, ProcfileError) as error:
        parser.error(str(error))
    return runner.run()


if __name__ == "__main__":
    sys.exit(main())
