"""Parse time of every corpus page relative to a bare lxml parse of the same bytes, in the same run.

    python benchmarks/speed.py [--corpus DIR] [--repeat N]

Prints per page: bytes, lxml ms, parse_thread ms, and their ratio; then the median ratio.
Ratios of CPU time (benchmarks/corpus.clock), not seconds, because this machine is shared and noisy.
"""
from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import CORPUS, best_of, pages  # noqa: E402

import forumparse  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    ratios = []
    print(f"{'page':55s} {'KB':>6s} {'lxml ms':>8s} {'parse ms':>9s} {'ratio':>6s}")
    for _gold, path in pages(args.corpus, "html"):
        raw = path.read_bytes()
        base = best_of(lambda raw=raw: lxml.html.fromstring(raw), args.repeat)

        def ours(raw=raw):
            # each run as the first visit of the page, as in a crawl: no long-tail date
            # results left from the previous run (compiled selectors stay: a program keeps those)
            forumparse.dates._dateparser.cache_clear()
            try:
                forumparse.parse_thread(raw)
            except forumparse.ForumParseError:
                pass

        full = best_of(ours, args.repeat)
        ratio = full / base if base else float("nan")
        ratios.append(ratio)
        print(f"{path.name[:55]:55s} {len(raw) / 1024:6.0f} {base * 1000:8.1f} {full * 1000:9.1f} {ratio:6.2f}")
    print(f"median ratio parse_thread / lxml.html.fromstring: {statistics.median(ratios):.2f} "
          f"over {len(ratios)} pages (max {max(ratios):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
