"""XenForo, Invision, NodeBB and Discourse: detection stays apart, and edge cases of each engine."""
from __future__ import annotations

import pytest
from conftest import FIXTURES

import forumparse
from forumparse import registry
from forumparse.document import Document

ENGINES = ("xenforo", "invision", "nodebb", "discourse")


@pytest.mark.parametrize("engine", ENGINES)
def test_no_engine_claims_another_engines_fixture(engine):
    adapter = registry.get(engine, "html")
    for page in sorted(FIXTURES.glob("*/*.html")):
        score = adapter.detect(Document.load(page))
        if page.parent.name == engine:
            assert score >= 0.9, f"{engine} is unsure of its own {page.name}"
        else:
            assert score < 0.5, f"{engine} claims {page.parent.name}/{page.name} ({score})"


def test_ipb3_similar_topics_box_is_not_a_post():
    thread = forumparse.parse_thread(FIXTURES / "invision" / "ipb3-topic.html")
    assert [p.author.name for p in thread.posts] == ["greenleaf", "smokey"]
    assert thread.reply_count == 1  # "1 reply to this topic", not the similar topic's "13 replies"


def test_nodebb_views_are_the_topics_own():
    thread = forumparse.parse_thread(FIXTURES / "nodebb" / "harmony-topic.html")
    assert thread.views == 2710  # the exact title= figure, not "2.7k" nor the sidebar topic's count


def test_xenforo_nested_posts_keep_their_own_author_fields():
    page = """<html id="XF"><body>
    <article class="message message--post" data-author="Ann" data-content="post-1">
      <h4 class="message-name"><a class="username" href="/members/ann.1/">Ann</a></h4>
      <div class="message-body"><div class="bbWrapper">First words.</div></div>
      <article class="message message--post" data-author="Ben" data-content="post-2">
        <h4 class="message-name"><a class="username" href="/members/ben.2/">Ben</a></h4>
        <h5 class="message-userTitle">Regular</h5>
        <div class="message-body"><div class="bbWrapper">Second words.</div></div>
      </article>
    </article></body></html>"""
    thread = forumparse.parse_thread(page)
    assert [(p.author.name, p.author.rank, p.body) for p in thread.posts] == [
        ("Ann", None, "First words."), ("Ben", "Regular", "Second words.")]


def test_discourse_broken_preloaded_json_is_ignored():
    page = """<html><head><meta name="generator" content="Discourse 2.4"></head><body>
    <div id="data-preloaded" data-preloaded="{&quot;topic_1&quot;:&quot;{\\&quoquot;broken"></div>
    <div class="topic-body crawler-post"><span itemprop="author"><span itemprop="name">sam</span></span>
    <time itemprop="datePublished" datetime="2014-02-06T04:55:19Z">Feb 6</time><span itemprop="position">#1</span>
    <div class="post" itemprop="articleBody"><p>Hello there.</p></div></div></body></html>"""
    thread = forumparse.parse_thread(page)
    assert thread.engine == "discourse"
    assert [(p.author.name, p.timestamp, p.body) for p in thread.posts] == [
        ("sam", "2014-02-06T04:55:19+00:00", "Hello there.")]


def test_xenforo1_post_ratings_add_on_counts_as_likes():
    page = """<html id="XenForo"><body><ol id="messageList">
    <li id="post-7" class="message" data-author="Crow">
      <div class="messageUserInfo"><a class="username" href="members/crow.1/">Crow</a></div>
      <div class="messageInfo"><div class="messageContent"><article>
        <blockquote class="messageText ugc">Roll for it.</blockquote></article></div>
      <div class="dark_postrating likesSummary"><ul class="dark_postrating_outputlist">
        <li><img alt="Like"> Like x <strong>3</strong></li><li><img alt="Hugs"> Hugs x <strong>1</strong></li>
      </ul></div></div>
    </li></ol></body></html>"""
    thread = forumparse.parse_thread(page)
    assert [(p.author.name, p.likes, p.post_id) for p in thread.posts] == [("Crow", 4, "7")]
