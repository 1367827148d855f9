"""Page-wide lookups that replace per-post searches in the long-tail adapters give the per-post answers."""
from __future__ import annotations

import lxml.html
import pytest
from conftest import FIXTURES

from forumparse.adapters import ubbthreads
from forumparse.adapters._scope import box_scope
from forumparse.html.page_classes import holders
from forumparse.html.pageinfo import PostScope
from forumparse.html.select import select, select_one, text_of

CASES = [("kunena/aurelia-k6-guest.html", ".kpost-username, .profilebox, .kpost-profile, a[class*=kwho-]"),
         ("kunena/blue-eagle-k3.html", ".kpost-username, .profilebox, .kpost-profile, a[class*=kwho-]"),
         ("yabb/yabb2-display.html", "a[href*='action=viewprofile']"),
         ("snitz/snitz34-topic.html", "a[href*='pop_profile.asp']"),
         ("ubbthreads/ubb7-showflat.html", "span.username, .author-content")]


@pytest.mark.parametrize(("case", "css"), CASES)
def test_holders_are_the_elements_whose_subtree_matches(case, css):
    tree = lxml.html.parse(str(FIXTURES / case)).getroot()
    found = holders(select(tree, css))
    expected = {el for el in tree.iter() if isinstance(el.tag, str) and select_one(el, css) is not None}
    assert expected and {el for el in found if isinstance(el.tag, str)} == expected


_SUBJECT = "preceding::td[contains(concat(' ', @class, ' '), ' subjecttable ')][1]"
_ANCHOR = "preceding::a[starts-with(@name, 'Post') or starts-with(@id, 'Post')][1]"


def _per_post(tree, bodies):
    return [(next(iter(b.xpath(_SUBJECT)), None), next(iter(b.xpath(_ANCHOR)), None)) for b in bodies]


@pytest.mark.parametrize("case", ["ubb7-showflat.html", "ubb75-popup-username.html"])
def test_ubbthreads_subject_cell_and_anchor_are_the_nearest_before_each_post(case):
    tree = lxml.html.parse(str(FIXTURES / "ubbthreads" / case)).getroot()
    bodies = select(tree, ubbthreads.UBBThreads.BODY)
    assert ubbthreads._preceding(tree, ubbthreads.UBBThreads.BODY, bodies) == _per_post(tree, bodies)


def test_ubbthreads_a_subject_cell_or_anchor_enclosing_the_post_is_not_before_it():
    # preceding:: leaves out ancestors: the cell and the link around the second post are not "before" it
    tree = lxml.html.fromstring(
        "<html><body><table><tr><td class='subjecttable'><a name='Post1'>1</a></td></tr>"
        "<tr><td class='subjecttable'><a id='Post2'><div id='body1' class='post'>first</div></a></td></tr>"
        "<tr><td class='subjecttable'>x</td><td><div class='post_inner'>second</div></td></tr></table>"
        "</body></html>")
    css = ubbthreads.UBBThreads.BODY
    bodies = select(tree, css)
    found = ubbthreads._preceding(tree, css, bodies)
    assert found == _per_post(tree, bodies)
    assert found[0][0].xpath("string()") == "1" and found[0][1].get("name") == "Post1"


_LOOKUPS = ("a", "img, .kpost-username", "li", ".profilebox strong")


@pytest.mark.parametrize("nested", [False, True])
def test_box_scope_answers_as_a_search_of_each_box(nested):
    tree = lxml.html.parse(str(FIXTURES / "kunena" / "aurelia-k6-guest.html")).getroot()
    boxes = select(tree, "div.row.message")
    if nested:  # a box holding the others (broken markup): each box is searched as a whole
        boxes = [boxes[0].getparent(), *boxes]
    scope = box_scope(boxes)
    assert isinstance(scope, PostScope) is not nested
    for box in boxes:
        for css in _LOOKUPS:
            assert scope.all(box, css) == select(box, css)
            assert scope.one(box, css) is select_one(box, css)
        parts = ("span.nothing", ".profilebox strong", "a")
        assert scope.pick(box, *parts) is next((f[0] for f in (select(box, c) for c in parts) if f), None)
        assert scope.text(box, "span.nothing", "li") == next(
            (t for t in (text_of(el) for el in select(box, "li")) if t), None)
        assert scope.first(box, "span.nothing", "strong") is next((el for el in select(box, "strong")
                                                                  if text_of(el)), None)
