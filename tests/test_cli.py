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
    assert err_lines[1].count(str(missing)) == 1  # the file is named once, not by the CLI and the loader both
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


def variant(tmp_path, name, old, new):
    """The given thread with one shown text replaced."""
    text = GIVEN.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return str(path)


def first_timestamp(out):
    return json.loads(out)["posts"][0]["timestamp"]


def test_now_resolves_relative_dates(capsys, tmp_path):
    page = variant(tmp_path, "rel.txt", "\nFeb 6, 2011 7:33 AM", "\nYesterday 7:33 AM")
    code, out, _ = run(capsys, page)
    assert code == 0 and first_timestamp(out) is None  # no reference time: left unresolved
    code, out, _ = run(capsys, "--now", "2011-02-07T12:00", page)
    assert code == 0 and first_timestamp(out) == "2011-02-06T07:33:00"


def test_date_order_and_tz(capsys, tmp_path):
    page = variant(tmp_path, "num.txt", "\nFeb 6, 2011 7:33 AM", "\n06/02/2011 7:33 AM")
    assert first_timestamp(run(capsys, "--date-order", "dmy", page)[1]) == "2011-02-06T07:33:00"
    assert first_timestamp(run(capsys, "--date-order", "MDY", page)[1]) == "2011-06-02T07:33:00"
    assert first_timestamp(run(capsys, "--tz", "Europe/Paris", str(GIVEN))[1]) == "2011-02-06T07:33:00+01:00"


@pytest.mark.parametrize("argv", [["--now", "yesterday"], ["--tz", "Nowhere/Zone"], ["--date-order", "DDMM"],
                                  ["--jobs", "-1"], ["--jobs", "many"], ["-o", "/nonexistent-dir/x.jsonl"],
                                  ["-o", "same.jsonl", "--errors", "same.jsonl"]])
def test_bad_option_values_are_usage_errors(capsys, argv):
    code, out, err = run(capsys, *argv, str(GIVEN))
    assert code == 2 and out == ""
    assert "Traceback" not in err and argv[1] in err


def test_output_file_is_written_whole(capsys, tmp_path):
    target = tmp_path / "threads.jsonl"
    code, out, _ = run(capsys, "-o", str(target), str(GIVEN), str(GIVEN))
    assert code == 0 and out == ""
    assert [json.loads(line)["engine"] for line in target.read_text().splitlines()] == ["jive", "jive"]
    assert [p.name for p in tmp_path.iterdir()] == ["threads.jsonl"]  # no temporary file left


def test_interrupted_run_leaves_the_old_output(capsys, tmp_path, monkeypatch):
    import forumparse.cli as cli

    target = tmp_path / "threads.jsonl"
    target.write_text("old\n")
    real, seen = cli._work, []

    def interrupted(task, **kw):
        seen.append(task)
        if len(seen) == 2:
            raise KeyboardInterrupt
        return real(task, **kw)

    monkeypatch.setattr(cli, "_work", interrupted)
    code, _, _ = run(capsys, "-o", str(target), str(GIVEN), str(GIVEN))
    assert code == 130 and target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["threads.jsonl"]


def test_errors_file_lists_failed_inputs(capsys, tmp_path):
    bad = tmp_path / "empty.html"
    bad.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    errors = tmp_path / "errors.jsonl"
    code, out, err = run(capsys, "--errors", str(errors), str(bad), str(GIVEN), str(missing))
    assert code == 1 and len(out.splitlines()) == 1 and len(err.splitlines()) == 2
    rows = [json.loads(line) for line in errors.read_text().splitlines()]
    assert [r["input"] for r in rows] == [str(bad), str(missing)]
    assert [r["error"] for r in rows] == ["NotAThreadError", "InputError"]
    assert all(r["message"] for r in rows)


def test_batch_lines_name_their_input(capsys, tmp_path):
    crlf = str(FIXTURES / "jive" / "crlf.txt")
    code, out, _ = run(capsys, str(GIVEN), crlf)
    assert [json.loads(line)["source"] for line in out.splitlines()] == [{"path": str(GIVEN)}, {"path": crlf}]
    code, out, _ = run(capsys, str(GIVEN))
    assert "source" not in json.loads(out)  # one JSON document stays the bare Thread record


