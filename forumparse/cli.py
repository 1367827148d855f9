"""The `forumparse` command: pages in, JSON out.

Inputs become a stream of tasks (a file, stdin's bytes, or one archive record);
tasks are parsed in this process or in a pool of worker processes, and their
outcomes come back in input order, a bounded number in flight, so a crawl of
millions of pages streams through without being held in memory.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import deque
from contextlib import ExitStack, closing
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import NamedTuple

from . import __version__
from .api import parse_thread
from .archive import _ARCHIVE_NAME, ArchiveRecord, is_archive, iter_records, parse_record
from .errors import ForumParseError
from .serialize import to_dict

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
DATE_ORDERS = ("DMY", "MDY", "YMD")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="forumparse",
        description="Turn saved forum thread pages (HTML or text dumps) into JSON records.",
    )
    p.add_argument("files", nargs="*",
                   help="pages, folders of pages, or WARC/WET archives; '-' or nothing reads stdin")
    p.add_argument("--jsonl", action="store_true", help="one thread per line (JSON Lines)")
    p.add_argument("--indent", type=int, default=None, metavar="N",
                   help="indent JSON by N spaces (default: 2 for one file, compact for several)")
    p.add_argument("-o", "--output", metavar="PATH",
                   help="write the JSON there instead of stdout (whole or not at all)")
    p.add_argument("--errors", metavar="PATH",
                   help="write one JSON line {input, error, message} per failed input there")
    p.add_argument("--adapter", metavar="NAME", help="force an adapter instead of detection")
    p.add_argument("--url", help="the page's URL, when the page does not say")
    p.add_argument("--now", type=_iso_datetime, metavar="ISO",
                   help="the time relative dates ('2 hours ago') count from; without it they stay "
                        "unresolved unless the page carries its capture time")
    p.add_argument("--date-order", type=str.upper, choices=DATE_ORDERS, metavar="ORDER",
                   help="DMY, MDY or YMD: how to read all-numeric dates the page leaves ambiguous")
    p.add_argument("--tz", type=_zone, metavar="ZONE",
                   help="zone of times the page shows without one (e.g. Europe/Paris, UTC+2)")
    p.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                   help="parse in N worker processes (0: one per core; default 1)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="a progress bar on stderr (default: when stderr is a terminal and there are several inputs)")
    p.add_argument("--list-adapters", action="store_true", help="list the registered adapters and exit")
    p.add_argument("-v", "--verbose", action="store_true", help="show tracebacks of unexpected errors")
    p.add_argument("--version", action="version", version=f"forumparse {__version__}")
    return p


def _iso_datetime(text: str) -> datetime:
    try:  # Python 3.10 reads no "Z"
        return datetime.fromisoformat(text[:-1] + "+00:00" if text[-1:] in "Zz" and text else text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date and time: {text!r} (e.g. 2024-05-01T12:00)") from None


def _zone(text: str) -> str:
    from .dates import _tzinfo

    try:
        _tzinfo(text)
    except Exception:  # ZoneInfoNotFoundError, ValueError for names like "../x"
        raise argparse.ArgumentTypeError(f"unknown time zone: {text!r} (e.g. Europe/Paris, UTC, +02:00)") from None
    return text  # the name, not the zone object: it goes to worker processes


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"not a number of processes: {text!r}")
    if n == 0:  # the cores this process may use, which a container may limit below os.cpu_count()
        n = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return n


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    out = sys.stdout
    try:
        if args.list_adapters:
            from . import list_adapters

            for a in list_adapters():
                out.write(f"{a['name']:20s} {a['format']:5s} {a['description']}\n")
            return EXIT_OK
        return _run(args)
    except BrokenPipeError:
        # the reader went away (e.g. `| head`): stop quietly, and keep Python from
        # complaining when it flushes stdout at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except _UsageError as exc:
        print(f"forumparse: {exc}", file=sys.stderr)
        return EXIT_USAGE


class _UsageError(Exception):
    pass


class _Task(NamedTuple):
    """One page to parse: a file path, stdin's bytes, or an archive record (plain data: it pickles)."""

    name: str  # the input as given
    data: bytes | None = None
    record: ArchiveRecord | None = None
    error: tuple[str, str] | None = None  # (type, message) met while reading the input


