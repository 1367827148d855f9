"""Selector helpers: the Python index answers exactly as the XPath does, text_of's shortcuts."""
from __future__ import annotations

import lxml.html
import pytest

from forumparse.html.select import Index, select, select_one, text_of

_PAGE = """<html><body>
<div id="top" class="nav bar"><h1 class="title">T</h1><a class="crumb" href="/">Home</a></div>
<div class="posts">
  <article class="post" id="p1"><span class="author">ann</span><div class="body">one<br>two</div></article>
  <article class="post" id="p2"><span class="author x">bob</span><h1>inner</h1>
    <div class="body"><blockquote class="quote">q</blockquote>three</div></article>
</div>
<div class="nav\tfoot"><span class="crumb">end</span></div>
</body></html>"""


@pytest.fixture(scope="module")
def page():
    return lxml.html.document_fromstring(_PAGE)


@pytest.mark.parametrize("css", [
    ".author", "span.author", ".author.x", "article .author", ".posts > article > .author",
    "h1.title, .body, .author",  # a union: document order, not selector order
    ".crumb, h1", "#p2 .body, #top h1", ".nav", ".foot span", "h1", "[id], .quote",
    ".missing, .author", "article, div",
    "[class]", ".posts [id]", "article > [class], [href]",  # last steps naming only an attribute
])
def test_index_answers_as_xpath(page, css):
    assert Index(page).select(css) == select(page, css)


def test_index_orders_a_large_union_as_xpath():
    items = "".join(f'<li class="{"a" if i % 3 else "b"}">{i}</li>' for i in range(700))
    root = lxml.html.document_fromstring(f"<html><body><ul>{items}</ul></body></html>")
    index = Index(root)
    assert index.select(".b, .a") == select(root, ".b, .a")  # past the path-key limit: numbered order
    small = Index(root.find(".//ul"))
    assert [el.text for el in small.select("li.b, li.a")][:4] == ["0", "1", "2", "3"]


def test_select_one_is_the_first_in_document_order(page):
    assert select_one(page, ".author, h1").text == "T"
    assert select_one(page, ".nothing") is None


@pytest.mark.parametrize("markup, expected", [
    ("<span>  Bob\n Smith </span>", "Bob Smith"),  # a leaf: no walk
    ("<span></span>", None),
    ("<p>a<br>b</p>", "a b"),
    ("<br>", None),
    ("<p>x<script>var y</script><!-- c -->z<style>s</style></p>", "xz"),
    ("<div>a<span>b<b>c</b></span>d</div>", "abcd"),
    ("<script>only</script>", None),
    ("<title>hidden</title>", None),
])
def test_text_of(markup, expected):
    el = lxml.html.fragment_fromstring(markup)
    assert text_of(el) == expected


def test_text_of_comment_and_string():
    el = lxml.html.fragment_fromstring("<div><!-- note -->after</div>")
    assert text_of(el[0]) is None
    assert text_of("  a \ue001 b ") == "a b"
    assert text_of(None) is None


def _random_page(rnd, depth: int) -> str:
    if depth == 0 or rnd.random() < 0.25:
        return "t"
    out = []
    for _ in range(rnd.randint(1, 3)):
        tag, cls = rnd.choice(["div", "span", "p", "li"]), rnd.choice(["a", "b", "a b", "b\tc", ""])
        attrs = (f' class="{cls}"' if cls else "") + (f' id="i{rnd.randint(0, 2)}"' if rnd.random() < .2 else "")
        out.append(f"<{tag}{attrs}>{_random_page(rnd, depth - 1)}</{tag}>")
    return "".join(out)


def _random_selector(rnd) -> str:
    def compound():
        head = rnd.choice(["", "div", "span", "li", "*"])
        return head + "".join(rnd.choice([".a", ".b", ".c", "#i1"]) for _ in range(rnd.randint(0 if head else 1, 2)))
    parts = [compound()]
    for _ in range(rnd.randint(0, 3)):
        parts += [rnd.choice([" ", " > "]), compound()]
    return "".join(parts)


def _assert_index_matches_xpath(seed: int, page, selector, per_scope: int) -> None:
    """Index(scope).select(css) == select(scope, css) on random pages, from the root and from
    two of its divs, for random unions of `selector(rnd)`."""
    import random

    rnd = random.Random(seed)
    for _ in range(60):
        root = lxml.html.document_fromstring(f"<html><body>{page(rnd, 6)}</body></html>")
        for scope in [root, *list(root.iter("div"))[:2]]:
            index = Index(scope)
            for _ in range(per_scope):
                css = ", ".join(selector(rnd) for _ in range(rnd.randint(1, 3)))
                assert index.select(css) == select(scope, css), css


def test_index_matches_xpath_on_random_pages():
    _assert_index_matches_xpath(5, _random_page, _random_selector, 10)


def _random_attr_page(rnd, depth: int) -> str:
    if depth == 0 or rnd.random() < 0.25:
        return "t"
    out = []
    for _ in range(rnd.randint(1, 3)):
        tag = rnd.choice(["div", "span", "a", "li"])
        attrs = "".join(rnd.choice(['', ' class="a"', ' class="b c"', ' id="x1"', ' id="y2"', ' href="/p/x?y"',
                                    ' href="/q"', ' data-k="v"', ' data-k="w v"', ' hidden'])
                        for _ in range(rnd.randint(0, 2)))
        if attrs.count("class=") > 1 or attrs.count("id=") > 1 or attrs.count("href=") > 1 or attrs.count("data-k") > 1:
            attrs = ""  # one value per attribute
        out.append(f"<{tag}{attrs}>{_random_attr_page(rnd, depth - 1)}</{tag}>")
    return "".join(out)


def _random_attr_selector(rnd) -> str:
    """Selectors whose steps name only attributes or only a tag, after class or id steps: the
    steps that Index answers from attribute values and from under their containers."""
    def compound():
        head = rnd.choice(["", "", "div", "a", "span", "*"])
        tests = ["[id]", "[id^=x]", "[href*='/p/']", "[href$=q]", "[data-k=v]", "[data-k='w v']", "[hidden]",
                 ".a", ".c", "#y2"]
        return head + "".join(rnd.choice(tests) for _ in range(rnd.randint(0 if head else 1, 2)))
    parts = [compound()]
    for _ in range(rnd.randint(0, 2)):
        parts += [rnd.choice([" ", " ", " > "]), compound()]
    return "".join(parts)


def test_index_matches_xpath_with_attribute_and_tag_steps_on_random_pages():
    _assert_index_matches_xpath(11, _random_attr_page, _random_attr_selector, 12)


def test_index_reads_a_tag_step_under_nested_containers_once(page):
    root = lxml.html.document_fromstring(
        '<html><body><div class="box"><a href="1">1</a><div class="box"><a href="2">2</a></div>'
        '<a>3</a></div><a href="4">4</a><p class="box"><a href="5">5</a></p></body></html>')
    found = Index(root).select(".box a[href]")
    assert [a.text for a in found] == ["1", "2", "5"]
    assert found == select(root, ".box a[href]")
