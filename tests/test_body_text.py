"""Body extraction details that its fast paths must keep: spacing, marks, inner html."""
from __future__ import annotations

import lxml.html
import pytest

from forumparse.html.body import extract_body, normalise_text, render_text


def _el(markup: str):
    return lxml.html.fragment_fromstring(markup, create_parent="div")


@pytest.mark.parametrize("raw, expected", [
    ("a\ue001b", "a\nb"),
    ("a\ue002b", "a\n\nb"),
    ("a\ue001\n\ue001b", "a\nb"),  # one line break in the run: a line
    ("a\ue001\n\n\ue001b", "a\n\nb"),  # two: a paragraph
    ("a\n\ue001b", "a\nb"),
    ("a\n\n\n\nb", "a\n\nb"),
    ("a\n\nb", "a\n\nb"),
    ("a \t\u00a0 b", "a b"),
    ("a  b\u3000\u3000c", "a b c"),
    ("a\u2009b", "a b"),
    ("  \ue002 a \ue001 \ue001 b \ue002 ", "a\n\nb"),  # runs split by spaces: two line breaks
    ("a\r\nb", "a\nb"),
    ("", ""),
])
def test_normalise_text(raw, expected):
    assert normalise_text(raw) == expected


def test_render_keeps_pre_lines():
    el = _el("<P>one\ntwo</P><pre>x\n  y</pre><td>cell</td>a<br>b<img src=x>c<div>d</div>")
    assert render_text(el) == "one two\n\nx\ny\n\ncella\nbc\nd"


def test_attribute_less_parts_are_found():
    body = extract_body(_el("<p>kept</p><script>gone()</script><blockquote>quoted</blockquote>"
                            "<span hidden>no</span><i style='display:none'>no</i><b>bold</b>"))
    assert body.text == "kept\n\nbold"
    assert [q.text for q in body.quotes] == ["quoted"]


def test_engine_drop_selector_naming_every_element():
    body = extract_body(_el("text<b>x</b><i>y</i>"), drop_css="*")
    assert body.text == "text"


def test_inner_html_drops_meta_content_type_but_not_text():
    el = _el('&lt;meta http-equiv="Content-Type"&gt; said<meta http-equiv="Content-Type" content="text/html">'
             "<p>x</p>")
    body = extract_body(el)
    assert body.html == '<meta http-equiv="Content-Type"> said<p>x</p>'


def _inner_html_spec(el) -> str:
    """The body html's rule written plainly: the leading text as it is (not escaped), then each
    child serialised with its tail (the fast version serialises the element once)."""
    import lxml.etree

    children = "".join(lxml.etree.tostring(c, method="html", encoding="unicode", with_tail=True) for c in el)
    return ((el.text or "") + children).strip()


@pytest.mark.parametrize("markup", [
    "<div>plain <b>bold</b> tail</div>",
    "<div>a &amp; b &lt; c<br>d</div>",  # leading text that serialising escapes: its raw form is kept
    '<div title="x>y" data-q=\'say "hi"\' hidden>t<i>i</i></div>',  # '>' and quotes inside attributes
    "<div><!-- c -->x<script>if (a < b) {}</script>y</div>",
    "<p>para</p>", "<div></div>", "<span>\u00e9t\u00e9 \u00a0 x</span>",
    '<td class="c">cell<img src="a.png">after</td>',
])
def test_inner_html_is_the_children_serialised(markup):
    el = lxml.html.fragment_fromstring(markup)
    el.tail = "tail outside"
    assert extract_body(el).html == _inner_html_spec(el)


def _normalise_spec(raw: str) -> str:
    """normalise_text's rule written plainly (the fast version must agree)."""
    import re

    raw = re.sub("[\ue001\ue002\n]*[\ue001\ue002][\ue001\ue002\n]*",
                 lambda m: "\n\n" if "\ue002" in m.group(0) or m.group(0).count("\n") >= 2 else "\n", raw)
    lines = [line.strip() for line in re.sub("[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+", " ", raw).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def test_normalise_text_agrees_with_its_rule_on_random_text():
    import random

    rnd = random.Random(9)
    alphabet = ["\ue001", "\ue002", "\n", "\n", " ", " ", "\t", "\u00a0", "\u3000", "\u2009", "\f", "\r",
                "\x85", "\u2028", "a", "é"]
    for _ in range(20000):
        raw = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 24)))
        assert normalise_text(raw) == _normalise_spec(raw), repr(raw)


def test_found_parts_agrees_with_the_selectors_on_random_posts():
    """The one-walk check of which removal passes apply says what the XPath selectors say."""
    import random

    from forumparse.html.body import _found_parts
    from forumparse.html.select import select

    rnd = random.Random(4)

    def tree(depth):
        if depth == 0 or rnd.random() < 0.3:
            return "t"
        out = []
        for _ in range(rnd.randint(1, 3)):
            tag = rnd.choice(["div", "span", "p", "blockquote", "script", "b", "td"])
            attrs = rnd.choice(["", ' class="quote"', ' class="sig x"', ' class="x"', ' id="e1"', " hidden",
                                ' aria-hidden="true"', ' style="display: none"', ' data-k="1"', ' class="a\tb"'])
            out.append(f"<{tag}{attrs}>{tree(depth - 1)}</{tag}>")
        return "".join(out)

    def selector():
        return ", ".join(rnd.choice(["div.quote", ".sig", ".x.sig", "#e1", "[data-k='1']", "td", "span.a.b", "*",
                                     "blockquote", "b.x", "[data-k]"]) for _ in range(rnd.randint(1, 3)))

    for _ in range(300):
        el = _el(tree(5))
        selectors = {"drop": "script, [hidden]", "engine": selector(), "signature": selector(),
                     "edit": None, "quote": selector()}
        found = _found_parts(el, selectors)
        for name, css in selectors.items():
            if css:
                expected = any(f is not el and (name != "quote" or f.tag not in ("a", "span", "b", "li", "i"))
                               for f in select(el, css))
                assert (name in found) == expected, (name, css, lxml.html.tostring(el))
        hidden = any("display" in (f.get("style") or "") for f in el.iterdescendants())
        assert ("hidden" in found) == hidden
