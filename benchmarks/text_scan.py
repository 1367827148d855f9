"""Text-dump tokenizing speed: seconds per MB of corpus text dumps, beside a bare str.splitlines().

    python benchmarks/text_scan.py [--repeat N]

Ratios against splitting the same text into lines, measured side by side in one run.
"""
from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import CORPUS, best_of, pages  # noqa: E402

from forumparse.dates import DateContext  # noqa: E402
from forumparse.text.tokens import scan  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    ratios, total_bytes, total_secs = [], 0, 0.0
    for _gold, path in pages(CORPUS, "text"):
        text = path.read_text(encoding="utf-8", errors="replace")
        base = best_of(text.splitlines, args.repeat)
        ours = best_of(lambda text=text: scan(text, DateContext()), args.repeat)
        ratios.append(ours / base)
        total_bytes += len(text.encode("utf-8"))
        total_secs += ours
        print(f"{path.name[:55]:55s} {len(text) / 1024:7.0f} KB {ours * 1000:8.1f} ms")
    print(f"{total_secs / (total_bytes / 1e6):.3f} s per MB of dump text; "
          f"median ratio scan / splitlines {statistics.median(ratios):.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
