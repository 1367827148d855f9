"""Detection order: hints put a page's likely adapter first without changing what is chosen."""
from __future__ import annotations

import random

import pytest
from conftest import golden_pages

from forumparse import registry
from forumparse.adapters import _html_common as common
from forumparse.document import Document

HEAD = ('<html id="Top" class="Dark"><head><meta name="generator" content="Acme Board 3.2">'
        '<script src="/static/acme-core.js"></script><script>var ACME_SESSION = "x";</script></head>'
        '<body class="acme-thread"><div>{}</div></body></html>')


class Fake:
    format, priority = "html", 0.5

    def __init__(self, name, score, hints=()):
        self.name, self.score, self.hints, self.asked = name, score, hints, 0

    def detect(self, doc):
        self.asked += 1
        return self.score

    def parse(self, doc, ctx):
        raise AssertionError("not parsed here")


@pytest.fixture
def only(monkeypatch):
    """Make the registry hold just the given adapters."""
    def install(*adapters):
        registered = tuple(sorted(adapters, key=lambda a: a.name))
        monkeypatch.setattr(registry, "all_adapters", lambda: registered)
    yield install


@pytest.mark.parametrize("page", golden_pages(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_choose_is_the_top_of_score_all(page):
    scored = registry.score_all(Document.load(page))
    chosen = registry.choose(Document.load(page))
    if scored and scored[0][0] > 0:
        assert chosen is scored[0][1]
    else:
        assert chosen.name == registry.FALLBACK[chosen.format]


def test_fingerprint_reads_root_body_and_head_lower_cased():
    page = registry.fingerprint(Document.load(HEAD.format("post")))
    for part in ("top", "dark", "acme board 3.2", "/static/acme-core.js", "var acme_session", "acme-thread"):
        assert part in page
    assert "post" not in page  # the body's content is not read


def test_fingerprint_is_bounded():
    links = "".join(f'<link rel="preload" href="/assets/chunk-{i:04d}.js">' for i in range(2000))
    doc = Document.load(f"<html><head>{links}</head><body><p>x</p></body></html>")
    assert len(registry.fingerprint(doc)) == registry.FINGERPRINT_SIZE


def test_a_hinted_certain_adapter_is_asked_first(only):
    plain, hinted = Fake("aaa", 0.0), Fake("zzz", 1.0, hints=("acme-core",))
    only(plain, hinted)
    assert registry.choose(Document.load(HEAD.format("post"))) is hinted
    assert plain.asked == 0  # the certain score ended detection


def test_hints_only_order_the_asking(only):
    better, hinted = Fake("aaa", 0.95), Fake("zzz", 0.9, hints=("acme-core",))
    only(better, hinted)
    doc = HEAD.format("post")
    assert registry.choose(Document.load(doc)) is better  # no gate: the best score still wins
    assert registry.score_all(Document.load(doc))[0][1] is better


def test_between_two_certain_adapters_the_hinted_one_wins(only):
    first_by_name, hinted = Fake("aaa", 1.0), Fake("zzz", 1.0, hints=("acme-core",))
    only(first_by_name, hinted)
    assert registry.choose(Document.load(HEAD.format("post"))) is hinted
    assert registry.score_all(Document.load(HEAD.format("post")))[0][1] is hinted
    plain = "<html><head></head><body><div>post</div></body></html>"
    assert registry.choose(Document.load(plain)) is first_by_name  # no hint: name order


# Engines whose pages name themselves in the fingerprint (a page of theirs is asked about first).
HINTED = {"discourse", "fluxbb", "forumotion", "hackernews", "invision", "jive", "mybb", "nodebb", "phorum", "phpbb",
          "pipermail", "ptt", "reddit", "smf", "somethingawful", "stackexchange", "vanilla", "vbulletin", "xenforo"}


def test_engine_adapters_keep_their_hints():
    hinted = {a.name for a in registry.all_adapters() if a.format == "html" and getattr(a, "hints", ())}
    assert hinted >= HINTED, f"hints lost: {sorted(HINTED - hinted)}"


def test_builtin_hints_are_lower_case_strings():
    for adapter in registry.all_adapters():
        hints = getattr(adapter, "hints", ())
        assert isinstance(hints, tuple), adapter.name
        for hint in hints:
            assert isinstance(hint, str) and hint and hint == hint.lower(), (adapter.name, hint)


@pytest.mark.parametrize("words_after", [0, 4, 10_000])
def test_marker_scan_answers_plain_substring_tests(monkeypatch, words_after):
    """Whether the word list is built at once, later or never, the answers are the same."""
    monkeypatch.setattr(common, "_WORDS_AFTER", words_after)
    rng = random.Random(7)
    vocab = ["post", "postbody", "class=\"post", "id='p1'", "viewtopic.php?t=1", "Powered by", "bbp-reply",
             "Ünïcode", "<div>", "</span>", "data-x=\"1\"", "xf_", "vb_"]
    text = " ".join(rng.choice(vocab) for _ in range(3000))
    markers = vocab + ["absent-marker", "post\"", "class=\"postprofile", "Powered by <a", "viewtopic.php?t=2",
                       "CLASS=\"post", "POWERED BY", "viewTopic", "ÜNÏCODE", "XF_"]  # present in another case only
    scan = common._Scan(text)
    for marker in markers * 2:
        for size in (None, 50, 5000):
            assert scan.in_head(marker, size) == (marker in text[:size])
        assert scan.in_last(marker, 700) == (marker in text[-700:])
        if marker.isascii() and marker == marker.lower():
            assert scan.in_lower(marker, 0, 9000) == (marker in text[:9000].lower())
