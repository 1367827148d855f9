"""Date reading speed: the fast path against dateparser on the common forum formats, side by side in
one run, and the share of parse_thread time the corpus spends reading dates.

    python benchmarks/dates.py [--corpus DIR] [--repeat N] [--no-corpus]

Prints the median time per date of: forumparse.parse_date (a fresh page context each call, so no
memo helps), the dateparser fallback as forumparse uses it (one reused parser, ten languages, no
cache), and plain dateparser.parse; then their ratios. Then, over every corpus page (HTML and
text), the time inside the date module (DateContext reading plus the page-level scans) as a share
of parse_thread time. Ratios, not seconds, because this machine is shared and noisy.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import CORPUS, pages  # noqa: E402

import forumparse  # noqa: E402
from forumparse import dates  # noqa: E402

COMMON = [
    "Feb 6, 2011 7:33 AM", "Sun Feb 06, 2011 9:31 pm", "06.02.2011, 21:31", "2011-02-06 21:31:00",
    "6 février 2011 à 21h31", "16-Jun-20 16:12:14", "Feb 6th, 2011", "02-06-2011, 09:31 PM",
    "February 6, 2011 at 9:31 PM", "6. Februar 2011 um 21:31", "6 de febrero de 2011, 21:31",
    "06 Feb 2011 21:31", "Sunday, February 6, 2011", "Mon Aug 10, 2009 3:38 pm", "2015-01-21, 21:18",
    "October 06, 2007, 07:09:23 PM", "07 December 2015 - 12:15 AM", "6 февраля 2011, 21:31",
    "Jan 8, 2020 at 20:54", "26/10/13, 03:48 pm",
]


def median_per_call(fn, texts, repeat: int) -> float:
    """Median over the texts of each text's best time out of `repeat` calls."""
    per_text = []
    for text in texts:
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            fn(text)
            best = min(best, time.perf_counter() - start)
        per_text.append(best)
    return statistics.median(per_text)


def formats(repeat: int) -> None:
    import dateparser

    for text in COMMON:  # the fast path must read every one of them by itself
        assert dates.DateContext()._parse_absolute(text) is not None, text
    dates._dateparser_uncached(COMMON[0], "MDY", dates._TAIL_LANGUAGES)  # build the reused parser once
    dateparser.parse(COMMON[0])
    fast = median_per_call(lambda t: dates.parse_date(t), COMMON, repeat)
    tail = median_per_call(lambda t: dates._dateparser_uncached(t, "MDY", dates._TAIL_LANGUAGES), COMMON, repeat)
    plain = median_per_call(dateparser.parse, COMMON, max(3, repeat // 4))
    print(f"common formats: {len(COMMON)} strings, best of {repeat} per string, median over strings")
    print(f"  forumparse fast path          {fast * 1e6:9.1f} us per date")
    print(f"  dateparser, reused parser     {tail * 1e6:9.1f} us per date   ({tail / fast:6.0f}x the fast path)")
    print(f"  dateparser.parse()            {plain * 1e6:9.1f} us per date   ({plain / fast:6.0f}x the fast path)")


class _Timer:
    """Wraps the date module's entry points; nested calls count once."""

    def __init__(self):
        self.total = 0.0
        self.depth = 0
        self.calls = 0

    def wrap(self, owner, name):
        original = getattr(owner, name)
        timer = self

        def timed(*args, **kwargs):
            if timer.depth:
                return original(*args, **kwargs)
            timer.depth += 1
            timer.calls += 1
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                timer.total += time.perf_counter() - start
                timer.depth -= 1

        setattr(owner, name, timed)


def corpus_share(corpus: Path) -> None:
    timer = _Timer()
    for name in ("parse", "machine", "iso", "learn_zone", "learn_capture", "learn_order", "_decide_order"):
        timer.wrap(dates.DateContext, name)
    whole = 0.0
    count = 0
    for fmt in ("html", "text"):
        for _gold, path in pages(corpus, fmt):
            raw = path.read_bytes()
            start = time.perf_counter()
            try:
                forumparse.parse_thread(raw)
            except forumparse.ForumParseError:
                pass
            whole += time.perf_counter() - start
            count += 1
    print(f"corpus: {count} pages, parse_thread {whole:.2f} s, of which reading dates {timer.total:.3f} s "
          f"in {timer.calls} calls = {100 * timer.total / whole:.1f}%")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--no-corpus", action="store_true")
    args = ap.parse_args()
    formats(args.repeat)
    if not args.no_corpus:
        if not args.corpus.is_dir():
            print(f"no corpus at {args.corpus}", file=sys.stderr)
            return 2
        corpus_share(args.corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())
