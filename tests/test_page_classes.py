"""page_classes answers selectors in fewer passes: it must give what select() and XPath give."""
from __future__ import annotations

import lxml.html
import pytest

from forumparse.html.page_classes import (
    by_attribute,
    by_class,
    by_id_prefix,
    by_owner,
    earliest,
    texts_with,
    with_id_prefix,
    within,
)
from forumparse.html.select import select

PAGE = """<html><head><title>View topic - Replies</title></head><body>
<div id="nav" class="navbar nav"><a href="/">Index</a> <span class="nav">Forum</span></div>
<div class="post" id="p1"><p class="#nav x" id="q">a <b class="name">Ann</b> 3 REPLIES</p>
  <div class="content a&#160;post">body<span class="pagination">1</span></div></div>
<div class="post bg2" id="p2"><p id="nav" class="y">b</p><span class="name\tbig">Bob</span>
  <div class="post" id="p3"><i class="name">nested</i> views</div></div>
<div component="post" data-pid="7"><div component="post/content" itemprop="text">c</div></div>
<ul class="crumbs"><li><strong><a href="/f">Forum</a></strong></li><li class="last"><a>Topic</a></li></ul>
tail view <!-- a view in a comment --> after
</body></html>"""

SELECTORS = ["#nav", ".nav", "p#nav", "#nav, .y", ".x", "span.nav", ".name", "span.name, b.name",
             "div.post", ".post.bg2", ".pagination, td.nav, span.nav", "[component=post]", "ul.crumbs li"]


@pytest.fixture(scope="module")
def tree():
    return lxml.html.fromstring(PAGE)


@pytest.mark.parametrize("css", SELECTORS)
def test_by_class_equals_select(tree, css):
    assert by_class(tree, group=css)["group"] == select(tree, css)


def test_by_class_answers_several_groups_in_one_call(tree):
    found = by_class(tree, names=".name", posts="div.post", nav="#nav")
    assert [el.text_content() for el in found["names"]] == ["Ann", "Bob", "nested"]
    assert [el.get("id") for el in found["posts"]] == ["p1", "p2", "p3"]
    assert [el.tag for el in found["nav"]] == ["div", "p"]


def test_by_owner_gives_each_element_to_its_nearest_owner(tree):
    posts = by_class(tree, posts="div.post")["posts"]
    owned = by_owner(posts, by_class(tree, names=".name")["names"])
    assert [[el.text_content() for el in owned.get(p, [])] for p in posts] == [["Ann"], ["Bob"], ["nested"]]


@pytest.mark.parametrize("inner", ["li strong a", "li.last a", "li", "a"])
def test_within_equals_the_descendant_selector(tree, inner):
    outers = by_class(tree, crumbs="ul.crumbs")["crumbs"]
    assert list(within(outers, inner)) == select(tree, f"ul.crumbs {inner}")


def test_earliest_is_the_first_in_document_order(tree):
    first, second = select(tree, ".name")[:2]
    assert earliest(second, first) is first and earliest(first, second) is first
    assert earliest(None, second) is second and earliest(first, None) is first
    post = select(tree, "#p2")[0]
    assert earliest(select(tree, "#p3")[0], post) is post  # an ancestor comes first


@pytest.mark.parametrize("word", ["view", "repl"])
def test_texts_with_equals_the_translate_xpath(tree, word):
    upper = word.upper()
    nodes = tree.xpath(f"//text()[contains(translate(., '{upper}', '{word}'), '{word}')]")
    assert list(texts_with(tree, word)) == [(str(n), n.getparent()) for n in nodes]
    assert next(texts_with(tree, word), None) is not None  # the page holds both words


def test_id_prefixes_and_attributes(tree):
    assert [el.get("id") for el in by_id_prefix(tree, "p", "q")["p"]] == ["p1", "p2", "p3"]
    assert [el.get("id") for el in with_id_prefix(tree, "q", "p3")] == ["q", "p3"]
    marked = by_attribute(tree, "component", "itemprop")
    assert marked[("component", "post")] == select(tree, "[component=post]")
    assert marked[("itemprop", "text")] == select(tree, "[itemprop=text]")
