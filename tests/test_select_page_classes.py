"""select.Index given the page's class values (as PostScope passes them): a subtree's values
are the run of the page's values that lies in it; the answers stay those of the XPath."""
from __future__ import annotations

import random

import lxml.html

from forumparse.html.select import Index, select, xpath

_CLASSES = ["a", "b", "a b", "b\tc", " a  c ", "", "c"]


def _page(rnd, depth: int) -> str:
    if depth == 0 or rnd.random() < 0.25:
        return "t"
    out = []
    for _ in range(rnd.randint(1, 3)):
        tag = rnd.choice(["div", "span", "p"])
        cls = rnd.choice(_CLASSES + [None, None])
        attrs = f' class="{cls}"' if cls is not None else ""
        out.append(f"<{tag}{attrs}>{_page(rnd, depth - 1)}</{tag}>")
    return "".join(out)


def _selector(rnd) -> str:
    steps = [rnd.choice(["", "div", "span", "p"]) + rnd.choice([".a", ".b", ".c", ".a.b"]) for _ in range(2)]
    return rnd.choice([steps[0], " ".join(steps), " > ".join(steps), ", ".join(steps)])


def test_index_on_the_page_class_values_answers_as_xpath():
    rnd = random.Random(3)
    for _ in range(80):
        root = lxml.html.document_fromstring(f"<html><body>{_page(rnd, 6)}</body></html>")
        values = xpath("//@class")(root)
        inner = list(root.iter("div", "span", "p"))
        for scope in [root, *rnd.sample(inner, min(3, len(inner)))]:
            index = Index(scope, values)
            for _ in range(6):
                css = _selector(rnd)
                assert index.select(css) == select(scope, css), css


def test_index_takes_the_subtree_run_of_the_page_values():
    root = lxml.html.document_fromstring(
        '<html><body><p class="a">0</p><div id="s"><span class="a">1</span><i><b class="a b">2</b></i></div>'
        '<p class="a">3</p></body></html>')
    scope = root.get_element_by_id("s")
    index = Index(scope, xpath("//@class")(root))
    assert [el.text for el in index.select(".a")] == ["1", "2"]
    assert [el.text for el in index.select(".b")] == ["2"]
