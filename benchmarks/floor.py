"""What whole-page operations cost next to a bare lxml parse, per corpus page, in the same run.

    python benchmarks/floor.py [--corpus DIR] [--repeat N]

The speed target for parse_thread is a multiple of one lxml parse; these figures
say what any design must pay inside that budget: decoding the bytes, one Python
walk over every element, one XPath collecting every class and id, a word set of
the page text (what marker-based detection builds), and the text of every
element (what body extraction does at most once). Medians over the corpus pages.
"""
from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

import lxml.etree
import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import CORPUS, best_of, pages  # noqa: E402

_CLASSES = lxml.etree.XPath("//@class|//@id")
_SPACE = bytes.maketrans(b"\t\n\r<>\"'=/;,(){}[]", b" " * 17)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args(argv)
    ops = {
        "decode utf-8": lambda data, tree: data.decode("utf-8", "replace"),
        "element walk": lambda data, tree: sum(1 for _ in tree.iter()),
        "class/id xpath+set": lambda data, tree: set(" ".join(_CLASSES(tree)).split()),
        "text word set": lambda data, tree: set(data.translate(_SPACE).split()),
        "itertext join": lambda data, tree: "".join(tree.itertext()),
    }
    ratios = {name: [] for name in ops}
    for _gold, path in pages(args.corpus, "html"):
        data = path.read_bytes()
        tree = lxml.html.fromstring(data)
        base = best_of(lambda: lxml.html.fromstring(data), args.repeat)  # noqa: B023
        for name, op in ops.items():
            ratios[name].append(best_of(lambda: op(data, tree), args.repeat) / base)  # noqa: B023
    if not ratios["element walk"]:
        print(f"no corpus pages under {args.corpus}", file=sys.stderr)
        return 1
    print(f"{'operation':22} median / lxml parse   (over {len(ratios['element walk'])} pages)")
    for name, values in ratios.items():
        print(f"{name:22} {statistics.median(values):6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
