"""common.Seen: repeating author markup read once per parse, never mixed up with other markup."""
from __future__ import annotations

import lxml.html

from forumparse.adapters._phpbb_common import Seen


def _boxes(html: str) -> list:
    return lxml.html.fromstring(f"<div>{html}</div>").findall("dl")


def _counting():
    calls = []

    def read(el):
        calls.append(el)
        return el.text_content().strip()
    return read, calls


def test_boxes_that_differ_only_by_id_are_read_once():
    read, calls = _counting()
    seen = Seen()
    boxes = _boxes('<dl id="profile1" class="postprofile"><dt>ann</dt></dl>'
                   '<dl id="profile2" class="postprofile"><dt>ann</dt></dl>')
    assert [seen.read(read, box) for box in boxes] == ["ann", "ann"]
    assert calls == boxes[:1]


def test_other_content_class_or_arguments_are_read_again():
    read, calls = _counting()
    seen = Seen()
    boxes = _boxes('<dl class="postprofile"><dt>ann</dt></dl><dl class="postprofile"><dt>bob</dt></dl>'
                   '<dl class="other"><dt>ann</dt></dl>')
    assert [seen.read(read, box) for box in boxes] == ["ann", "bob", "ann"]
    assert calls == boxes
    def numbered(el, n):
        return n
    assert seen.read(numbered, boxes[0], 1) == 1
    assert seen.read(numbered, boxes[0], 2) == 2


def test_statistics_are_read_once_per_distinct_lines():
    class Ctx:  # read_stats needs dates only for "Joined:" lines
        dates = None

    seen = Seen()
    first = seen.stats(["Moderator", "Posts: 57"], Ctx())
    assert first == {"plain": ["Moderator"], "post_count": 57}
    assert seen.stats(("Moderator", "Posts: 57"), Ctx()) is first
    assert seen.stats(["Posts: 58"], Ctx())["post_count"] == 58
