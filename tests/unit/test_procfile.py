"""The process runner behind `make run` and `make serve` (marketplace/procfile.py), run for
real on tiny shell commands."""

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from marketplace.procfile import ProcfileError, procfile_parse, shell_script

ROOT = Path(__file__).resolve().parents[2]


def runner(*arguments):
    return [sys.executable, "-m", "marketplace.procfile", *arguments]


def run(*arguments, env=None, timeout=30):
    return subprocess.run(
        runner(*arguments), cwd=ROOT, env={**os.environ, **(env or {})},
        capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip


def lines(output):
    """Return the ``(name, text)`` of each line the runner printed (names are padded)."""
    printed = (line.partition(" | ") for line in output.splitlines())
    return [(name.strip(), text) for name, _, text in printed]


def group_gone(pgid):
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return True
    return False


def test_each_line_is_prefixed_with_the_name_of_its_command():
    result = run("a=echo one; echo two >&2; sleep 5", "longer=sleep 0.3; echo three")

    assert result.returncode == 0
    printed = result.stdout.splitlines()
    assert "a      | one" in printed  # padded to the longest name
    assert "a      | two" in printed  # standard error too
    assert "longer | three" in printed
    assert any(line.startswith("system | a started (pid ") for line in printed)


def test_when_one_command_exits_the_others_are_stopped_and_its_exit_code_is_kept():
    started = time.monotonic()
    result = run("failing=sleep 0.5; exit 3", "slow=echo group $$; sleep 30")

    assert result.returncode == 3
    assert time.monotonic() - started < 10
    assert ("system", "failing exited with code 3; stopping the others") in lines(result.stdout)
    pgid = int(re.search(r"slow +\| group (\d+)", result.stdout).group(1))
    assert group_gone(pgid)  # the shell and its sleep: nothing left running


def test_a_command_that_ignores_sigterm_is_killed_after_the_grace_period():
    started = time.monotonic()
    result = run(
        "--grace", "1", "stubborn=trap '' TERM; echo group $$; while :; do sleep 0.1; done",
        "quick=sleep 0.5",
    )  # fmt: skip

    assert result.returncode == 0  # quick's exit code
    assert 1 <= time.monotonic() - started < 10
    assert ("system", "stubborn still running after 1 s: killed") in lines(result.stdout)
    assert group_gone(int(re.search(r"group (\d+)", result.stdout).group(1)))


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_is_passed_on_to_every_command_and_stops_them_all(signum):
    process = subprocess.Popen(
        runner(
            "catcher=trap 'echo caught; exit 0' TERM INT; echo ready; while :; do sleep 0.1; done",
            "sleeper=exec sleep 30",
        ),
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    for line in process.stdout:
        if "catcher | ready" in line:
            break
    process.send_signal(signum)
    output = process.stdout.read()

    assert process.wait(timeout=15) == 0  # a stop asked for, and every command stopped
    assert f"{signal.Signals(signum).name} received; stopping everything" in output
    assert "catcher | caught" in output
    assert "system  | all stopped; exit code 0" in output


def test_a_procfile_is_read_and_its_variables_expanded_by_the_shell(tmp_path):
    procfile = tmp_path / "Procfile"
    procfile.write_text("# the web server\n\nweb: echo port ${TEST_PROCFILE_PORT:-8000}\n")

    assert "web    | port 8000" in run("--procfile", str(procfile)).stdout
    with_port = run("--procfile", str(procfile), env={"TEST_PROCFILE_PORT": "9001"})
    assert "web    | port 9001" in with_port.stdout


def test_the_projects_procfile_runs_gunicorn_the_worker_and_beat():
    commands = dict(procfile_parse((ROOT / "Procfile").read_text()))

    assert sorted(commands) == ["beat", "web", "worker"]
    assert commands["web"].startswith("gunicorn marketplace.wsgi --bind 0.0.0.0:${PORT:-8000}")
    assert "--workers ${WEB_CONCURRENCY:-3}" in commands["web"]
    assert "--concurrency ${WORKER_CONCURRENCY:-2}" in commands["worker"]
    assert commands["beat"] == "celery -A marketplace beat -l info"


def test_bad_input_is_a_message_not_a_traceback(tmp_path):
    procfile = tmp_path / "Procfile"
    procfile.write_text("web gunicorn\n")

    for arguments in (["--procfile", str(procfile)], ["no-equals-sign"], ["a=true", "a=true"], []):
        result = run(*arguments)
        assert result.returncode == 2
        assert "error:" in result.stderr
        assert "Traceback" not in result.stderr


def test_a_line_without_a_name_is_refused():
    with pytest.raises(ProcfileError, match="line 2"):
        procfile_parse("web: gunicorn\n: nothing\n")


def test_simple_commands_are_execed_so_that_signals_reach_the_program_itself():
    assert shell_script("celery -A marketplace worker") == (
        "exec celery -A marketplace worker", True
    )  # fmt: skip
    assert shell_script("LANG=vi PORT=1 gunicorn x") == ("LANG=vi PORT=1 exec gunicorn x", True)
    # Scripts stay scripts: a signal then goes to their whole process group.
    assert shell_script("migrate && serve") == ("migrate && serve", False)
    assert shell_script("echo hi; sleep 1") == ("echo hi; sleep 1", False)
    assert shell_script('NAME="a b" serve') == ('NAME="a b" serve', False)
