"""An engine adapter's incomplete reading of a page gives way to the generic heuristics."""
from __future__ import annotations

from pathlib import Path

import pytest

import forumparse
from forumparse import quality, registry
from forumparse.records import Author, Post, Thread

PAGE = Path(__file__).parent / "fixtures" / "generic-html" / "table-2005.html"


def _thread(n, named=True, dated=True, worded=True):
    return Thread(posts=tuple(
        Post(author=Author(name=f"user{i}") if named else None,
             timestamp="2005-03-01T10:00:00" if dated else None,
             body=f"words of post {i}" if worded else "")
        for i in range(n)))


def test_complete_reading_is_not_incomplete():
    assert not quality.looks_incomplete(_thread(4))
    assert quality.completeness(_thread(4)) == 1.0


@pytest.mark.parametrize("kwargs", [{"named": False}, {"worded": False}, {"dated": False}])
def test_missing_authors_text_or_every_time_is_incomplete(kwargs):
    assert quality.looks_incomplete(_thread(4, **kwargs))


def test_better_needs_a_clear_margin_and_a_similar_post_count():
    nameless = _thread(4, named=False)
    assert quality.better(_thread(4), nameless)
    assert not quality.better(_thread(4, dated=False), _thread(4))  # less complete: never chosen
    assert not quality.better(_thread(1), nameless)    # a quarter of the posts: not the same page read better
    assert not quality.better(_thread(20), nameless)   # five times as many: something else was read


class _Nameless:
    """An engine adapter that recognises the page but misses its authors and dates."""

    name, format, priority, description = "nameless-engine", "html", 0.5, "test double"

    def __init__(self, complete=False):
        self.complete = complete

    def detect(self, doc):
        return 1.0

    def parse(self, doc, ctx):
        generic = registry.get("generic-html", "html").parse(doc, ctx)
        if self.complete:
            return generic
        return Thread(title=generic.title, posts=tuple(Post(body=p.body) for p in generic.posts))


@pytest.fixture
def engine(monkeypatch):
    def install(adapter):
        monkeypatch.setattr(registry, "choose", lambda doc: adapter)
    return install


def test_incomplete_engine_reading_is_replaced_by_the_generic_one(engine):
    engine(_Nameless())
    thread = forumparse.parse_thread(PAGE)
    assert thread.engine == "generic-html"
    assert all(p.author and p.author.name for p in thread.posts)
    assert any("nameless-engine adapter read this page incompletely" in w for w in thread.warnings)


def test_complete_engine_reading_is_kept(engine):
    engine(_Nameless(complete=True))
    thread = forumparse.parse_thread(PAGE)
    assert thread.engine == "nameless-engine"
    assert not any("incompletely" in w for w in thread.warnings)


def test_forced_adapter_is_never_replaced(monkeypatch):
    real_get = registry.get
    monkeypatch.setattr(registry, "get",
                        lambda name, fmt: _Nameless() if name == "nameless-engine" else real_get(name, fmt))
    thread = forumparse.parse_thread(PAGE, adapter="nameless-engine")
    assert thread.engine == "nameless-engine"
    assert all(p.author is None for p in thread.posts)
