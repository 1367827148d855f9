"""Which adapter claims each corpus page: its own engine's adapter must score highest
(for text dumps, the generic text adapter is acceptable too; another engine's never is).

    python benchmarks/detection.py [--format html|text]   # exit 1 on any page claimed by another adapter
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import CORPUS, adapter_for_engine, pages  # noqa: E402

from forumparse import registry  # noqa: E402
from forumparse.document import Document  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--format", choices=("html", "text"), default="html")
    args = ap.parse_args()
    wrong = 0
    for gold, path in pages(args.corpus, args.format):
        expected = adapter_for_engine(gold["engine"])
        scored = registry.score_all(Document.load(path))
        chosen = registry.choose(Document.load(path)).name
        top = ", ".join(f"{a.name}={s:.2f}" for s, a in scored[:3])
        # a text dump may fall to the generic layout (not every engine needs a text adapter),
        # but never to another engine's adapter
        ok = chosen == expected or (args.format == "text" and chosen == "generic-text")
        wrong += not ok
        print(f"{'ok ' if ok else 'BAD'} {path.name[:50]:50s} expected {expected:15s} got {chosen:15s} [{top}]")
    print(f"{wrong} page(s) claimed by the wrong adapter")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