class _Outcome(NamedTuple):
    source: dict  # {"path": ...} plus "uri" and "record_id" for an archive record
    text: str | None  # the JSON, ready to write
    error: str | None = None  # the error's type name
    message: str | None = None


def _run(args) -> int:
    if args.output and args.errors and Path(args.output).resolve() == Path(args.errors).resolve():
        raise _UsageError(f"-o and --errors name the same file: {args.output}")
    inputs = list(_expand(args.files or ["-"]))
    one_page = len(inputs) == 1 and (inputs[0] == "-" or not is_archive(inputs[0]))
    jsonl = args.jsonl or not one_page
    indent = None if jsonl else (2 if args.indent is None else args.indent)
    options = {"adapter": args.adapter, "url": args.url, "now": args.now, "date_order": args.date_order,
               "tz": args.tz}
    work = partial(_work, options=options, jsonl=jsonl, indent=indent, verbose=args.verbose)
    show = args.progress if args.progress is not None else (len(inputs) > 1 and sys.stderr.isatty())
    failed = 0
    with ExitStack() as stack:
        out = stack.enter_context(_Sink(args.output, sys.stdout))
        errors_out = stack.enter_context(_Sink(args.errors, None))
        bar = stack.enter_context(_progress(show, inputs))
        # tqdm.write keeps the bar whole; it writes to stdout unless told
        say = partial(bar.write, file=sys.stderr) if bar is not None else partial(print, file=sys.stderr)
        # closing: a pipe that breaks or a Ctrl-C stops the workers now, not when collected
        outcomes = stack.enter_context(closing(_ordered(_tasks(inputs), work, 1 if one_page else args.jobs)))
        for outcome in outcomes:
            if bar is not None:
                bar.update()
            if outcome.text is not None:
                out.write(outcome.text + "\n")
                if args.output is None:
                    out.flush()
                continue
            failed += 1
            src = outcome.source
            label = f"{src['path']}#{src['uri']}" if "uri" in src else src["path"]
            message = outcome.message.removeprefix(f"{src['path']}: ")  # the loader names the file too
            say(f"forumparse: {label}: {message}")
            if errors_out is not None:
                row = {"input": src["path"], **{k: v for k, v in src.items() if k != "path"},
                       "error": outcome.error, "message": outcome.message}
                errors_out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return EXIT_FAILED if failed else EXIT_OK


# What a browser's "Save page as (complete)" puts beside the page, in its "<page>_files" folder:
# never a thread page. A folder stands for its pages, so these are passed over (named, they are read).
_ASSET_SUFFIXES = frozenset({
    ".css", ".js", ".mjs", ".map", ".json", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".bmp", ".ico",
    ".svg", ".woff", ".woff2", ".ttf", ".otf", ".eot", ".mp3", ".mp4", ".webm", ".ogg", ".wav", ".pdf", ".swf",
})


def _expand(names):
    """Folders stand for the page files under them (sorted; hidden files and the images, style
    sheets and scripts a saved page keeps beside it skipped)."""
    for name in names:
        path = Path(name)
        if name != "-" and path.is_dir():
            for child in sorted(path.rglob("*")):
                if (child.is_file() and child.suffix.lower() not in _ASSET_SUFFIXES
                        and not any(part.startswith(".") for part in child.relative_to(path).parts)):
                    yield str(child)
        else:
            yield name


def _tasks(inputs):
    """The pages of every input, read lazily: archives are read record by record here."""
    for name in inputs:
        if name == "-":
            yield _Task(name, data=_stdin_bytes())
        elif is_archive(name):
            try:
                for record in iter_records(name):
                    yield _Task(name, record=record)
            except ForumParseError as exc:  # unreadable (from the start or part way)
                yield _Task(name, error=(type(exc).__name__, str(exc)))
        else:
            yield _Task(name)


