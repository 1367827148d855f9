"""The adapter registry: built-ins, detection scores, forcing, and entry-point plugins."""
from __future__ import annotations

import importlib.metadata
import warnings

import pytest
from conftest import golden_pages

import forumparse
from forumparse import registry
from forumparse.document import Document

GUESTBOOK = "GUESTBOOK\nann: hello there\nbob: hi ann\n"


@pytest.fixture
def plugins(monkeypatch):
    """Install fake entry points; the registry is rebuilt before and after."""

    def install(*specs):
        eps = [importlib.metadata.EntryPoint(name=n, value=v, group=registry.ENTRY_POINT_GROUP) for n, v in specs]

        def entry_points(**kw):
            return [ep for ep in eps if ep.group == kw.get("group")]

        monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
        registry.reload()

    yield install
    registry.reload()


def test_names_unique_lowercase_and_fallbacks_present():
    keys = [(a.name, a.format) for a in registry.all_adapters()]
    assert len(keys) == len(set(keys))
    for name, fmt in keys:
        assert name == name.lower() and " " not in name
        assert fmt in ("html", "text")
    assert ("generic-html", "html") in keys and ("generic-text", "text") in keys
    listed = forumparse.list_adapters()
    assert {a["name"] for a in listed} >= {"jive", "generic-html", "generic-text"}


@pytest.mark.parametrize("page", golden_pages(), ids=lambda p: p.name)
def test_detect_scores_are_floats_in_range(page):
    doc = Document.load(page)
    for adapter in registry.all_adapters():
        if adapter.format == doc.format:
            score = adapter.detect(doc)
            assert isinstance(score, (float, int)) and 0.0 <= score <= 1.0, adapter.name


def test_forced_adapter_is_used():
    given = golden_pages()[0].read_bytes()
    with pytest.raises(forumparse.NotAThreadError):
        forumparse.parse_thread("Nothing here but a sentence.", adapter="jive")
    thread = forumparse.parse_thread(given, adapter="jive") if b"posts since" in given else None
    if thread is not None:
        assert thread.engine == "jive"


def test_forced_adapter_of_the_other_format_is_our_error():
    with pytest.raises(forumparse.UnknownAdapterError, match="reads text"):
        forumparse.parse_thread("<html><body><p>x</p></body></html>", adapter="generic-text")


def test_entry_point_plugin_is_found_and_wins(plugins):
    plugins(("guestbook", "plugin_example:GuestbookAdapter"))
    assert ("guestbook", "text") in [(a.name, a.format) for a in registry.all_adapters()]
    thread = forumparse.parse_thread(GUESTBOOK)
    assert thread.engine == "guestbook"
    assert [(p.author.name, p.body) for p in thread.posts] == [("ann", "hello there"), ("bob", "hi ann")]


def test_broken_plugins_warn_and_are_skipped(plugins):
    plugins(
        ("exploding", "plugin_example:broken_import_missing"),
        ("wrong-shape", "plugin_example:NotAnAdapter"),
        ("no-module", "no_such_module_xyz:Thing"),
        ("guestbook", "plugin_example:GuestbookAdapter"),
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        adapters = registry.all_adapters()
    messages = [str(w.message) for w in caught if issubclass(w.category, registry.PluginWarning)]
    assert len(messages) == 3
    assert any("wrong-shape" in m for m in messages)
    assert "guestbook" in {a.name for a in adapters}


def test_plugins_can_be_switched_off(plugins, monkeypatch):
    monkeypatch.setenv(registry.NO_PLUGINS_ENV, "1")
    plugins(("guestbook", "plugin_example:GuestbookAdapter"))
    assert "guestbook" not in {a.name for a in registry.all_adapters()}


def test_a_crashing_detector_does_not_stop_detection(plugins):
    class Crashing:
        name, format, priority = "crashing", "text", 0.5

        def detect(self, doc):
            raise ZeroDivisionError

        def parse(self, doc, ctx):
            raise AssertionError("never chosen")

    import unittest.mock

    plugins()
    original = registry.all_adapters()
    with unittest.mock.patch.object(registry, "all_adapters", lambda: (Crashing(),) + original):
        with pytest.warns(UserWarning, match="crashing"):
            chosen = registry.choose(Document.load("just a line of text\nand another\n"))
    assert chosen.name != "crashing"
