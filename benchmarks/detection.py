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
        chosen = registry.choose(Document.load(path)).name
        # every adapter's score (score_all stops at the first certain one): the runners-up show the margin
        doc = Document.load(path)
        scored = sorted(((registry._score(a, doc), a) for a in registry.all_adapters() if a.format == doc.format),
                        key=lambda sa: registry._rank(sa[0] or 0.0, sa[1]))
        top = ", ".join(f"{a.name}={s or 0:.2f}" for s, a in scored[:3])
        # a text dump may fall to the generic layout (not every engine needs a text adapter),
        # but never to another engine's adapter
        ok = chosen == expected or (args.format == "text" and chosen == "generic-text")
        wrong += not ok
        # "hinted": the page's fingerprint shows the chosen adapter's hints (asked first: the fast path)
        page = registry.fingerprint(doc)
        hints = getattr(registry.get(chosen, doc.format), "hints", ())
        hinted = "hinted" if any(h in page for h in hints) else "      "
        verdict = "ok " if ok else "BAD"
        print(f"{verdict} {path.name[:48]:48s} expected {expected:14s} got {chosen:14s} {hinted} [{top}]")
    print(f"{wrong} page(s) claimed by the wrong adapter")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
