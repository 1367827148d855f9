"""The text path on engines the corpus has no dumps of: every HTML fixture rendered by lynx
and w3m, parsed as text, and compared with what the HTML path reads from the same page.

    python benchmarks/fixture_dumps.py [-r lynx100 -r w3m100] [-v]

The HTML fixtures cover engines and versions that no corpus text dump shows (the long tail,
mail archives, link aggregators, other versions of the big engines). Their HTML goldens
serve as the reference: per renderer and adapter folder, the share of the HTML posts the
dump's parse pairs by body words (score.py's rule), and among pairs the share with the same
author. Dates are left out (machine-readable times in HTML are instants, dumps show wall-clock
time). Prints rows below 1.0 with -v. Needs lynx / w3m (skipped when missing).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from renderers import RENDERERS, SCORER, available, load_scorer  # noqa: E402

import forumparse  # noqa: E402
from forumparse.document import Document  # noqa: E402
from forumparse.errors import ForumParseError  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-r", "--renderer", action="append", choices=sorted(RENDERERS))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    names = [n for n in (args.renderer or ["lynx100", "w3m100"]) if available(RENDERERS[n][0])]
    if not names or not SCORER.exists():
        print("needs lynx or w3m and ../shared/tools/score.py", file=sys.stderr)
        return 2
    score = load_scorer(SCORER)
    work = Path(tempfile.mkdtemp(prefix="forumparse-fixture-dumps-"))
    totals = defaultdict(lambda: [0, 0, 0])  # renderer -> [html posts, paired, same author]
    rows = []
    for page in sorted(FIXTURES.glob("*/*.html")):
        golden = page.with_suffix(".json")
        if not golden.exists():
            continue
        want = json.loads(golden.read_text(encoding="utf-8"))
        gold = [{"author": (p.get("author") or {}).get("name"), "body": p.get("body") or ""}
                for p in want.get("posts", [])]
        doc = Document.load(page)
        for name in names:
            fn = RENDERERS[name][1]
            dump = fn(doc, work) if fn.__code__.co_argcount == 2 else fn(doc)
            try:
                got = forumparse.parse_thread(dump)
                pred = [{"author": p.author.name if p.author else None, "body": p.body or ""} for p in got.posts]
                engine = got.engine
            except ForumParseError as e:
                pred, engine = [], type(e).__name__
            pairs = score.align(gold, pred)
            same = sum(1 for i, j, _ in pairs if gold[i]["author"] == pred[j]["author"])
            t = totals[name]
            t[0] += len(gold)
            t[1] += len(pairs)
            t[2] += same
            rows.append((name, f"{page.parent.name}/{page.name}", len(gold), len(pairs), same, engine))
    if args.verbose:
        for name, page, n, paired, same, engine in rows:
            if paired < n or same < paired:
                print(f"{name:10} {page:58} posts {n:3}  paired {paired:3}  same author {same:3}  ({engine})")
    print(f"{'renderer':10} {'fixture pages':>13} {'posts':>6} {'paired':>7} {'author':>7}")
    for name in names:
        n, paired, same = totals[name]
        pages_n = sum(1 for r in rows if r[0] == name)
        print(f"{name:10} {pages_n:13} {n:6} {paired / max(n, 1):7.3f} {same / max(paired, 1):7.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
