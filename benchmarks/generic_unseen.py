"""The generic HTML adapter on engines it was not built from: every tests/fixtures/*/*.html page
parsed with adapter="generic-html" and scored against the page's golden JSON (what the engine's
own adapter reads there) with the scoring of /work/shared/tools/score.py.

  python benchmarks/generic_unseen.py            # a row per fixture folder, then ALL
  python benchmarks/generic_unseen.py -v         # and a row per page
  python benchmarks/generic_unseen.py --diff discuz   # field by field differences of one folder

The engines the corpus covers are in the table too: an engine fixture is a small page, so the
rows of engines with no corpus pages are the ones that tell how the fallback does on the unknown.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SCORE = ROOT.parent / "shared" / "tools" / "score.py"


def load_score(path: Path = SCORE):
    spec = importlib.util.spec_from_file_location("forumparse_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_of(golden: dict) -> dict:
    """The golden JSON in the shape of a corpus gold file."""
    posts = []
    for p in golden.get("posts") or []:
        author = p.get("author") or {}
        posts.append({"author": author.get("name"), "rank": author.get("rank"),
                      "post_count": author.get("post_count"), "joined": author.get("joined"),
                      "timestamp": p.get("timestamp"), "body": p.get("body") or ""})
    thread = {k: golden.get(k) for k in ("title", "views", "reply_count")}
    return {"thread": thread, "posts": posts}


def run(page: Path):
    import forumparse

    thread = forumparse.parse_thread(page, adapter="generic-html")
    return json.loads(forumparse.to_json(thread))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-v", "--verbose", action="store_true", help="a row per page")
    ap.add_argument("--diff", metavar="FOLDER", help="print gold and predicted fields of this folder's pages")
    ap.add_argument("--score", default=str(SCORE), help="path of score.py")
    args = ap.parse_args()
    score = load_score(Path(args.score))
    by_folder = defaultdict(score.Tally)
    total = score.Tally()
    for page in sorted(FIXTURES.glob("*/*.html")):
        golden_path = page.with_suffix(".json")
        if not golden_path.exists():
            continue
        gold = gold_of(json.loads(golden_path.read_text(encoding="utf-8")))
        start = time.perf_counter()
        err = None
        try:
            pred = run(page)
        except Exception as e:  # noqa: BLE001 - a failure scores as an empty parse
            pred, err = None, f"{type(e).__name__}: {e}"
        t = score.score_page(gold, pred)
        t.seconds = time.perf_counter() - start
        by_folder[page.parent.name].merge(t)
        total.merge(t)
        if args.verbose:
            row = t.c["posts"]
            print(f"{page.parent.name + '/' + page.name:45s} posts {row[0]:2d}/{row[1]:2d} (pred {row[2]:2d}) "
                  f"F1 {t.overall():.3f} {'PERFECT' if t.perfect else ''} {err or ''}")
        if args.diff and page.parent.name == args.diff:
            _diff(page, gold, pred, err)
    cols = ("posts",) + score.POST_FIELDS + score.THREAD_FIELDS
    print(f"{'folder':16s} pages fail perf " + " ".join(f"{c[:6]:>6s}" for c in cols) + "   body  F1all")
    for name, t in sorted(by_folder.items()) + [("ALL", total)]:
        body = sum(t.body) / len(t.body) if t.body else 0.0
        print(f"{name:16s} {t.pages:5d} {t.failed:4d} {t.perfect:4d} "
              + " ".join(score.fmt(score.Tally.f1(t.c[c])) if c in t.c else "   -  " for c in cols)
              + f" {body:6.3f} {t.overall():6.3f}")
    print(f"field F1 {total.overall():.4f} over {total.pages} pages, {total.perfect} perfect, "
          f"{total.failed} failed, {total.seconds:.2f}s")


def _diff(page: Path, gold: dict, pred: dict | None, err: str | None) -> None:
    print(f"== {page.name} {err or ''}")
    if pred is None:
        return
    for k in ("title", "views", "reply_count"):
        if gold["thread"].get(k) != pred.get(k):
            print(f"  {k}: gold {gold['thread'].get(k)!r} got {pred.get(k)!r}")
    pposts = pred.get("posts") or []
    for i in range(max(len(gold["posts"]), len(pposts))):
        g = gold["posts"][i] if i < len(gold["posts"]) else {}
        p = pposts[i] if i < len(pposts) else {}
        a = p.get("author") or {}
        got = {"author": a.get("name"), "rank": a.get("rank"), "post_count": a.get("post_count"),
               "joined": a.get("joined"), "timestamp": p.get("timestamp"), "body": p.get("body") or ""}
        for k in ("author", "rank", "post_count", "joined", "timestamp", "body"):
            gv, pv = g.get(k), got.get(k) if p else None
            if gv != pv:
                print(f"  post {i} {k}: gold {repr(gv)[:160]}\n  {'':8s}{' ' * len(k)}  got {repr(pv)[:160]}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
