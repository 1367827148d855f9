"""Where parse_thread spends its time, per corpus page, in units of one bare lxml parse.

    python benchmarks/phases.py [--corpus DIR] [--repeat N] [--page SUBSTRING ...]

Phases (fastest of N interleaved runs each): load (Document.load + tree), detect
(registry.choose on a fresh document), parse (the rest of parse_thread: the adapter,
records, finishing) and, within parse, dates (DateContext and ParseContext work, timed
by wrapping their methods). Prints per page, then the medians.
"""
from __future__ import annotations

import argparse
import functools
import statistics
import sys
from pathlib import Path

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import CORPUS, clock, pages  # noqa: E402

import forumparse  # noqa: E402
from forumparse import context, dates, registry  # noqa: E402
from forumparse.document import Document  # noqa: E402

_DATES = [0.0]
_DEPTH = [0]


def _timed(fn):
    """Count the time of outermost calls only (dates code calls itself)."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        if _DEPTH[0]:
            return fn(*args, **kwargs)
        _DEPTH[0] += 1
        start = clock()
        try:
            return fn(*args, **kwargs)
        finally:
            _DATES[0] += clock() - start
            _DEPTH[0] -= 1
    return wrapper


def _wrap_dates() -> None:
    cls = dates.DateContext
    for name, value in list(vars(cls).items()):
        if isinstance(value, staticmethod):
            setattr(cls, name, staticmethod(_timed(value.__func__)))
        elif isinstance(value, classmethod):
            setattr(cls, name, classmethod(_timed(value.__func__)))
        elif isinstance(value, property):
            setattr(cls, name, property(_timed(value.fget), _timed(value.fset) if value.fset else None))
        elif callable(value) and (not name.startswith("__") or name == "__init__"):
            setattr(cls, name, _timed(value))
    context.ParseContext.__init__ = _timed(context.ParseContext.__init__)


def _seconds(fn) -> float:
    start = clock()
    fn()
    return clock() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--page", nargs="*", default=(), help="only pages whose file name holds one of these")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    _wrap_dates()

    def load(raw):
        doc = Document.load(raw)
        doc.tree  # noqa: B018 - the tree is part of loading
        return doc

    def full(raw):
        forumparse.dates._dateparser.cache_clear()  # each run as a page's first visit (see speed.py)
        try:
            forumparse.parse_thread(raw)
        except forumparse.ForumParseError:
            pass

    rows = []
    print(f"{'page':45s} {'lxml ms':>7s} {'total':>6s} {'load':>5s} {'detect':>6s} {'parse':>6s} {'dates':>5s}")
    for _gold, path in pages(args.corpus, "html"):
        if args.page and not any(p in path.name for p in args.page):
            continue
        raw = path.read_bytes()
        base, loads, detects, totals, date_times = [], [], [], [], []
        for _ in range(args.repeat):
            base.append(_seconds(lambda raw=raw: lxml.html.fromstring(raw)))
            loads.append(_seconds(lambda raw=raw: load(raw)))
            doc = load(raw)
            detects.append(_seconds(lambda doc=doc: registry.choose(doc)))
            _DATES[0] = 0.0
            totals.append(_seconds(lambda raw=raw: full(raw)))
            date_times.append(_DATES[0])
        lx = min(base)
        total, ld, det, dt = min(totals) / lx, min(loads) / lx, min(detects) / lx, min(date_times) / lx
        row = (total, ld, det, total - ld - det, dt)
        rows.append(row)
        print(f"{path.name[:45]:45s} {lx * 1000:7.2f} " + " ".join(f"{v:6.2f}" for v in row))
    if not rows:
        return 1
    names = ("total", "load", "detect", "parse (incl. dates)", "dates")
    print("median " + ", ".join(f"{n} {statistics.median(r[i] for r in rows):.2f}" for i, n in enumerate(names)))
    print(f"max total {max(r[0] for r in rows):.2f} over {len(rows)} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
