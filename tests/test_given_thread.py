"""The given Jive thread (DESIGN.md, "The given thread") and its variants give the same records."""
from __future__ import annotations

import json

import pytest
from conftest import FIXTURES

import forumparse

JIVE = FIXTURES / "jive"
BODY_STARTS = ("Hi all,", "I am in somewhat the same situation", "Now that you mention it")
BODY_ENDS = ("Thanks a bunch.", "offer advice.", "only just begun.")


def test_given_thread_records():
    thread = forumparse.parse_thread(JIVE / "given-thread.txt")
    assert thread.title == "Just signed up for the Chicago Marathon 2011- but I'm getting back spasms"
    assert (thread.views, thread.reply_count) == (2168, 3)
    assert (thread.engine, thread.source_format) == ("jive", "text")
    assert thread.latest_reply == forumparse.LatestReply(author="Petronio", timestamp="2011-02-06T21:31:00")
    assert [p.author.name for p in thread.posts] == ["ChicagoBlv31", "Petronio", "Petronio"]
    for post, start, end in zip(thread.posts, BODY_STARTS, BODY_ENDS, strict=True):
        assert (post.author.rank, post.author.post_count, post.author.joined) == ("Rookie", 2, "2011-02-06")
        assert post.body.startswith(start) and post.body.endswith(end)
        assert "\n\n\n" not in post.body
    assert [p.timestamp for p in thread.posts] == ["2011-02-06T07:33:00", None, None]
    assert thread.posts[0].timestamp_raw == "Feb 6, 2011 7:33 AM"
    assert thread.warnings == ("the page declares 3 replies but 2 are present",)


def test_noise_is_not_a_post():
    thread = forumparse.parse_thread(JIVE / "given-thread.txt")
    text = " ".join(p.body for p in thread.posts)
    for noise in ("Skip navigation", "Currently Being Moderated", "More Like This", "Retrieving data"):
        assert noise not in text


@pytest.mark.parametrize("variant", ["crlf.txt", "no-indent.txt", "star-bullets.txt", "dash-bullets.txt",
                                     "extra-blank-lines.txt"])
def test_layout_variants_give_identical_records(variant):
    given = forumparse.to_dict(forumparse.parse_thread(JIVE / "given-thread.txt"))
    assert forumparse.to_dict(forumparse.parse_thread(JIVE / variant)) == given


@pytest.mark.parametrize("variant", ["latin1.bin", "utf16.bin"])
def test_encoded_variants_decode_accents(variant):
    thread = forumparse.parse_thread((JIVE / variant).read_bytes())
    assert thread.posts[0].body.endswith("Thanks a bunch, café crème.")
    assert len(thread.posts) == 3


def test_cut_short_copy_keeps_what_is_there():
    thread = forumparse.parse_thread(JIVE / "cut-short.txt")
    assert len(thread.posts) == 3
    assert thread.posts[2].body.endswith("going uphill or downhill")


def test_source_kinds_agree(tmp_path):
    path = JIVE / "given-thread.txt"
    raw = path.read_bytes()
    by_path = forumparse.to_dict(forumparse.parse_thread(path))
    assert forumparse.to_dict(forumparse.parse_thread(str(path))) == by_path
    assert forumparse.to_dict(forumparse.parse_thread(raw)) == by_path
    assert forumparse.to_dict(forumparse.parse_thread(raw.decode("utf-8"))) == by_path
    with path.open("rb") as fh:
        assert forumparse.to_dict(forumparse.parse_thread(fh)) == by_path


def test_golden_json_is_valid_utf8_json():
    data = json.loads((JIVE / "given-thread.json").read_text(encoding="utf-8"))
    assert data["engine"] == "jive"
