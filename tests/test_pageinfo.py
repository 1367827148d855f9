"""Page helpers shared by the HTML engine adapters."""
from __future__ import annotations

import lxml.html
import pytest

from forumparse.context import ParseContext
from forumparse.document import Document
from forumparse.html.pageinfo import (
    PostScope,
    absolute,
    author_stats,
    canonical_url,
    count_named,
    id_in_url,
    label_pairs,
    text_without,
)
from forumparse.html.select import select


def _el(markup: str):
    return lxml.html.fragment_fromstring(markup, create_parent="div")


@pytest.mark.parametrize("href, expected", [
    ("members/bob.123/", "123"),
    ("https://x.example/profile/12-netfan/", "12"),
    ("/user/55-greenleaf/?tab=posts", "55"),
    ("/u/sam", None),
    (None, None),
])
def test_id_in_url(href, expected):
    assert id_in_url(href) == expected


def test_absolute_skips_scripts_and_fragments():
    assert absolute("https://f.example/a/b", "../c") == "https://f.example/c"
    assert absolute("https://f.example/", "javascript:void(0)") is None
    assert absolute(None, "/x") == "/x"


def test_label_pairs_reads_text_and_icon_titles():
    el = _el("<dl><dt>Beiträge</dt><dd>2.206</dd></dl><dl><dt><i title='Joined'></i></dt><dd>Feb 6, 2011</dd></dl>")
    pairs = [(label, dd.text_content()) for label, dd in label_pairs(el)]
    assert pairs == [("Beiträge", "2.206"), ("Joined", "Feb 6, 2011")]


def test_author_stats_from_pairs_in_other_languages():
    ctx = ParseContext(Document("<html><body></body></html>"))
    el = _el("<dl><dt>Сообщения</dt><dd>14</dd></dl><dl><dt>Реакции</dt><dd>3</dd></dl>"
             "<dl><dt>Mitglied seit</dt><dd>28. Juni 2014</dd></dl><dl><dt>Ort</dt><dd>Hamburg</dd></dl>")
    assert author_stats(label_pairs(el), ctx) == {"post_count": 14, "joined": "2014-06-28", "location": "Hamburg"}


def test_count_named_adds_the_others():
    el = _el("<a class='l'><bdi>Niro</bdi>, <bdi>Dad</bdi> and 12 others</a>")
    assert count_named(select(el, "a.l")[0], "bdi") == 14
    assert count_named(_el("<span>Leo</span>"), "a.username") is None


def test_post_scope_ignores_nested_posts():
    # an unclosed tag nests the second post inside the first one
    el = _el("<article class='p'><h4>first</h4><article class='p'><h4>second</h4></article></article>")
    posts = select(el, "article.p")
    scope = PostScope(posts)
    assert [scope.text(p, "h4") for p in posts] == ["first", "second"]
    assert len(scope.all(posts[0], "h4")) == 1


def test_post_scope_has_no_match_when_only_a_nested_post_has_one():
    el = _el("<article class='p'><article class='p'><h5>title</h5></article></article>")
    posts = select(el, "article.p")
    assert PostScope(posts).one(posts[0], "h5") is None


def test_text_without_prefix_labels():
    el = _el("<h1><span class='label'>Solved</span> Tabby cat</h1>")
    assert text_without(select(el, "h1")[0], ".label") == "Tabby cat"


def test_canonical_url_prefers_link_then_og():
    tree = lxml.html.fromstring("<html><head><meta property='og:url' content='https://a.example/t/1'></head></html>")
    assert canonical_url(tree) == "https://a.example/t/1"
