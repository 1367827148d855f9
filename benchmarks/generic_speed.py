"""Parse time of the generic HTML path (adapter "generic-html", forced) on every corpus page,
relative to a bare lxml parse of the same bytes, in the same run.

    python benchmarks/generic_speed.py [--corpus DIR] [--repeat N] [--profile]

The generic path reads every page whose engine has no adapter (the long tail of a crawl), so
its cost is measured on every corpus page forced through it. Prints per page: bytes, lxml ms,
generic ms and their ratio; then the median ratio. Each timed run starts with a cold long-tail
date cache, as a page's first visit in a crawl does. --profile prints a pyinstrument sampling
profile of one pass instead.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import CORPUS, pages  # noqa: E402

import forumparse  # noqa: E402


def best_of(fn, repeat: int) -> float:
    """The least CPU time of `repeat` runs of fn(), in seconds (CPU time: other jobs on the
    machine stretch wall time, not this)."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def _generic(raw: bytes) -> None:
    forumparse.dates._dateparser.cache_clear()
    try:
        forumparse.parse_thread(raw, adapter="generic-html")
    except forumparse.ForumParseError:
        pass


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--profile", action="store_true", help="a sampling profile of one pass")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    raws = [(path, path.read_bytes()) for _gold, path in pages(args.corpus, "html")]
    if args.profile:
        from pyinstrument import Profiler
        for _path, raw in raws:  # warm compiled selectors and imports first
            _generic(raw)
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _path, raw in raws:
            _generic(raw)
        profiler.stop()
        print(profiler.output_text(unicode=False, color=False, show_all=False))
        return 0
    ratios = []
    print(f"{'page':55s} {'KB':>6s} {'lxml ms':>8s} {'generic ms':>10s} {'ratio':>6s}")
    for path, raw in raws:
        base = best_of(lambda raw=raw: lxml.html.fromstring(raw), args.repeat)
        full = best_of(lambda raw=raw: _generic(raw), args.repeat)
        ratio = full / base if base else float("nan")
        ratios.append(ratio)
        print(f"{path.name[:55]:55s} {len(raw) / 1024:6.0f} {base * 1000:8.1f} {full * 1000:10.1f} {ratio:6.2f}")
    print(f"median ratio generic-html parse_thread / lxml.html.fromstring: {statistics.median(ratios):.2f} "
          f"over {len(ratios)} pages (mean {statistics.mean(ratios):.2f}, max {max(ratios):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
