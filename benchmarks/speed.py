"""Parse time of every corpus page relative to a bare lxml parse of the same bytes, in the same run.

    python benchmarks/speed.py [--corpus DIR] [--repeat N] [--adapter NAME] [--profile]

Prints per page: bytes, lxml ms, parse_thread ms, and their ratio; then the median ratio.
Ratios of CPU time (benchmarks/corpus.clock), not seconds, because this machine is shared and noisy.
`--adapter generic-html` forces the generic reading on every page (how a page of an engine
with no adapter is read); `--profile` prints a sampling profile (pyinstrument) of one pass.
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


def _parse(raw: bytes, adapter: str | None) -> None:
    # each run as the first visit of the page, as in a crawl: no long-tail date results left
    # from the previous run (compiled selectors stay: a program keeps those)
    forumparse.dates._dateparser.cache_clear()
    try:
        forumparse.parse_thread(raw, adapter=adapter)
    except forumparse.ForumParseError:
        pass


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--adapter", default=None, help="force this adapter on every page (e.g. generic-html)")
    ap.add_argument("--profile", action="store_true", help="a sampling profile of one pass instead of the table")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    raws = [(path, path.read_bytes()) for _gold, path in pages(args.corpus, "html")]
    if args.profile:
        from pyinstrument import Profiler

        for _path, raw in raws:  # compiled selectors and imports warmed first
            _parse(raw, args.adapter)
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _path, raw in raws:
            _parse(raw, args.adapter)
        profiler.stop()
        print(profiler.output_text(unicode=False, color=False, show_all=False))
        return 0
    ratios = []
    print(f"{'page':55s} {'KB':>6s} {'lxml ms':>8s} {'parse ms':>9s} {'ratio':>6s}")
    for path, raw in raws:
        base = best_of(lambda raw=raw: lxml.html.fromstring(raw), args.repeat)
        full = best_of(lambda raw=raw: _parse(raw, args.adapter), args.repeat)
        ratio = full / base if base else float("nan")
        ratios.append(ratio)
        print(f"{path.name[:55]:55s} {len(raw) / 1024:6.0f} {base * 1000:8.1f} {full * 1000:9.1f} {ratio:6.2f}")
    what = f"parse_thread(adapter={args.adapter!r})" if args.adapter else "parse_thread"
    print(f"median ratio {what} / lxml.html.fromstring: {statistics.median(ratios):.2f} "
          f"over {len(ratios)} pages (mean {statistics.mean(ratios):.2f}, max {max(ratios):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