def test_progress_bar_only_on_stderr(capsys, tmp_path):
    missing = str(tmp_path / "missing.txt")
    code, out, err = run(capsys, "--progress", str(GIVEN), missing, str(GIVEN))
    assert code == 1 and "3/3" in err and f"forumparse: {missing}: " in err
    assert [json.loads(line)["engine"] for line in out.splitlines()] == ["jive", "jive"]  # errors stay off stdout
    code, out, err = run(capsys, str(GIVEN), str(GIVEN))  # stderr is no terminal here: no bar
    assert code == 0 and err == ""


def test_jobs_keep_input_order_and_errors(capsys, tmp_path):
    bad = tmp_path / "empty.html"
    bad.write_bytes(b"")
    crlf = str(FIXTURES / "jive" / "crlf.txt")
    argv = [str(GIVEN), str(bad), crlf, str(tmp_path / "missing.txt"), str(GIVEN)]
    serial = run(capsys, *argv)
    parallel = run(capsys, "--jobs", "2", *argv)
    assert serial[0] == parallel[0] == 1
    assert parallel[1] == serial[1] and len(serial[1].splitlines()) == 3
    assert parallel[2] == serial[2] and len(serial[2].splitlines()) == 2


def _dies_on_crash(task, **kw):
    """A worker that dies (as a crash in C code would) on inputs named crash*."""
    import os

    from forumparse import cli

    if "crash" in task.name:
        os._exit(1)
    return cli._real_work(task, **kw)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the test patches forked workers")
def test_a_dying_worker_costs_only_its_input(capsys, monkeypatch):
    import forumparse.cli as cli

    monkeypatch.setattr(cli, "_real_work", cli._work, raising=False)
    _dies_on_crash.__module__, _dies_on_crash.__qualname__ = "forumparse.cli", "_work"  # pickled by name
    monkeypatch.setattr(cli, "_work", _dies_on_crash)
    code, out, err = run(capsys, "--jobs", "2", str(GIVEN), "crash.txt", str(GIVEN), str(GIVEN))
    assert code == 1 and len(out.splitlines()) == 3
    assert err.count("\n") == 1 and "crash.txt" in err and "died" in err


def test_parallel_batch_streams(tmp_path):
    """An endless stream of inputs: outcomes come while only a bounded number is read ahead."""
    from functools import partial

    from forumparse import cli

    pulled = []

    def endless():
        while True:
            pulled.append(1)
            yield cli._Task(str(GIVEN))

    work = partial(cli._work, options={}, jsonl=True, indent=None, verbose=False)
    outcomes = cli._ordered(endless(), work, 2)
    first = [next(outcomes) for _ in range(3)]
    outcomes.close()
    assert all(json.loads(o.text)["source"] == {"path": str(GIVEN)} for o in first)
    assert len(pulled) <= 3 + 2 * 16


def test_json_lines_with_their_source_match_the_schema(capsys):
    from pathlib import Path

    import jsonschema

    schema = json.loads((Path(__file__).parent.parent / "docs" / "thread.schema.json").read_text(encoding="utf-8"))
    page = FIXTURES / "phpbb" / "subsilver2.html"
    code, out, _ = run(capsys, "--jsonl", str(GIVEN), str(page))
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [d["source"]["path"] for d in lines] == [str(GIVEN), str(page)]
    for data in lines:
        jsonschema.validate(data, schema)


def test_folder_skips_the_assets_a_saved_page_keeps_beside_it(capsys, tmp_path):
    (tmp_path / "thread.txt").write_bytes(GIVEN.read_bytes())
    assets = tmp_path / "thread_files"
    assets.mkdir()
    (assets / "style.css").write_text("body { color: red }")
    (assets / "app.js").write_text("var x = 1;")
    (assets / "logo.PNG").write_bytes(b"\x89PNG\r\n\x1a\n")
    (assets / "frame.htm").write_bytes(GIVEN.read_bytes())  # a page in there is still read
    code, out, err = run(capsys, str(tmp_path))
    assert code == 0 and err == ""
    assert len(out.splitlines()) == 2
    code, out, err = run(capsys, str(assets / "app.js"))  # named on its own: read, and it fails
    assert code != 0 and "app.js" in err
