"""How well the text path reads dumps made by other renderers than the corpus used.

The corpus text dumps come from `lynx -dump -nolist -width=100` and `w3m -dump -cols 100`;
real dumps also come from browser copy and paste, HTML-to-text converters, Common Crawl
WET records, lynx with its link list, other widths. This script renders every corpus
page with several renderers, parses each dump with forumparse, and scores it against the
gold with the text view of the shared scorer (score.py, `score_page(..., text=True)`).

    python benchmarks/renderers.py                        # table: engine x renderer, then per-field rows
    python benchmarks/renderers.py -r wet -r copy         # some renderers only
    python benchmarks/renderers.py -r wet --page quora -v # per-page rows, then gold vs parsed posts

Optional tools: `pip install '.[bench]'` (html2text, inscriptis), and the lynx and w3m
binaries (Debian packages). A renderer whose tool is missing is skipped. The dumps are
written to a temporary folder (--out, reused between runs unless --fresh), never to the
repository.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import CORPUS, pages  # noqa: E402

import forumparse  # noqa: E402
from forumparse.document import Document  # noqa: E402
from forumparse.errors import ForumParseError  # noqa: E402

SCORER = CORPUS.parent / "tools" / "score.py"
OUT = Path(tempfile.gettempdir()) / "forumparse-renderers"

# -- built-in renderers on the lxml tree ----------------------------------------------------------

# <noscript> stays: the saved page is read without scripts (Discourse's crawler view lives there)
_SKIP = frozenset("script style template head title iframe object embed svg select option button "
                  "textarea input map area canvas video audio".split())
# innerText: these get one line break before and after, <p> two (a blank line)
_BLOCK = frozenset("address article aside blockquote center dd details dialog dir div dl dt fieldset figcaption "
                   "figure footer form header hr li main menu nav ol pre section summary table tbody thead tfoot "
                   "tr ul legend caption".split())
_PARA = frozenset(("p",))
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_WS = re.compile(r"[ \t\r\n\f\u200b]+")


def _tag(el) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _hidden(el) -> bool:
    return el.get("hidden") is not None or bool(_HIDDEN.search(el.get("style") or "")) \
        or (el.get("type") or "").lower() == "hidden"


def _runs(root, breaks_for):
    """innerText-like walk: a flat list of strings and break requests (ints: lines wanted)."""
    out: list = []

    def walk(el, pre):
        tag = _tag(el)
        if not tag or tag in _SKIP or _hidden(el):
            if el.tail:
                out.append(el.tail if pre else _WS.sub(" ", el.tail))
            return
        before = breaks_for(tag)
        if before:
            out.append(before)
        if tag == "br":
            out.append("\n")
        if tag in ("td", "th") and el.getprevious() is not None:
            out.append("\t")
        inner_pre = pre or tag in ("pre", "textarea", "listing", "xmp")
        if el.text:
            out.append(el.text if inner_pre else _WS.sub(" ", el.text))
        for child in el:
            walk(child, inner_pre)
        if before:
            out.append(before)
        if el.tail:
            out.append(el.tail if pre else _WS.sub(" ", el.tail))

    body = root.find(".//body")
    walk(body if body is not None else root, False)
    return out


def _join(runs) -> str:
    """Break requests collapse into the largest one; spaces at line edges go."""
    text: list[str] = []
    pending = 0
    for r in runs:
        if isinstance(r, int):
            pending = max(pending, r)
            continue
        if r == "\n":
            text.append("\n")
            pending = 0
            continue
        if not r or not r.strip() and (pending or not text or text[-1].endswith("\n")):
            continue  # whitespace between blocks is no text (innerText drops it)
        if pending and text:
            text.append("\n" * pending)
        pending = 0
        text.append(r)
    lines = [" ".join(line.replace("\t", " \t ").split(" ")).strip(" ") for line in "".join(text).split("\n")]
    lines = [re.sub(r" {2,}", " ", line).replace(" \t ", "\t").strip() for line in lines]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def render_copy(doc: Document) -> str:
    """Browser select-all and copy: innerText (block elements on their own lines, a blank line
    around paragraphs, table cells tab-separated, no images, no link markers; CSS-hidden menus
    cannot be known here and stay)."""
    return _join(_runs(doc.tree, lambda tag: 2 if tag in _PARA else 1 if tag in _BLOCK or tag in _HEADINGS else 0))


def render_wet(doc: Document) -> str:
    """Common Crawl WET: whitespace collapsed, a line break only at p, div and br, no blank lines."""
    text = _join(_runs(doc.tree, lambda tag: 1 if tag in ("p", "div") else 0))
    return "\n".join(line for line in text.split("\n") if line.strip()) + "\n"


def render_html2text(doc: Document) -> str:
    import html2text

    h = html2text.HTML2Text()  # defaults: markdown, links inline, lines wrapped at 78
    return h.handle(_html(doc))


def render_inscriptis(doc: Document) -> str:
    from inscriptis import get_text

    return get_text(_html(doc))


def _html(doc: Document) -> str:
    return _DECL.sub("", doc.text)


_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.I)
_CHARSET = re.compile(r"(<meta[^>]+charset\s*=\s*[\"']?)\s*[\w.:-]+", re.I)


def _tool(argv_for):
    """A renderer that runs a text browser on the page, re-encoded as UTF-8."""
    def render(doc: Document, work: Path) -> str:
        page = work / "page.html"
        page.write_text(_CHARSET.sub(r"\1utf-8", _html(doc)), encoding="utf-8")
        out = subprocess.run(argv_for(page), capture_output=True, timeout=120)
        return out.stdout.decode("utf-8", "replace")
    return render


LYNX = ["lynx", "-dump", "-assume_charset=utf-8", "-display_charset=utf-8", "-force_html"]
W3M = ["w3m", "-dump", "-I", "UTF-8", "-O", "UTF-8", "-T", "text/html"]

# name -> (needs, function, description); needs is a binary or a module name
RENDERERS = {
    "lynx100": ("lynx", _tool(lambda p: LYNX + ["-nolist", "-width=100", str(p)]), "lynx -nolist, 100 columns"),
    "w3m100": ("w3m", _tool(lambda p: W3M + ["-cols", "100", str(p)]), "w3m, 100 columns"),
    "lynx72-links": ("lynx", _tool(lambda p: LYNX + ["-width=72", str(p)]), "lynx with [N] links, 72 columns"),
    "lynx60": ("lynx", _tool(lambda p: LYNX + ["-nolist", "-width=60", str(p)]), "lynx -nolist, 60 columns"),
    "lynx200": ("lynx", _tool(lambda p: LYNX + ["-nolist", "-width=200", str(p)]), "lynx -nolist, 200 columns"),
    "w3m80": ("w3m", _tool(lambda p: W3M + ["-cols", "80", str(p)]), "w3m, 80 columns"),
    "w3m160": ("w3m", _tool(lambda p: W3M + ["-cols", "160", str(p)]), "w3m, 160 columns"),
    "html2text": ("html2text", render_html2text, "html2text markdown, wrapped at 78"),
    "inscriptis": ("inscriptis", render_inscriptis, "inscriptis layout text"),
    "copy": (None, render_copy, "browser copy and paste (innerText)"),
    "wet": (None, render_wet, "Common Crawl WET style (breaks at p/div/br only)"),
}


def available(needs: str | None) -> bool:
    if needs is None:
        return True
    if needs in ("lynx", "w3m"):
        return shutil.which(needs) is not None
    return importlib.util.find_spec(needs) is not None


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("forumparse_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def render_all(names, out: Path, fresh: bool, only: str | None):
    """(renderer, gold, dump path) for every page, rendering what is not there yet."""
    work = out / "_work"
    work.mkdir(parents=True, exist_ok=True)
    for gold, page in pages(CORPUS, "html"):
        if only and only not in gold["page"]:
            continue
        doc = None
        for name in names:
            dump = out / name / gold["engine"] / (Path(gold["page"]).stem + ".txt")
            if fresh or not dump.exists():
                doc = doc or Document.load(page)
                fn = RENDERERS[name][1]
                text = fn(doc, work) if fn.__code__.co_argcount == 2 else fn(doc)
                dump.parent.mkdir(parents=True, exist_ok=True)
                dump.write_text(text, encoding="utf-8")
            yield name, gold, dump


def parse(dump: Path):
    """The parsed thread as JSON, or None (a failure, scored as an empty parse) and the error."""
    try:
        return json.loads(forumparse.to_json(forumparse.parse_thread(dump))), ""
    except ForumParseError as e:
        return None, f"{type(e).__name__}: {e}"


def show(gold, pred, dump):
    print(f"  dump: {dump}   engine chosen: {pred.get('engine')} {pred.get('_error', '')}")
    print(f"  title gold {gold.get('thread', {}).get('title')!r} got {pred.get('title')!r}")
    g, p = gold.get("posts", []), pred.get("posts") or []
    for i in range(max(len(g), len(p))):
        gp = g[i] if i < len(g) else {}
        pp = p[i] if i < len(p) else {}
        pa = pp.get("author") or {}
        print(f"  [{i}] gold {gp.get('author')!s:18.18} {gp.get('rank')!s:14.14} {gp.get('post_count')!s:>5} "
              f"{gp.get('joined')!s:10.10} {gp.get('timestamp_text', gp.get('timestamp'))!s:19.19} "
              f"| {(gp.get('body') or '')[:40]!r}")
        print(f"      got  {pa.get('name')!s:18.18} {pa.get('rank')!s:14.14} {pa.get('post_count')!s:>5} "
              f"{pa.get('joined')!s:10.10} {pp.get('timestamp')!s:19.19} | {(pp.get('body') or '')[:40]!r}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-r", "--renderer", action="append", choices=sorted(RENDERERS), help="renderers to run")
    ap.add_argument("--out", type=Path, default=OUT, help=f"folder for the dumps (default {OUT})")
    ap.add_argument("--fresh", action="store_true", help="render again even where a dump exists")
    ap.add_argument("--score", type=Path, default=SCORER, help="path of the shared score.py")
    ap.add_argument("--page", help="only pages whose file name contains this")
    ap.add_argument("-v", "--verbose", action="store_true", help="a row per page (and posts with --page)")
    ap.add_argument("--json", action="store_true", help="print the overall F1 per renderer as JSON")
    args = ap.parse_args(argv)

    scorer = load_scorer(args.score)
    names = [n for n in (args.renderer or RENDERERS) if available(RENDERERS[n][0])]
    skipped = [n for n in (args.renderer or RENDERERS) if n not in names]
    if skipped:
        print(f"skipped (tool missing): {', '.join(skipped)}", file=sys.stderr)
    cells: dict = defaultdict(scorer.Tally)  # (renderer, engine) -> tally
    totals: dict = defaultdict(scorer.Tally)
    seconds: dict = defaultdict(float)
    for name, gold, dump in render_all(names, args.out, args.fresh, args.page):
        start = time.perf_counter()
        pred, err = parse(dump)
        seconds[name] += time.perf_counter() - start
        t = scorer.score_page(gold, pred, text=True)
        pred = pred or {"posts": [], "_error": err}
        cells[name, gold["engine"]].merge(t)
        totals[name].merge(t)
        if args.verbose:
            row = t.c["posts"]
            print(f"{name:13s} {Path(gold['page']).stem[:48]:48s} posts {row[0]:3d}/{row[1]:3d} (pred {row[2]:3d}) "
                  f"F1 {t.overall():.3f} {pred.get('engine') or ''} {pred.get('_error', '')}")
            if args.page:
                show(gold, pred, dump)
    if args.json:
        print(json.dumps({n: round(totals[n].overall(), 4) for n in names}, indent=2))
        return 0
    engines = sorted({e for _, e in cells})
    print(f"\nF1 over all fields, engine x renderer (dumps in {args.out})")
    print(f"{'engine':16s}" + "".join(f"{n[:12]:>13s}" for n in names))
    for e in engines:
        print(f"{e:16s}" + "".join(f"{cells[n, e].overall():13.3f}" if (n, e) in cells else f"{'-':>13s}"
                                   for n in names))
    print(f"{'ALL':16s}" + "".join(f"{totals[n].overall():13.3f}" for n in names))
    cols = ("posts",) + scorer.POST_FIELDS + scorer.THREAD_FIELDS
    print(f"\n{'renderer':13s} pages fail " + " ".join(f"{c[:6]:>6s}" for c in cols) + "   body  F1all  secs")
    for n in names:
        t = totals[n]
        body = sum(t.body) / len(t.body) if t.body else 0.0
        print(f"{n:13s} {t.pages:5d} {t.failed:4d} "
              + " ".join(scorer.fmt(scorer.Tally.f1(t.c[c])) if c in t.c else "   -  " for c in cols)
              + f" {body:6.3f} {t.overall():6.3f} {seconds[n]:5.1f}  {RENDERERS[n][2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
