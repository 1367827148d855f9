"""What each HTML adapter's detect() costs on pages of OTHER engines, in units of one bare lxml parse.

    python benchmarks/detect_cost.py [--corpus DIR] [--repeat N] [--adapter NAME ...] [--top N]

A page of an engine with no adapter (the long tail of a crawl) has no certain adapter: the
registry asks every HTML adapter's detect(). Two figures per adapter, over the corpus pages
that are not its engine's (median and max):

  alone   detect() on a fresh document (tree parsed, no marker answered yet): what the
          adapter costs by itself, the figure to keep low;
  shared  its detect() in the registry's asking order on one document, after the adapters
          asked before it (the marker scanner of _html_common answers repeated questions
          once per page): what it adds to a long-tail page's detection.

The last lines are the per-page sums over every adapter (median), alone and shared.
"""
from __future__ import annotations

import argparse
import collections
import statistics
import sys
from pathlib import Path

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import CORPUS, adapter_for_engine, best_of, clock, pages  # noqa: E402

from forumparse import registry  # noqa: E402
from forumparse.document import Document  # noqa: E402


def _fresh(raw: bytes) -> Document:
    doc = Document.load(raw)
    doc.tree  # noqa: B018 (parsed before timing: detect() is charged for its own work only)
    return doc


def _timed_detect(adapter, doc) -> float:
    start = clock()
    try:
        adapter.detect(doc)
    except Exception:  # a failing detector costs what it spent; the registry skips it the same way
        pass
    return clock() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement, the fastest kept")
    ap.add_argument("--adapter", nargs="*", default=(), help="only these adapters in the per-adapter table")
    ap.add_argument("--top", type=int, default=0, help="print only the N most costly adapters (0: all)")
    ap.add_argument("--hinted", action="store_true",
                    help="shared figures as on a page whose head names an adapter (no early word list)")
    args = ap.parse_args()

    adapters = [a for a in registry.all_adapters() if a.format == "html"]
    alone = collections.defaultdict(list)
    shared = collections.defaultdict(list)
    sum_alone, sum_shared = [], []
    for gold, path in pages(args.corpus, "html"):
        own = adapter_for_engine(gold["engine"])
        raw = path.read_bytes()
        unit = best_of(lambda raw=raw: lxml.html.fromstring(raw), args.repeat)
        page_alone = 0.0
        for adapter in adapters:
            best = min(_timed_detect(adapter, _fresh(raw)) for _ in range(args.repeat)) / unit
            if adapter.name != own:
                alone[adapter.name].append(best)
                page_alone += best
        # the registry's asking order on one document, every adapter asked (no certain one on a long-tail page)
        runs = []
        for _ in range(args.repeat):
            doc = _fresh(raw)
            order = registry._order(doc)
            doc.unhinted = not args.hinted  # as on a page whose head names no adapter (see --hinted)
            runs.append({a.name: _timed_detect(a, doc) / unit for a in order})
        page_shared = 0.0
        for name in runs[0]:
            best = min(run[name] for run in runs)
            if name != own:
                shared[name].append(best)
                page_shared += best
        sum_alone.append(page_alone)
        sum_shared.append(page_shared)

    names = sorted(alone, key=lambda n: -statistics.median(alone[n]))
    if args.adapter:
        names = [n for n in names if n in args.adapter]
    if args.top:
        names = names[:args.top]
    print(f"{'adapter':16s} {'alone median':>12s} {'max':>7s} {'shared median':>14s} {'max':>7s}")
    for name in names:
        a, s = alone[name], shared[name]
        print(f"{name:16s} {statistics.median(a):12.3f} {max(a):7.3f} {statistics.median(s):14.3f} {max(s):7.3f}")
    print(f"sum of the listed adapters' medians: alone {sum(statistics.median(alone[n]) for n in names):.3f}, "
          f"shared {sum(statistics.median(shared[n]) for n in names):.3f}")
    print(f"per page, every html adapter but the page's own (median over {len(sum_alone)} pages): "
          f"alone {statistics.median(sum_alone):.2f}, shared {statistics.median(sum_shared):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