def _work(task: _Task, *, options, jsonl, indent, verbose) -> _Outcome:
    """Parse one task into its JSON text or its error; never raises (it may run in a worker)."""
    source = {"path": task.name}
    if task.error is not None:
        return _Outcome(source, None, *task.error)
    try:
        if task.record is not None:
            source.update(uri=task.record.uri, record_id=task.record.record_id)
            result = parse_record(task.record, **options)
            if result.error is not None:
                return _Outcome(source, None, type(result.error).__name__, str(result.error))
            thread = result.thread
        else:
            thread = parse_thread(task.data if task.data is not None else Path(task.name), **options)
        data = to_dict(thread)
        if jsonl:  # a line of a batch says where it came from; one JSON document stays the bare record
            data["source"] = source
        return _Outcome(source, json.dumps(data, ensure_ascii=False, indent=indent))
    except ForumParseError as exc:
        return _Outcome(source, None, type(exc).__name__, str(exc))
    except Exception as exc:  # an unforeseen bug: one line, a traceback only when asked
        if verbose:
            import traceback

            traceback.print_exc()
        return _Outcome(source, None, type(exc).__name__, f"internal error: {type(exc).__name__}: {exc}")


def _ordered(tasks, work, jobs: int):
    """work(task) for every task, in task order; with jobs > 1 in worker processes, a bounded
    number of tasks in flight. A worker that dies (a crash in C code, out of memory) costs only
    its own task: the pool is started again and the other tasks go on."""
    if jobs <= 1:
        for task in tasks:
            yield work(task)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from .registry import all_adapters

    all_adapters()  # import every adapter once here, before the workers fork (0.4 s each otherwise)
    # fork: workers start at once with the adapters loaded (spawn would import everything again)
    context = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None

    def start():
        return ProcessPoolExecutor(jobs, mp_context=context, initializer=_ignore_sigint)

    pool = start()
    window: deque = deque()
    limit = jobs * 16  # enough to keep every worker busy, few enough to bound memory

    def head():
        nonlocal pool
        task, future = window.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            pool.shutdown(wait=False, cancel_futures=True)
            pool = start()
            try:  # alone, to know whether this task is the one that kills workers
                outcome = pool.submit(work, task).result()
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                pool = start()
                outcome = _Outcome({"path": task.name}, None, "WorkerDied",
                                   "the worker process parsing this input died")
                if task.record is not None:
                    outcome.source.update(uri=task.record.uri, record_id=task.record.record_id)
            for i, (other, _) in enumerate(window):
                window[i] = (other, pool.submit(work, other))
            return outcome

    try:
        for task in tasks:
            window.append((task, pool.submit(work, task)))
            if len(window) >= limit:
                yield head()
        while window:
            yield head()
    finally:
        pool.shutdown(wait=not window, cancel_futures=True)


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the main process, which stops the pool (no traceback per worker)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


class _Sink:
    """Where output goes: `fallback` (stdout) when no path is given, else the file at `path`,
    written to a temporary file beside it and renamed at the end, so an interrupted run never
    leaves a half file that looks complete. Devices and pipes (/dev/null) are written directly."""

    def __init__(self, path: str | None, fallback):
        self.path, self.fallback, self.tmp, self.fh = path, fallback, None, None

    def __enter__(self):
        if self.path is None:
            self.fh = self.fallback
            return self.fh
        import tempfile

        target = Path(self.path)
        try:
            if target.exists() and not target.is_file():
                self.fh = target.open("w", encoding="utf-8")
                return self.fh
            fd, self.tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
        except OSError as exc:
            raise _UsageError(f"cannot write {self.path}: {exc.strerror or exc}") from None
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self.tmp, 0o666 & ~umask)  # mkstemp makes 0600; a plain new file follows the umask
        self.fh = os.fdopen(fd, "w", encoding="utf-8")
        return self.fh

    def __exit__(self, kind, exc, tb):
        if self.path is None:
            return False
        try:
            self.fh.close()
        finally:
            if self.tmp is not None:
                if kind is None:
                    os.replace(self.tmp, self.path)
                else:
                    os.unlink(self.tmp)
        return False


class _progress:
    """A tqdm bar over the pages, or None."""

    def __init__(self, show: bool, inputs: list[str]):
        self.show, self.inputs, self.bar = show, inputs, None

    def __enter__(self):
        if not self.show:
            return None
        from tqdm import tqdm

        # an archive holds an unknown number of pages: then the bar only counts
        sized = not any(_ARCHIVE_NAME.search(name) for name in self.inputs)
        self.bar = tqdm(total=len(self.inputs) if sized else None, unit="page", file=sys.stderr,
                        dynamic_ncols=True)
        return self.bar

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.close()
        return False


def _stdin_bytes() -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is not None:
        return stream.read()
    data = sys.stdin.read()
    return data.encode("utf-8") if isinstance(data, str) else data


__all__ = ["main"]
