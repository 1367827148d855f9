"""The given Jive thread as an HTML page parses to the same records as its text dump.

The page is given-thread-page.html, not given-thread.html: golden files are keyed by the
page's stem, and given-thread.json already holds the text dump's records.
"""
from __future__ import annotations

from conftest import FIXTURES

import forumparse
from forumparse import registry
from forumparse.document import Document

JIVE = FIXTURES / "jive"
AUTHOR_FIELDS = ("name", "rank", "post_count", "joined")
POST_FIELDS = ("timestamp", "timestamp_raw", "body", "quotes")
THREAD_FIELDS = ("title", "views", "reply_count", "latest_reply", "engine", "warnings")


def _both():
    html = forumparse.parse_thread(JIVE / "given-thread-page.html")
    text = forumparse.parse_thread(JIVE / "given-thread.txt")
    return html, text


def test_html_page_gives_the_text_dump_records():
    html, text = _both()
    assert html.source_format == "html" and text.source_format == "text"
    for name in THREAD_FIELDS:
        assert getattr(html, name) == getattr(text, name), name
    assert len(html.posts) == len(text.posts) == 3
    for h, t in zip(html.posts, text.posts, strict=True):
        for name in POST_FIELDS:
            assert getattr(h, name) == getattr(t, name), (h.index, name)
        for name in AUTHOR_FIELDS:
            assert getattr(h.author, name) == getattr(t.author, name), (h.index, name)


def test_html_page_adds_what_only_markup_has():
    html, _ = _both()
    first = html.posts[0]
    assert first.post_id == "5524316"
    assert first.author.profile_url == "/people/ChicagoBlv31"
    assert first.author.user_id == "1118821"
    assert first.body_html.startswith("<p>Hi all,</p>")
    assert html.breadcrumbs == ("Community", "Running", "Injuries and Recovery")


def test_html_adapter_claims_the_page_and_text_adapter_keeps_the_dump():
    assert registry.choose(Document.load(JIVE / "given-thread-page.html")).format == "html"
    assert registry.choose(Document.load(JIVE / "given-thread-page.html")).name == "jive"
    assert registry.choose(Document.load(JIVE / "given-thread.txt")).format == "text"


def test_noise_around_the_posts_is_not_parsed():
    html, _ = _both()
    text = " ".join(p.body for p in html.posts)
    for noise in ("Skip navigation", "Currently Being Moderated", "More Like This", "Retrieving data"):
        assert noise not in text
