"""The `forumparse` command: pages in, JSON out."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__
from .api import parse_thread
from .archive import is_archive, parse_archive
from .errors import ForumParseError
from .serialize import to_dict

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


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
    p.add_argument("--adapter", metavar="NAME", help="force an adapter instead of detection")
    p.add_argument("--url", help="the page's URL, when the page does not say")
    p.add_argument("--list-adapters", action="store_true", help="list the registered adapters and exit")
    p.add_argument("-v", "--verbose", action="store_true", help="show tracebacks of unexpected errors")
    p.add_argument("--version", action="version", version=f"forumparse {__version__}")
    return p


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
        return _run(args, out)
    except BrokenPipeError:
        # the reader went away (e.g. `| head`): stop quietly, and keep Python from
        # complaining when it flushes stdout at exit
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def _run(args, out) -> int:
    inputs = list(_expand(args.files or ["-"]))
    jsonl = args.jsonl or len(inputs) > 1 or any(is_archive(p) for p in inputs if p != "-")
    failed = 0
    for name in inputs:
        for label, thread, error in _parse_input(name, args):
            if error is not None:
                failed += 1
                print(f"forumparse: {label}: {error}", file=sys.stderr)
                continue
            data = to_dict(thread)
            if jsonl:
                out.write(json.dumps(data, ensure_ascii=False) + "\n")
            else:
                indent = 2 if args.indent is None else args.indent
                out.write(json.dumps(data, ensure_ascii=False, indent=indent) + "\n")
            out.flush()
    return EXIT_FAILED if failed else EXIT_OK


def _expand(names):
    """Folders stand for the files under them (sorted, hidden files skipped)."""
    for name in names:
        path = Path(name)
        if name != "-" and path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield str(child)
        else:
            yield name


def _parse_input(name: str, args):
    """(label, thread, error) for each page in one input: a file, stdin, or an archive's records."""
    options = {"adapter": args.adapter, "url": args.url}
    try:
        if name != "-" and is_archive(name):
            for result in parse_archive(name, **options):
                yield f"{name}#{result.uri}", result.thread, result.error
            return
        source = _stdin_bytes() if name == "-" else Path(name)
        yield name, parse_thread(source, **options), None
    except ForumParseError as exc:
        yield name, None, exc
    except Exception as exc:  # an unforeseen bug: one line, a traceback only when asked
        if args.verbose:
            import traceback

            traceback.print_exc()
        yield name, None, f"internal error: {type(exc).__name__}: {exc}"


def _stdin_bytes() -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is not None:
        return stream.read()
    data = sys.stdin.read()
    return data.encode("utf-8") if isinstance(data, str) else data


__all__ = ["main"]
