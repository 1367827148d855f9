"""The `forumparse` command: JSON on stdout, one error line per failed file, exit codes."""
from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from conftest import FIXTURES

from forumparse.cli import main

GIVEN = FIXTURES / "jive" / "given-thread.txt"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_one_file_prints_json(capsys):
    code, out, err = run(capsys, str(GIVEN))
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["engine"] == "jive" and len(data["posts"]) == 3


def test_indent_option(capsys):
    code, out, _ = run(capsys, "--indent", "0", str(GIVEN))
    assert code == 0 and out.startswith("{\n\"title\"")


def test_several_files_give_json_lines(capsys):
    code, out, _ = run(capsys, str(GIVEN), str(FIXTURES / "jive" / "crlf.txt"))
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert all(json.loads(line)["engine"] == "jive" for line in lines)


def test_jsonl_flag_for_one_file(capsys):
    code, out, _ = run(capsys, "--jsonl", str(GIVEN))
    assert code == 0 and len(out.splitlines()) == 1


def test_bad_file_among_good_ones(capsys, tmp_path):
    bad = tmp_path / "empty.html"
    bad.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    code, out, err = run(capsys, str(GIVEN), str(bad), str(missing), str(GIVEN))
    assert code == 1
    assert len(out.splitlines()) == 2  # both good files are still in the output
    err_lines = err.splitlines()
    assert len(err_lines) == 2
    assert str(bad) in err_lines[0] and str(missing) in err_lines[1]
    assert "Traceback" not in err


def test_stdin(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GIVEN.read_bytes())))
    code, out, _ = run(capsys, "-")
    assert code == 0 and json.loads(out)["title"].startswith("Just signed up")


def test_forced_adapter_and_unknown_adapter(capsys):
    code, out, _ = run(capsys, "--adapter", "jive", str(GIVEN))
    assert code == 0 and json.loads(out)["engine"] == "jive"
    code, out, err = run(capsys, "--adapter", "nope", str(GIVEN))
    assert code == 1 and out == "" and "nope" in err


def test_list_adapters(capsys):
    code, out, _ = run(capsys, "--list-adapters")
    names = [line.split()[0] for line in out.splitlines()]
    assert code == 0 and {"jive", "generic-html", "generic-text"} <= set(names)


def test_usage_error_exits_2(capsys):
    code, _, err = run(capsys, "--no-such-option")
    assert code == 2 and "usage" in err


def test_python_dash_m_and_broken_pipe():
    proc = subprocess.run([sys.executable, "-m", "forumparse", str(GIVEN)], capture_output=True, timeout=60)
    assert proc.returncode == 0 and json.loads(proc.stdout)["engine"] == "jive"
    # a reader that goes away early (`| head -c 10`) gets no traceback from us
    pipe = subprocess.Popen([sys.executable, "-m", "forumparse", "--jsonl"] + [str(GIVEN)] * 200,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    pipe.stdout.read(10)
    pipe.stdout.close()
    err = pipe.stderr.read()
    pipe.wait(timeout=60)
    assert b"Traceback" not in err


@pytest.mark.parametrize("argv", [["--help"], ["--version"]])
def test_help_and_version_exit_0(capsys, argv):
    code, out, _ = run(capsys, *argv)
    assert code == 0 and "forumparse" in out
